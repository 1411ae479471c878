/// One value as SQLite stores it: the five storage classes of SQLite 3.
/// Statements bind these and rows return them.
public enum SQLiteValue: Equatable, Sendable {
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
  case null

  /// Creates an integer value from a Swift `Int`.
  public static func integer(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }

  /// Creates a text value, or NULL when `value` is nil.
  public static func text(_ value: String?) -> SQLiteValue {
    value.map { .text($0) } ?? .null
  }

  /// The integer, when the value is stored as an integer.
  public var int64Value: Int64? {
    if case .integer(let value) = self { return value }
    return nil
  }

  /// The value as `Int`, when it is stored as an integer.
  public var intValue: Int? { int64Value.map { Int($0) } }

  /// The floating-point value, when the value is stored as a real or an
  /// integer (SQLite stores a whole REAL as an integer in some cases).
  public var doubleValue: Double? {
    switch self {
    case .real(let value): return value
    case .integer(let value): return Double(value)
    default: return nil
    }
  }

  /// The string, when the value is stored as text.
  public var stringValue: String? {
    if case .text(let value) = self { return value }
    return nil
  }

  /// The bytes, when the value is stored as a blob.
  public var blobValue: [UInt8]? {
    if case .blob(let value) = self { return value }
    return nil
  }

  public var isNull: Bool { self == .null }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
  public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue: ExpressibleByNilLiteral {
  public init(nilLiteral: ()) { self = .null }
}
