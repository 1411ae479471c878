/// One entry of the PS3.6 data element registry.
public struct DictionaryEntry: Sendable {
  public let tag: Tag
  /// The first of the VRs the registry allows.
  public let vr: VR?
  /// Every VR the registry allows, such as US and SS for pixel values.
  public let allowedVRs: [VR]
  public let multiplicity: String
  public let keyword: String
  public let isRetired: Bool
}

/// The PS3.6 registry of standard data elements, generated into
/// `DataDictionary+Registry.swift`, with lookup by tag and by keyword.
/// It is built once, on first use, and read-only afterwards.
public enum DataDictionary {
  private struct Tables: Sendable {
    var tags: [UInt32] = []
    var entries: [DictionaryEntry] = []
    var byKeyword: [String: Int] = [:]
    /// Repeating-group entries: the tag with x digits zeroed, the mask of
    /// fixed digits, and the entry.
    var repeaters: [(value: UInt32, mask: UInt32, entry: DictionaryEntry)] = []
  }

  private static let tables: Tables = buildTables()

  /// Returns the registry entry of a tag, including repeating groups such
  /// as (60xx,3000) Overlay Data; nil for private and unknown tags.
  public static func entry(for tag: Tag) -> DictionaryEntry? {
    let tables = Self.tables
    if let index = binarySearch(tables.tags, tag.rawValue) { return tables.entries[index] }
    for repeater in tables.repeaters where tag.rawValue & repeater.mask == repeater.value {
      return repeater.entry
    }
    return nil
  }

  /// Returns the entry with this PS3.6 keyword, such as `PatientID`.
  public static func entry(keyword: String) -> DictionaryEntry? {
    guard let index = tables.byKeyword[keyword] else { return nil }
    return tables.entries[index]
  }

  /// Returns the keyword of a tag, `PrivateCreator` for private creator
  /// elements, or an empty string when the tag is not in the registry.
  public static func keyword(for tag: Tag) -> String {
    if tag.isPrivateCreator { return "PrivateCreator" }
    if tag.isGroupLength && tag.group > 0x0002 { return "GenericGroupLength" }
    return entry(for: tag)?.keyword ?? ""
  }

  /// Returns the VR an implicit VR data set implies for a tag (PS3.5 section 7.1.3):
  /// the registry's VR, UL for group lengths, LO for private creators, and
  /// UN for everything else.
  public static func impliedVR(for tag: Tag) -> VR {
    if tag.isGroupLength { return .UL }
    if tag.isPrivateCreator { return .LO }
    if tag.isPrivate { return .UN }
    return entry(for: tag)?.vr ?? .UN
  }

  /// The number of entries, for tests and diagnostics.
  public static var count: Int { tables.entries.count + tables.repeaters.count }

  private static func binarySearch(_ values: [UInt32], _ target: UInt32) -> Int? {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < target { low = middle + 1 } else { high = middle }
    }
    return low < values.count && values[low] == target ? low : nil
  }

  private static func buildTables() -> Tables {
    var tables = Tables()
    for line in registryText.split(separator: "\n") {
      guard let (tagText, entry) = parse(line), let value = UInt32(tagText, radix: 16)
      else { continue }
      tables.byKeyword[entry.keyword] = tables.entries.count
      tables.tags.append(value)
      tables.entries.append(entry)
    }
    for line in repeaterText.split(separator: "\n") {
      guard let (tagText, entry) = parse(line) else { continue }
      var value: UInt32 = 0
      var mask: UInt32 = 0
      for character in tagText.utf8 {
        let digit = UInt32(hexDigit(character) ?? 0)
        value = value << 4 | digit
        mask = mask << 4 | (hexDigit(character) == nil ? 0 : 0xF)
      }
      tables.repeaters.append((value, mask, entry))
    }
    return tables
  }

  private static func parse(_ line: Substring) -> (Substring, DictionaryEntry)? {
    let fields = line.split(separator: " ")
    guard fields.count == 5 else { return nil }
    let vrs = fields[1].split(separator: "/").compactMap { VR(name: String($0)) }
    let tagValue = UInt32(fields[0].replacingX(), radix: 16) ?? 0
    let entry = DictionaryEntry(
      tag: Tag(tagValue), vr: vrs.first, allowedVRs: vrs, multiplicity: String(fields[2]),
      keyword: String(fields[4]), isRetired: fields[3] == "R")
    return (fields[0], entry)
  }

  private static func hexDigit(_ character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

extension Substring {
  fileprivate func replacingX() -> String {
    String(self.map { $0 == "X" ? "0" : $0 })
  }
}
