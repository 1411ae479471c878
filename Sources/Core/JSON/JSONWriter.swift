/// A JSON value built in memory. Object members keep the order they were
/// added in, so output is deterministic without sorting.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int64)
  case unsigned(UInt64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    JSONWriter.compact(lhs) == JSONWriter.compact(rhs)
  }
}

/// Serialises `JSONValue`s as RFC 8259 text: compact, or indented by two
/// spaces. Strings are escaped as the RFC requires (quote, backslash and
/// control characters); non-finite numbers, which JSON cannot represent,
/// are written as null.
public enum JSONWriter {
  public static func compact(_ value: JSONValue) -> String {
    var output = ""
    write(value, into: &output, indent: nil, depth: 0)
    return output
  }

  public static func pretty(_ value: JSONValue) -> String {
    var output = ""
    write(value, into: &output, indent: "  ", depth: 0)
    return output
  }

  static func write(_ value: JSONValue, into output: inout String, indent: String?, depth: Int) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .integer(let number): output += String(number)
    case .unsigned(let number): output += String(number)
    case .double(let number): output += format(number)
    case .string(let text): writeString(text, into: &output)
    case .array(let values):
      output += "["
      for (index, element) in values.enumerated() {
        separate(index, into: &output, indent: indent, depth: depth)
        write(element, into: &output, indent: indent, depth: depth + 1)
      }
      close("]", empty: values.isEmpty, into: &output, indent: indent, depth: depth)
    case .object(let members):
      output += "{"
      for (index, (key, member)) in members.enumerated() {
        separate(index, into: &output, indent: indent, depth: depth)
        writeString(key, into: &output)
        output += indent == nil ? ":" : ": "
        write(member, into: &output, indent: indent, depth: depth + 1)
      }
      close("}", empty: members.isEmpty, into: &output, indent: indent, depth: depth)
    }
  }

  private static func separate(_ index: Int, into output: inout String, indent: String?, depth: Int)
  {
    if index > 0 { output += "," }
    if let indent { output += "\n" + String(repeating: indent, count: depth + 1) }
  }

  private static func close(
    _ bracket: String, empty: Bool, into output: inout String, indent: String?, depth: Int
  ) {
    if let indent, !empty { output += "\n" + String(repeating: indent, count: depth) }
    output += bracket
  }

  /// Formats a finite double in the shortest form that reads back equal;
  /// integral values keep no fraction.
  static func format(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number.rounded() == number && abs(number) < 1e15 { return String(Int64(number)) }
    return String(number)
  }

  static func writeString(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16, uppercase: false)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
