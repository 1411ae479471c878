/// Renders a read result as text, one element per line:
/// `(GGGG,EEEE) VR length Keyword value`, with sequence items indented.
public enum DICOMTextDump {
  /// The maximum number of characters of a value shown before it is cut
  /// and marked with `...`.
  static let maxValueWidth = 72

  public static func render(_ result: DICOMReadResult) -> String {
    var lines: [String] = ["# \(result.path)"]
    lines.append("# transfer syntax \(result.transferSyntax.uid)")
    if !result.meta.isEmpty {
      lines.append("# meta group")
      append(result.meta, depth: 0, into: &lines)
    }
    lines.append("# data set")
    append(result.dataSet, depth: 0, into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }

  static func append(_ dataSet: DataSet, depth: Int, into lines: inout [String]) {
    let indent = String(repeating: "  ", count: depth)
    for element in dataSet.elements {
      let length = element.hasUndefinedLength ? "undefined" : String(element.length)
      var keyword = DataDictionary.keyword(for: element.tag)
      if keyword.isEmpty && element.tag.isPrivate {
        keyword = dataSet.privateCreator(of: element.tag).map { "Private[\($0)]" } ?? "Private"
      } else if keyword.isEmpty {
        keyword = "Unknown"
      }
      let head = "\(indent)\(element.tag) \(element.vr) \(length) \(keyword)"
      guard element.vr == .SQ else {
        lines.append(head + " " + value(element, in: dataSet))
        continue
      }
      lines.append(head)
      for (number, item) in dataSet.items(of: element).enumerated() {
        lines.append("\(indent)  Item \(number + 1)")
        append(item, depth: depth + 2, into: &lines)
      }
    }
  }

  static func value(_ element: DataElement, in dataSet: DataSet) -> String {
    if element.tag.rawValue >= 0x7FE0_0008 && element.tag.group == 0x7FE0
      || !element.isValueLoaded && element.length > 0
    {
      return "(value not read)"
    }
    var text: String
    if element.vr.isBulk && element.vr != .OW && element.vr != .OL && element.vr != .OV {
      text = dataSet.bytes(element).prefix(24).map { byte in
        let hex = String(byte, radix: 16, uppercase: true)
        return hex.count == 1 ? "0" + hex : hex
      }.joined(separator: " ")
    } else {
      text = dataSet.strings(of: element).joined(separator: "\\")
    }
    text = String(text.unicodeScalars.map { $0.value < 0x20 ? "." : Character($0) })
    if text.count > maxValueWidth { text = String(text.prefix(maxValueWidth)) + "..." }
    return "[" + text + "]"
  }
}
