/// Reads the top-level members of one JSON object per line: strings and
/// numbers are kept, nested objects and arrays are skipped. It reads only
/// what log lines need and rejects anything that is not an object.
struct JSONLineParser {
  struct Object {
    var strings: [String: String] = [:]
    var numbers: [String: Double] = [:]
  }

  /// Parses `line`, or returns nil when it is not a valid JSON object.
  static func parse(_ line: [UInt8]) -> Object? {
    var parser = Cursor(bytes: line)
    return parser.parseObject()
  }

  private struct Cursor {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseObject() -> Object? {
      skipBlanks()
      guard consume(0x7B) else { return nil }
      var object = Object()
      skipBlanks()
      if consume(0x7D) { return object }
      while true {
        skipBlanks()
        guard let key = parseString() else { return nil }
        skipBlanks()
        guard consume(0x3A) else { return nil }
        skipBlanks()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x22:
          guard let value = parseString() else { return nil }
          object.strings[key] = value
        case 0x7B, 0x5B:
          guard skipNested() else { return nil }
        default:
          guard let word = parseBareWord() else { return nil }
          if let number = Double(word) { object.numbers[key] = number }
        }
        skipBlanks()
        if consume(0x2C) { continue }
        guard consume(0x7D) else { return nil }
        skipBlanks()
        return index == bytes.count ? object : nil
      }
    }

    mutating func parseString() -> String? {
      guard consume(0x22) else { return nil }
      var output: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte == 0x22 { return String(decoding: output, as: UTF8.self) }
        guard byte == 0x5C else {
          output.append(byte)
          continue
        }
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case 0x6E: output.append(0x0A)
        case 0x74: output.append(0x09)
        case 0x72: output.append(0x0D)
        case 0x62: output.append(0x08)
        case 0x66: output.append(0x0C)
        case 0x75:
          guard let scalar = parseUnicodeEscape() else { return nil }
          output.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: output.append(escape)
        }
      }
      return nil
    }

    /// Reads the four hex digits after `\u`, joining a surrogate pair.
    mutating func parseUnicodeEscape() -> Unicode.Scalar? {
      guard let high = readHex4() else { return nil }
      if (0xD800..<0xDC00).contains(high), index + 6 <= bytes.count, bytes[index] == 0x5C,
        bytes[index + 1] == 0x75
      {
        index += 2
        guard let low = readHex4(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      }
      return Unicode.Scalar(high) ?? Unicode.Scalar(0xFFFD)
    }

    mutating func readHex4() -> UInt32? {
      guard index + 4 <= bytes.count,
        let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
      else { return nil }
      index += 4
      return value
    }

    mutating func parseBareWord() -> String? {
      let start = index
      while index < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09].contains(bytes[index]) {
        index += 1
      }
      guard index > start else { return nil }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Skips a nested object or array, strings included, up to depth 64.
    mutating func skipNested() -> Bool {
      var level = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x22 {
          guard parseString() != nil else { return false }
          continue
        }
        index += 1
        if byte == 0x7B || byte == 0x5B {
          level += 1
          if level > 64 { return false }
        } else if byte == 0x7D || byte == 0x5D {
          level -= 1
          if level == 0 { return true }
        }
      }
      return false
    }

    mutating func skipBlanks() {
      while index < bytes.count, isBlank(bytes[index]) { index += 1 }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }
  }
}
