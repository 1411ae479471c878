/// Typed, checked access to one table of a TOML document. Each getter
/// records the key as known, so `unknownKeys()` can warn about the rest
/// (usually typos) after the schema has been read.
public final class TOMLSection {
  public let path: String
  public let name: String
  private let table: TOMLTable
  private var knownKeys: Set<String> = []

  public init(_ table: TOMLTable, name: String, path: String) {
    self.table = table
    self.name = name
    self.path = path
  }

  private func qualified(_ key: String) -> String { name.isEmpty ? key : "\(name).\(key)" }

  private func position(_ key: String) -> TOMLPosition {
    table.positions[key] ?? TOMLPosition(line: 0, column: 0)
  }

  private func lookup(_ key: String) -> TOMLValue? {
    knownKeys.insert(key)
    return table[key]
  }

  private func wrongType(_ key: String, _ expected: String, _ value: TOMLValue) -> ConfigError {
    .wrongType(
      path: path, key: qualified(key), position: position(key), expected: expected,
      actual: "a " + value.typeName)
  }

  public func string(_ key: String) throws -> String? {
    guard let value = lookup(key) else { return nil }
    guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
    return text
  }

  public func requiredString(_ key: String) throws -> String {
    guard let text = try string(key) else {
      throw ConfigError.missingKey(path: path, key: qualified(key))
    }
    return text
  }

  public func integer(_ key: String, in range: ClosedRange<Int64>? = nil) throws -> Int64? {
    guard let value = lookup(key) else { return nil }
    guard case .integer(let number) = value else { throw wrongType(key, "an integer", value) }
    if let range, !range.contains(number) {
      throw ConfigError.invalidValue(
        path: path, key: qualified(key), position: position(key), value: String(number),
        expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  public func double(_ key: String) throws -> Double? {
    guard let value = lookup(key) else { return nil }
    switch value {
    case .float(let number): return number
    case .integer(let number): return Double(number)
    default: throw wrongType(key, "a number", value)
    }
  }

  public func boolean(_ key: String) throws -> Bool? {
    guard let value = lookup(key) else { return nil }
    guard case .boolean(let flag) = value else { throw wrongType(key, "true or false", value) }
    return flag
  }

  public func strings(_ key: String) throws -> [String]? {
    guard let value = lookup(key) else { return nil }
    guard case .array(let elements) = value else { throw wrongType(key, "an array of strings", value) }
    return try elements.map { element in
      guard case .string(let text) = element else {
        throw wrongType(key, "an array of strings", element)
      }
      return text
    }
  }

  /// Returns the sub-table `key`, or an empty one when it is absent.
  public func section(_ key: String) throws -> TOMLSection {
    switch lookup(key) {
    case nil:
      return TOMLSection(TOMLTable(), name: qualified(key), path: path)
    case .table(let child)?:
      return TOMLSection(child, name: qualified(key), path: path)
    case let other?:
      throw wrongType(key, "a table", other)
    }
  }

  /// Returns the keys present in the file but never asked for, with their
  /// positions, for a warning each.
  public func unknownKeys() -> [(key: String, position: TOMLPosition)] {
    table.keys.filter { !knownKeys.contains($0) }.map { (qualified($0), position($0)) }
  }
}
