/// A failure to parse JSON text, with the byte offset where it was found.
public enum JSONError: MedmonError, Equatable {
  case unexpectedEnd(offset: Int)
  case unexpectedByte(UInt8, offset: Int, expected: String)
  case invalidNumber(String, offset: Int)
  case invalidEscape(String, offset: Int)
  case invalidUTF8(offset: Int)
  case controlCharacter(UInt8, offset: Int)
  case tooDeep(limit: Int, offset: Int)
  case tooLarge(size: Int, limit: Int)
  case duplicateKey(String, offset: Int)
  case trailingData(offset: Int)

  public var message: String {
    switch self {
    case .unexpectedEnd(let offset):
      return "JSON text ends early at byte \(offset)"
    case .unexpectedByte(let byte, let offset, let expected):
      return "unexpected \(describe(byte)) at byte \(offset) of JSON text, expected \(expected)"
    case .invalidNumber(let text, let offset):
      return "invalid JSON number \"\(text)\" at byte \(offset)"
    case .invalidEscape(let text, let offset):
      return "invalid JSON string escape \"\(text)\" at byte \(offset)"
    case .invalidUTF8(let offset):
      return "invalid UTF-8 in JSON text at byte \(offset)"
    case .controlCharacter(let byte, let offset):
      return "unescaped control character \(describe(byte)) in a JSON string at byte \(offset)"
    case .tooDeep(let limit, let offset):
      return "JSON text nests deeper than \(limit) levels at byte \(offset)"
    case .tooLarge(let size, let limit):
      return "JSON text of \(size) bytes is larger than the limit of \(limit) bytes"
    case .duplicateKey(let key, let offset):
      return "duplicate JSON object key \"\(key)\" at byte \(offset)"
    case .trailingData(let offset):
      return "unexpected data after the JSON value at byte \(offset)"
    }
  }
}

private func describe(_ byte: UInt8) -> String {
  if byte >= 0x21 && byte < 0x7F {
    return "'\(Character(Unicode.Scalar(byte)))'"
  }
  let hex = String(byte, radix: 16, uppercase: true)
  return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
}
