/// Parses the TOML subset that medmon's configuration uses: comments,
/// `[table]` and `[dotted.table]` headers, bare and quoted keys, basic and
/// literal strings (single-line and multi-line), integers, floats, booleans
/// and arrays that may span lines. Inline tables, arrays of tables and
/// dates are not part of the subset and are rejected with their position.
public struct TOMLParser {
  let path: String
  let bytes: [UInt8]
  var index = 0
  var line = 1
  var lineStart = 0

  public init(text: String, path: String) {
    self.path = path
    self.bytes = Array(text.utf8)
  }

  /// Parses the whole document into its root table.
  public static func parse(_ text: String, path: String = "<config>") throws -> TOMLTable {
    var parser = TOMLParser(text: text, path: path)
    return try parser.parseDocument()
  }

  var position: TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }

  private mutating func parseDocument() throws -> TOMLTable {
    var root = TOMLTable()
    var currentPath: [String] = []
    var definedTables: Set<[String]> = []

    while true {
      skipWhitespaceAndComments(acrossLines: true)
      guard let byte = peek() else { break }
      if byte == UInt8(ascii: "[") {
        currentPath = try parseTableHeader()
        guard definedTables.insert(currentPath).inserted else {
          throw error("table [\(currentPath.joined(separator: "."))] is defined twice")
        }
        try ensureTable(currentPath, in: &root)
      } else {
        try parseKeyValue(into: &root, under: currentPath)
      }
      try expectEndOfLine()
    }
    return root
  }

  private mutating func parseTableHeader() throws -> [String] {
    advance()
    if peek() == UInt8(ascii: "[") {
      throw error("arrays of tables ([[...]]) are not supported in medmon's configuration")
    }
    skipSpaces()
    let keys = try parseDottedKey()
    skipSpaces()
    guard peek() == UInt8(ascii: "]") else { throw error("expected ']' to close the table header") }
    advance()
    return keys
  }

  private mutating func parseKeyValue(into root: inout TOMLTable, under tablePath: [String]) throws {
    let keyPosition = position
    let keys = try parseDottedKey()
    skipSpaces()
    guard peek() == UInt8(ascii: "=") else { throw error("expected '=' after the key") }
    advance()
    skipSpaces()
    let value = try parseValue()
    try insert(value, at: tablePath + keys, position: keyPosition, into: &root)
  }

  private mutating func parseDottedKey() throws -> [String] {
    var keys = [try parseSimpleKey()]
    while true {
      skipSpaces()
      guard peek() == UInt8(ascii: ".") else { return keys }
      advance()
      skipSpaces()
      keys.append(try parseSimpleKey())
    }
  }

  private mutating func parseSimpleKey() throws -> String {
    guard let byte = peek() else { throw error("expected a key, found the end of the file") }
    if byte == UInt8(ascii: "\"") { return try parseBasicString() }
    if byte == UInt8(ascii: "'") { return try parseLiteralString() }
    let start = index
    while let next = peek(), isBareKeyByte(next) { advance() }
    guard index > start else { throw error("expected a key, found '\(describe(byte))'") }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  // MARK: Values

  private mutating func parseValue() throws -> TOMLValue {
    guard let byte = peek() else { throw error("expected a value, found the end of the file") }
    switch byte {
    case UInt8(ascii: "\""):
      return .string(startsWith("\"\"\"") ? try parseMultilineBasicString() : try parseBasicString())
    case UInt8(ascii: "'"):
      return .string(startsWith("'''") ? try parseMultilineLiteralString() : try parseLiteralString())
    case UInt8(ascii: "["):
      return try parseArray()
    case UInt8(ascii: "{"):
      throw error("inline tables are not supported; write a [table] section instead")
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      return try parseBoolean()
    default:
      return try parseNumber()
    }
  }

  private mutating func parseArray() throws -> TOMLValue {
    advance()
    var elements: [TOMLValue] = []
    while true {
      skipWhitespaceAndComments(acrossLines: true)
      if peek() == UInt8(ascii: "]") {
        advance()
        return .array(elements)
      }
      elements.append(try parseValue())
      skipWhitespaceAndComments(acrossLines: true)
      if peek() == UInt8(ascii: ",") {
        advance()
      } else if peek() != UInt8(ascii: "]") {
        throw error("expected ',' or ']' in the array")
      }
    }
  }

  private mutating func parseBoolean() throws -> TOMLValue {
    if startsWith("true") {
      index += 4
      return .boolean(true)
    }
    if startsWith("false") {
      index += 5
      return .boolean(false)
    }
    throw error("expected a value (string, number, boolean or array)")
  }

  private mutating func parseNumber() throws -> TOMLValue {
    let start = index
    while let byte = peek(), isNumberByte(byte) { advance() }
    let raw = String(decoding: bytes[start..<index], as: UTF8.self)
    let text = String(raw.filter { $0 != "_" })
    if text.isEmpty {
      throw error("expected a value (string, number, boolean or array), found '\(describe(peek()))'")
    }
    if let integer = parseInteger(text) { return .integer(integer) }
    let isFloat = text.contains { $0 == "." || $0 == "e" || $0 == "E" } || text.hasSuffix("inf")
    if isFloat, let float = Double(text), !raw.hasPrefix("."), !raw.hasSuffix(".") {
      return .float(float)
    }
    throw ConfigError.syntax(
      path: path, position: TOMLPosition(line: line, column: start - lineStart + 1),
      detail: "invalid number '\(raw)'")
  }

  private func parseInteger(_ text: String) -> Int64? {
    var body = Substring(text)
    var negative = false
    if let sign = body.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    if body.count > 1, body.first == "0", body.allSatisfy(\.isNumber) { return nil }
    guard let magnitude = Int64(body) else { return nil }
    return negative ? -magnitude : magnitude
  }

  // MARK: Tables

  private func ensureTable(_ path: [String], in root: inout TOMLTable) throws {
    _ = try table(at: path, in: &root, create: true) { _ in }
  }

  private func insert(
    _ value: TOMLValue, at keys: [String], position: TOMLPosition, into root: inout TOMLTable
  ) throws {
    let parent = Array(keys.dropLast())
    let key = keys[keys.count - 1]
    try table(at: parent, in: &root, create: true) { table in
      if table[key] != nil {
        throw ConfigError.syntax(
          path: path, position: position, detail: "key '\(keys.joined(separator: "."))' is defined twice")
      }
      table.set(key, value, at: position)
    }
  }

  /// Walks to the table at `keys`, creating missing ones, and applies
  /// `body` to it in place.
  private func table(
    at keys: [String], in table: inout TOMLTable, create: Bool,
    _ body: (inout TOMLTable) throws -> Void
  ) throws {
    guard let first = keys.first else {
      try body(&table)
      return
    }
    var child: TOMLTable
    switch table[first] {
    case .table(let existing)?:
      child = existing
    case nil:
      child = TOMLTable()
    case let other?:
      throw ConfigError.syntax(
        path: path, position: position,
        detail: "'\(first)' is already a \(other.typeName), not a table")
    }
    try self.table(at: Array(keys.dropFirst()), in: &child, create: create, body)
    table.set(first, .table(child), at: table.positions[first] ?? position)
  }
}
