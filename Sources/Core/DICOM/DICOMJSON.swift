/// Builds the DICOM JSON model of a data set (PS3.18 annex F): one member
/// per element keyed by `GGGGEEEE`, each an object with `vr` and, when the
/// element has a value, `Value` or `InlineBinary`.
public enum DICOMJSON {
  /// Returns the JSON model of `dataSet`. Bulk values (OB, OD, OF, OL, OV,
  /// OW, UN) appear as base64 `InlineBinary` only when `includeBulk` is
  /// set and the value was read; otherwise such elements carry only `vr`.
  /// Members are sorted by tag and group lengths (gggg,0000) are left
  /// out, as PS3.18 section F.2.2 requires.
  public static func model(of dataSet: DataSet, includeBulk: Bool = false) -> JSONValue {
    let elements = dataSet.elements.filter { !$0.tag.isGroupLength }.sorted { $0.tag < $1.tag }
    return .object(
      elements.map { element in
        (element.tag.jsonKey, attribute(element, in: dataSet, includeBulk: includeBulk))
      })
  }

  static func attribute(_ element: DataElement, in dataSet: DataSet, includeBulk: Bool) -> JSONValue
  {
    var members: [(String, JSONValue)] = [("vr", .string(element.vr.description))]
    if element.vr == .SQ {
      let items = dataSet.items(of: element).map { model(of: $0, includeBulk: includeBulk) }
      if !items.isEmpty { members.append(("Value", .array(items))) }
      return .object(members)
    }
    if element.vr.isBulk {
      if includeBulk && element.isValueLoaded && element.length > 0 {
        let bytes = dataSet.bytes(element)
        members.append(("InlineBinary", .string(Base64.encode(Array(bytes)))))
      }
      return .object(members)
    }
    let values = self.values(element, in: dataSet)
    if !values.isEmpty { members.append(("Value", .array(values))) }
    return .object(members)
  }

  /// Builds the `Value` array of a non-sequence, non-bulk element. Empty values
  /// of a multi-valued element are null (PS3.18 section F.2.5).
  static func values(_ element: DataElement, in dataSet: DataSet) -> [JSONValue] {
    if let numbers = dataSet.numbers(of: element) {
      return numbers.map { number in
        switch number {
        case .signed(let value): return .integer(value)
        case .unsigned(let value): return .unsigned(value)
        case .float(let value): return .double(value)
        }
      }
    }
    if element.vr == .AT {
      return dataSet.attributeTags(of: element).map { .string($0.jsonKey) }
    }
    let texts = dataSet.strings(of: element)
    if texts.count == 1 && texts[0].isEmpty { return [] }
    return texts.map { text in
      if text.isEmpty { return .null }
      switch element.vr {
      case .PN: return personName(PersonName(text))
      case .IS:
        if let value = Int64(text) { return .integer(value) }
        return Double(text).map { .double($0) } ?? .string(text)
      case .DS:
        return Double(text).map { .double($0) } ?? .string(text)
      default: return .string(text)
      }
    }
  }

  /// Builds the object of a PN value from its non-empty component groups
  /// (PS3.18 section F.2.2).
  static func personName(_ name: PersonName) -> JSONValue {
    let groups = name.text.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false)
    var members: [(String, JSONValue)] = []
    for (label, group) in zip(["Alphabetic", "Ideographic", "Phonetic"], groups)
    where !group.isEmpty {
      members.append((label, .string(String(group))))
    }
    return .object(members)
  }
}
