/// The parsing state of `JSONParser`: a position in a byte buffer.
struct JSONCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  let maximumDepth: Int
  var offset = 0

  init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  mutating func skipWhitespace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case 0x20, 0x09, 0x0A, 0x0D: offset += 1
      default: return
      }
    }
  }

  func peek() throws -> UInt8 {
    guard offset < bytes.count else { throw JSONError.unexpectedEnd(offset: offset) }
    return bytes[offset]
  }

  mutating func expect(_ byte: UInt8, _ description: String) throws {
    let actual = try peek()
    guard actual == byte else {
      throw JSONError.unexpectedByte(actual, offset: offset, expected: description)
    }
    offset += 1
  }

  mutating func parseValue(depth: Int) throws -> JSONValue {
    switch try peek() {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case let byte:
      throw JSONError.unexpectedByte(byte, offset: offset, expected: "a JSON value")
    }
  }

  private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws -> JSONValue {
    for expected in word.utf8 {
      try expect(expected, "\"\(word)\"")
    }
    return value
  }

  private mutating func enter(_ depth: Int) throws {
    guard depth <= maximumDepth else {
      throw JSONError.tooDeep(limit: maximumDepth, offset: offset)
    }
  }

  private mutating func parseArray(depth: Int) throws -> JSONValue {
    try enter(depth)
    offset += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if try peek() == UInt8(ascii: "]") {
      offset += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      let byte = try peek()
      offset += 1
      if byte == UInt8(ascii: "]") { return .array(elements) }
      guard byte == UInt8(ascii: ",") else {
        throw JSONError.unexpectedByte(byte, offset: offset - 1, expected: "',' or ']'")
      }
    }
  }

  private mutating func parseObject(depth: Int) throws -> JSONValue {
    try enter(depth)
    offset += 1
    var members: [(String, JSONValue)] = []
    var keys = Set<String>()
    skipWhitespace()
    if try peek() == UInt8(ascii: "}") {
      offset += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      let keyOffset = offset
      guard try peek() == UInt8(ascii: "\"") else {
        throw JSONError.unexpectedByte(bytes[offset], offset: offset, expected: "an object key")
      }
      let key = try parseString()
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "':'")
      skipWhitespace()
      let value = try parseValue(depth: depth + 1)
      guard keys.insert(key).inserted else {
        throw JSONError.duplicateKey(key, offset: keyOffset)
      }
      members.append((key, value))
      skipWhitespace()
      let byte = try peek()
      offset += 1
      if byte == UInt8(ascii: "}") { return .object(members) }
      guard byte == UInt8(ascii: ",") else {
        throw JSONError.unexpectedByte(byte, offset: offset - 1, expected: "',' or '}'")
      }
    }
  }
}
