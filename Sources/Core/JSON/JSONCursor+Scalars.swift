/// Strings and numbers, the two token kinds with an inner grammar.
extension JSONCursor {
  mutating func parseString() throws -> String {
    offset += 1
    var scalars = String.UnicodeScalarView()
    while true {
      let byte = try peek()
      switch byte {
      case UInt8(ascii: "\""):
        offset += 1
        return String(scalars)
      case UInt8(ascii: "\\"):
        scalars.append(try parseEscape())
      case 0x00..<0x20:
        throw JSONError.controlCharacter(byte, offset: offset)
      case 0x00..<0x80:
        scalars.append(Unicode.Scalar(byte))
        offset += 1
      default:
        scalars.append(try parseUTF8Scalar())
      }
    }
  }

  private mutating func parseEscape() throws -> Unicode.Scalar {
    let start = offset
    offset += 1
    let byte = try peek()
    offset += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"): return try parseUnicodeEscape(start: start)
    default: throw JSONError.invalidEscape("\\" + String(Unicode.Scalar(byte)), offset: start)
    }
  }

  private mutating func parseUnicodeEscape(start: Int) throws -> Unicode.Scalar {
    let high = try parseHex4(start: start)
    if (0xDC00...0xDFFF).contains(high) {
      throw JSONError.invalidEscape(escapeText(high), offset: start)
    }
    guard (0xD800...0xDBFF).contains(high) else {
      return Unicode.Scalar(high)!
    }
    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
      bytes[offset + 1] == UInt8(ascii: "u")
    else { throw JSONError.invalidEscape(escapeText(high), offset: start) }
    offset += 2
    let low = try parseHex4(start: start)
    guard (0xDC00...0xDFFF).contains(low) else {
      throw JSONError.invalidEscape(escapeText(high) + escapeText(low), offset: start)
    }
    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
  }

  private mutating func parseHex4(start: Int) throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = try peek()
      guard let digit = hexDigit(byte) else {
        let end = min(offset + 1, bytes.count)
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        throw JSONError.invalidEscape(text, offset: start)
      }
      value = value << 4 | digit
      offset += 1
    }
    return value
  }

  private func escapeText(_ unit: UInt32) -> String {
    let hex = String(unit, radix: 16, uppercase: true)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// Decodes one multi-byte UTF-8 sequence, rejecting overlong forms,
  /// surrogates and values above U+10FFFF.
  private mutating func parseUTF8Scalar() throws -> Unicode.Scalar {
    let start = offset
    let lead = bytes[offset]
    let (length, minimum, initial): (Int, UInt32, UInt32)
    switch lead {
    case 0xC2...0xDF: (length, minimum, initial) = (2, 0x80, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, minimum, initial) = (3, 0x800, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (length, minimum, initial) = (4, 0x10000, UInt32(lead & 0x07))
    default: throw JSONError.invalidUTF8(offset: start)
    }
    guard start + length <= bytes.count else { throw JSONError.invalidUTF8(offset: start) }
    var value = initial
    for index in 1..<length {
      let byte = bytes[start + index]
      guard byte & 0xC0 == 0x80 else { throw JSONError.invalidUTF8(offset: start) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard value >= minimum, let scalar = Unicode.Scalar(value) else {
      throw JSONError.invalidUTF8(offset: start)
    }
    offset += length
    return scalar
  }

  /// Parses `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  mutating func parseNumber() throws -> JSONValue {
    let start = offset
    var isInteger = true
    if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    let firstDigit = offset
    guard try countDigits() > 0 else { throw invalidNumber(from: start) }
    if bytes[firstDigit] == UInt8(ascii: "0") && offset - firstDigit > 1 {
      throw invalidNumber(from: start)
    }
    if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
      isInteger = false
      offset += 1
      guard try countDigits() > 0 else { throw invalidNumber(from: start) }
    }
    if offset < bytes.count && (bytes[offset] | 0x20) == UInt8(ascii: "e") {
      isInteger = false
      offset += 1
      if offset < bytes.count && (bytes[offset] == 0x2B || bytes[offset] == 0x2D) { offset += 1 }
      guard try countDigits() > 0 else { throw invalidNumber(from: start) }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    if isInteger, let integer = Int64(text) { return .integer(integer) }
    guard let number = Double(text), number.isFinite else { throw invalidNumber(from: start) }
    return .double(number)
  }

  private mutating func countDigits() throws -> Int {
    let start = offset
    while offset < bytes.count && (0x30...0x39).contains(bytes[offset]) { offset += 1 }
    return offset - start
  }

  private func invalidNumber(from start: Int) -> JSONError {
    let end = min(max(offset + 1, start + 1), bytes.count)
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return .invalidNumber(text, offset: start)
  }
}
