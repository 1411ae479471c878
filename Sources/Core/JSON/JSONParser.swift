/// A strict RFC 8259 JSON parser over UTF-8 bytes. It rejects comments,
/// trailing commas, leading zeros, NaN, unescaped control characters,
/// invalid UTF-8, lone surrogate escapes, duplicate object keys and
/// nesting past `maximumDepth`, so a hostile file cannot exhaust the stack.
public struct JSONParser {
  public var maximumDepth: Int
  public var maximumSize: Int

  public init(maximumDepth: Int = 64, maximumSize: Int = 256 << 20) {
    self.maximumDepth = maximumDepth
    self.maximumSize = maximumSize
  }

  /// Parses one JSON value that fills `bytes`, with optional whitespace
  /// around it.
  public func parse(_ bytes: [UInt8]) throws -> JSONValue {
    guard bytes.count <= maximumSize else {
      throw JSONError.tooLarge(size: bytes.count, limit: maximumSize)
    }
    return try bytes.withUnsafeBufferPointer { buffer in
      var cursor = JSONCursor(bytes: buffer, maximumDepth: maximumDepth)
      cursor.skipWhitespace()
      let value = try cursor.parseValue(depth: 1)
      cursor.skipWhitespace()
      guard cursor.offset == buffer.count else {
        throw JSONError.trailingData(offset: cursor.offset)
      }
      return value
    }
  }

  /// Parses JSON text given as a string.
  public func parse(_ text: String) throws -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses JSON Lines: one value per non-empty line. A line that fails
  /// is reported with its 1-based number through `JSONLinesError`.
  public func parseLines(_ bytes: [UInt8]) throws -> [JSONValue] {
    var values: [JSONValue] = []
    var lineNumber = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      var slice = line[...]
      if slice.last == 0x0D { slice = slice.dropLast() }
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      do {
        values.append(try parse(Array(slice)))
      } catch let error as JSONError {
        throw JSONLinesError(line: lineNumber, cause: error)
      }
    }
    return values
  }
}

/// A JSON Lines failure: the 1-based line and the parse error on it.
public struct JSONLinesError: MedmonError, Equatable {
  public let line: Int
  public let cause: JSONError

  public var message: String { "line \(line): \(cause.message)" }
}
