/// A TM value, `HH[MM[SS[.F{1,6}]]]` (PS3.5 table 6.2-1); the ACR-NEMA
/// form with colons is accepted too.
public struct DICOMTime: Sendable, Equatable, CustomStringConvertible {
  public let hour: Int
  public let minute: Int
  public let second: Int
  public let microsecond: Int

  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: " \0").filter { $0 != ":" }
    let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    guard [2, 4, 6].contains(whole.count), whole.allSatisfy(\.isASCIIDigit) else { return nil }
    let numbers = stride(from: 0, to: whole.count, by: 2).map { offset -> Int in
      let start = whole.index(whole.startIndex, offsetBy: offset)
      return Int(whole[start..<whole.index(start, offsetBy: 2)]) ?? 0
    }
    var fraction = 0
    if parts.count == 2 {
      let digits = parts[1]
      guard whole.count == 6, (1...6).contains(digits.count), digits.allSatisfy(\.isASCIIDigit)
      else { return nil }
      fraction = (Int(digits) ?? 0) * Self.scale(digits.count)
    }
    guard numbers[0] < 24, numbers.count < 2 || numbers[1] < 60,
      numbers.count < 3 || numbers[2] < 61
    else { return nil }
    self.hour = numbers[0]
    self.minute = numbers.count > 1 ? numbers[1] : 0
    self.second = numbers.count > 2 ? numbers[2] : 0
    self.microsecond = fraction
  }

  private static func scale(_ digits: Int) -> Int {
    var result = 1
    for _ in digits..<6 { result *= 10 }
    return result
  }

  /// Seconds since midnight.
  public var secondsSinceMidnight: Double {
    Double(hour * 3600 + minute * 60 + second) + Double(microsecond) / 1_000_000
  }

  public var description: String {
    zeroPadded(hour, 2) + ":" + zeroPadded(minute, 2) + ":" + zeroPadded(second, 2)
      + (microsecond > 0 ? "." + zeroPadded(microsecond, 6) : "")
  }
}
