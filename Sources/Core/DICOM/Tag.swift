/// A DICOM attribute tag: a 16-bit group and a 16-bit element number,
/// stored as one 32-bit value so that tags sort in file order.
public struct Tag: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: UInt32

  @inlinable public init(_ rawValue: UInt32) {
    self.rawValue = rawValue
  }

  public init(group: UInt16, element: UInt16) {
    self.rawValue = UInt32(group) << 16 | UInt32(element)
  }

  public var group: UInt16 { UInt16(truncatingIfNeeded: rawValue >> 16) }
  public var element: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

  /// True for tags in an odd group other than 0001, 0003, 0005, 0007 and
  /// FFFF, which PS3.5 section 7.8 reserves for private data elements.
  public var isPrivate: Bool {
    group & 1 == 1 && group > 0x0007 && group != 0xFFFF
  }

  /// True for a private creator element (gggg,0010) to (gggg,00FF).
  public var isPrivateCreator: Bool {
    isPrivate && element >= 0x0010 && element <= 0x00FF
  }

  /// True for a group length element (gggg,0000).
  public var isGroupLength: Bool { element == 0 }

  /// The `(GGGG,EEEE)` form, with upper-case hexadecimal digits.
  public var description: String {
    "(" + Tag.hex(group) + "," + Tag.hex(element) + ")"
  }

  /// The eight-digit `GGGGEEEE` form the DICOM JSON model uses as a key.
  public var jsonKey: String { Tag.hex(group) + Tag.hex(element) }

  public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.rawValue < rhs.rawValue }

  static func hex(_ value: UInt16) -> String {
    let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
    var bytes = [UInt8](repeating: 0, count: 4)
    for index in 0..<4 {
      bytes[3 - index] = digits[Int(value >> (4 * UInt16(index)) & 0xF)]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Parses `GGGGEEEE`, `(GGGG,EEEE)` or `GGGG,EEEE`; returns nil otherwise.
  public init?(parsing text: String) {
    var digits = text.filter { !"(), ".contains($0) }
    if digits.hasPrefix("0x") { digits.removeFirst(2) }
    guard digits.count == 8, let value = UInt32(digits, radix: 16) else { return nil }
    self.rawValue = value
  }
}

extension Tag {
  /// (FFFE,E000) Item.
  public static let item = Tag(0xFFFE_E000)
  /// (FFFE,E00D) Item Delimitation Item.
  public static let itemDelimitation = Tag(0xFFFE_E00D)
  /// (FFFE,E0DD) Sequence Delimitation Item.
  public static let sequenceDelimitation = Tag(0xFFFE_E0DD)
}
