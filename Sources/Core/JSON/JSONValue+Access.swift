/// Read access to `JSONValue` (declared in JSONWriter.swift) for parsed
/// documents: member lookup and typed views of a value.
extension JSONValue {
  /// Builds an object from a dictionary with its members in key order, so
  /// the same members always serialise to the same text.
  public static func sortedObject(_ members: [String: JSONValue]) -> JSONValue {
    .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
  }

  /// Returns the member named `key` of an object, or nil. Objects from
  /// `JSONParser` never hold a key twice.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  public var stringValue: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }

  /// The value as an integer, also when written as a whole number with a
  /// fraction or exponent.
  public var integerValue: Int64? {
    switch self {
    case .integer(let number): return number
    case .unsigned(let number): return number <= UInt64(Int64.max) ? Int64(number) : nil
    case .double(let number):
      guard number.rounded() == number, abs(number) < 9.0e15 else { return nil }
      return Int64(number)
    default: return nil
    }
  }

  public var doubleValue: Double? {
    switch self {
    case .integer(let number): return Double(number)
    case .unsigned(let number): return Double(number)
    case .double(let number): return number
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

  /// The members of an object as a dictionary.
  public var objectValue: [String: JSONValue]? {
    guard case .object(let members) = self else { return nil }
    return Dictionary(members, uniquingKeysWith: { first, _ in first })
  }
}
