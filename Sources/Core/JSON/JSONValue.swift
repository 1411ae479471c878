/// A JSON value as RFC 8259 defines it. Objects keep their keys in a
/// dictionary, so a writer that needs stable output sorts them.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  /// A number whose text has no fraction or exponent and fits in Int64.
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }

  public var stringValue: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }

  /// The value as an integer, also when written as a whole `Double`.
  public var integerValue: Int64? {
    switch self {
    case .integer(let number): return number
    case .number(let number):
      guard number.rounded() == number, abs(number) < 9.0e15 else { return nil }
      return Int64(number)
    default: return nil
    }
  }

  public var doubleValue: Double? {
    switch self {
    case .integer(let number): return Double(number)
    case .number(let number): return number
    default: return nil
    }
  }

  public var boolValue: Bool? {
    guard case .bool(let flag) = self else { return nil }
    return flag
  }

  public var arrayValue: [JSONValue]? {
    guard case .array(let elements) = self else { return nil }
    return elements
  }

  public var objectValue: [String: JSONValue]? {
    guard case .object(let members) = self else { return nil }
    return members
  }
}
