/// An AS (age string) value: a number of days, weeks, months or years,
/// written `nnnD`, `nnnW`, `nnnM` or `nnnY` (PS3.5 table 6.2-1).
public struct DICOMAge: Sendable, Equatable, CustomStringConvertible {
  public enum Unit: Character, Sendable {
    case days = "D"
    case weeks = "W"
    case months = "M"
    case years = "Y"
  }

  public let value: Int
  public let unit: Unit

  public init(value: Int, unit: Unit) {
    self.value = value
    self.unit = unit
  }

  /// Parses an AS value. Accepts the standard four-character form and the
  /// variants scanners write: fewer or more digits, lower-case units, and
  /// surrounding spaces. Returns nil for anything else.
  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: " \0")
    guard let last = trimmed.last, let unit = Unit(rawValue: Character(last.uppercased())) else {
      return nil
    }
    let digits = trimmed.dropLast()
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit),
      let value = Int(digits)
    else { return nil }
    self.value = value
    self.unit = unit
  }

  /// The age in years as a fraction, for banding: weeks are 7 days,
  /// months 1/12 year, years 365.25 days.
  public var years: Double {
    switch unit {
    case .days: return Double(value) / 365.25
    case .weeks: return Double(value) * 7 / 365.25
    case .months: return Double(value) / 12
    case .years: return Double(value)
    }
  }

  public var description: String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits + String(unit.rawValue)
  }
}

extension Character {
  var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

extension StringProtocol {
  /// Removes the given characters from both ends.
  func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice.removeFirst() }
    while let last = slice.last, set.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
