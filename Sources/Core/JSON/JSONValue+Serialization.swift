/// JSON text output with object keys in sorted order, so the same value
/// always gives the same bytes.
extension JSONValue {
  /// Returns the value as JSON text: compact when `indent` is 0, otherwise
  /// one member per line indented by `indent` spaces per level.
  public func serialized(indent: Int = 0) -> String {
    var output = ""
    write(to: &output, indent: indent, level: 0)
    return output
  }

  private func write(to output: inout String, indent: Int, level: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .integer(let number): output += String(number)
    case .number(let number): output += JSONValue.format(number)
    case .string(let text): JSONValue.writeString(text, to: &output)
    case .array(let elements):
      output += "["
      for (index, element) in elements.enumerated() {
        output += JSONValue.separator(index: index, indent: indent, level: level)
        element.write(to: &output, indent: indent, level: level + 1)
      }
      output += JSONValue.closing("]", isEmpty: elements.isEmpty, indent: indent, level: level)
    case .object(let members):
      output += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        output += JSONValue.separator(index: index, indent: indent, level: level)
        JSONValue.writeString(key, to: &output)
        output += indent > 0 ? ": " : ":"
        members[key]!.write(to: &output, indent: indent, level: level + 1)
      }
      output += JSONValue.closing("}", isEmpty: members.isEmpty, indent: indent, level: level)
    }
  }

  private static func separator(index: Int, indent: Int, level: Int) -> String {
    let comma = index > 0 ? "," : ""
    guard indent > 0 else { return comma }
    return comma + "\n" + String(repeating: " ", count: indent * (level + 1))
  }

  private static func closing(_ bracket: String, isEmpty: Bool, indent: Int, level: Int) -> String {
    guard indent > 0, !isEmpty else { return bracket }
    return "\n" + String(repeating: " ", count: indent * level) + bracket
  }

  /// Formats a finite number in its shortest round-trip form; a
  /// non-finite one, which JSON cannot carry, becomes `null`.
  static func format(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number.rounded() == number && abs(number) < 1e15 {
      return String(Int64(number))
    }
    return String(number)
  }

  static func writeString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{00}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
