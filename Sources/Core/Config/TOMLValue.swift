/// A value of the TOML subset medmon's configuration uses.
public enum TOMLValue: Equatable, Sendable {
  case string(String)
  case integer(Int64)
  case float(Double)
  case boolean(Bool)
  case array([TOMLValue])
  case table(TOMLTable)

  /// The TOML type name, as error messages print it.
  public var typeName: String {
    switch self {
    case .string: return "string"
    case .integer: return "integer"
    case .float: return "float"
    case .boolean: return "boolean"
    case .array: return "array"
    case .table: return "table"
    }
  }
}

/// A TOML table: keys in the order they appear, with the position of each
/// key so that a later check can point at the line and column.
public struct TOMLTable: Equatable, Sendable {
  public private(set) var keys: [String] = []
  public private(set) var values: [String: TOMLValue] = [:]
  public private(set) var positions: [String: TOMLPosition] = [:]

  public init() {}

  public subscript(key: String) -> TOMLValue? { values[key] }

  public mutating func set(_ key: String, _ value: TOMLValue, at position: TOMLPosition) {
    if values[key] == nil { keys.append(key) }
    values[key] = value
    positions[key] = position
  }
}

/// A 1-based line and column in a TOML file.
public struct TOMLPosition: Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}
