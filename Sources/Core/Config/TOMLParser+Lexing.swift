extension TOMLParser {
  // MARK: Strings

  mutating func parseBasicString() throws -> String {
    let opening = position
    advance()
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    while true {
      guard let byte = peek(), byte != UInt8(ascii: "\n") else {
        throw ConfigError.syntax(
          path: path, position: opening,
          detail: "unterminated string; close it with '\"' on the same line")
      }
      advance()
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") {
        flush(&raw, into: &scalars)
        scalars.append(try parseEscape())
      } else {
        raw.append(byte)
      }
    }
    flush(&raw, into: &scalars)
    return String(scalars)
  }

  mutating func parseMultilineBasicString() throws -> String {
    index += 3
    skipNewlineAfterOpening()
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    while !startsWith("\"\"\"") {
      guard let byte = peek() else { throw error("unterminated multi-line string") }
      if byte == UInt8(ascii: "\\") {
        advance()
        flush(&raw, into: &scalars)
        if let next = peek(), next == UInt8(ascii: "\n") || next == UInt8(ascii: " ") {
          skipWhitespaceAndComments(acrossLines: true, comments: false)
        } else {
          scalars.append(try parseEscape())
        }
        continue
      }
      if byte == UInt8(ascii: "\n") { newline() } else { advance() }
      raw.append(byte)
    }
    index += 3
    flush(&raw, into: &scalars)
    return String(scalars)
  }

  mutating func parseLiteralString() throws -> String {
    let opening = position
    advance()
    let start = index
    while let byte = peek(), byte != UInt8(ascii: "'"), byte != UInt8(ascii: "\n") { advance() }
    guard peek() == UInt8(ascii: "'") else {
      throw ConfigError.syntax(
        path: path, position: opening,
        detail: "unterminated string; close it with \"'\" on the same line")
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    advance()
    return text
  }

  mutating func parseMultilineLiteralString() throws -> String {
    index += 3
    skipNewlineAfterOpening()
    let start = index
    while !startsWith("'''") {
      guard let byte = peek() else { throw error("unterminated multi-line string") }
      if byte == UInt8(ascii: "\n") { newline() } else { advance() }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    index += 3
    return text
  }

  private mutating func parseEscape() throws -> Unicode.Scalar {
    guard let byte = peek() else { throw error("unterminated escape sequence") }
    advance()
    switch byte {
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "u"): return try parseUnicodeEscape(digits: 4)
    case UInt8(ascii: "U"): return try parseUnicodeEscape(digits: 8)
    default: throw error("invalid escape sequence '\\\(describe(byte))'")
    }
  }

  private mutating func parseUnicodeEscape(digits: Int) throws -> Unicode.Scalar {
    guard index + digits <= bytes.count else { throw error("incomplete unicode escape") }
    let text = String(decoding: bytes[index..<index + digits], as: UTF8.self)
    guard let value = UInt32(text, radix: 16), let scalar = Unicode.Scalar(value) else {
      throw error("invalid unicode escape '\(text)'")
    }
    index += digits
    return scalar
  }

  private func flush(_ raw: inout [UInt8], into scalars: inout String.UnicodeScalarView) {
    scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
    raw.removeAll(keepingCapacity: true)
  }

  private mutating func skipNewlineAfterOpening() {
    if startsWith("\r\n") {
      index += 1
    }
    if peek() == UInt8(ascii: "\n") { newline() }
  }

  // MARK: Whitespace and positions

  mutating func skipSpaces() {
    while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
  }

  mutating func skipWhitespaceAndComments(acrossLines: Bool, comments: Bool = true) {
    while let byte = peek() {
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
        advance()
      } else if byte == UInt8(ascii: "\n"), acrossLines {
        newline()
      } else if byte == UInt8(ascii: "#"), comments {
        while let next = peek(), next != UInt8(ascii: "\n") { advance() }
      } else {
        return
      }
    }
  }

  /// Requires that only spaces and a comment follow on this line.
  mutating func expectEndOfLine() throws {
    skipSpaces()
    if peek() == UInt8(ascii: "#") {
      while let next = peek(), next != UInt8(ascii: "\n") { advance() }
    }
    if peek() == UInt8(ascii: "\r") { advance() }
    guard let byte = peek() else { return }
    guard byte == UInt8(ascii: "\n") else {
      throw error("unexpected '\(describe(byte))' after the value; put each key on its own line")
    }
    newline()
  }

  func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  func startsWith(_ text: String) -> Bool {
    let pattern = Array(text.utf8)
    return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
  }

  mutating func advance() { index += 1 }

  mutating func newline() {
    index += 1
    line += 1
    lineStart = index
  }

  func isBareKeyByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
  }

  func isNumberByte(_ byte: UInt8) -> Bool {
    isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
  }

  func describe(_ byte: UInt8?) -> String {
    guard let byte else { return "end of file" }
    return byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "byte 0x" + String(byte, radix: 16)
  }

  func error(_ detail: String) -> ConfigError {
    .syntax(path: path, position: position, detail: detail)
  }
}
