/// The result of parsing one command's arguments, with typed accessors
/// whose errors name the option and the bad value.
public struct ParsedArguments: Sendable {
  public let command: String
  public private(set) var flags: Set<String> = []
  public private(set) var values: [String: [String]] = [:]
  public private(set) var positionals: [String] = []

  public init(command: String) {
    self.command = command
  }

  mutating func setFlag(_ name: String) { flags.insert(name) }
  mutating func append(_ value: String, for name: String) {
    values[name, default: []].append(value)
  }
  mutating func appendPositional(_ value: String) { positionals.append(value) }

  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// Returns the last value given for `name`, or nil.
  public func value(_ name: String) -> String? { values[name]?.last }

  /// Returns every value given for a repeatable option, in order.
  public func values(_ name: String) -> [String] { values[name] ?? [] }

  /// Parses the option's value as a decimal integer within `range`.
  public func integer(
    _ name: String, in range: ClosedRange<Int> = Int.min...Int.max
  ) throws -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      let expected =
        range == Int.min...Int.max
        ? "an integer" : "an integer from \(range.lowerBound) to \(range.upperBound)"
      throw UsageError.invalidValue(option: name, value: text, expected: expected)
    }
    return number
  }

  /// Parses the option's value as one of `choices`.
  public func choice(_ name: String, from choices: [String]) throws -> String? {
    guard let text = value(name) else { return nil }
    guard choices.contains(text) else {
      let list = choices.joined(separator: ", ")
      throw UsageError.invalidValue(option: name, value: text, expected: "one of \(list)")
    }
    return text
  }

  /// Parses the option's value as a calendar day `YYYY-MM-DD`.
  public func day(_ name: String) throws -> Day? {
    guard let text = value(name) else { return nil }
    guard let day = Day(text) else {
      throw UsageError.invalidValue(option: name, value: text, expected: "a date as YYYY-MM-DD")
    }
    return day
  }
}
