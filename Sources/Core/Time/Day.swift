/// A calendar day in the proleptic Gregorian calendar, stored as the
/// number of days since 1970-01-01. Per-day aggregates are keyed on it.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let daysSinceEpoch: Int

  public init(daysSinceEpoch: Int) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// Creates the day that contains `seconds` since the Unix epoch, in UTC.
  public init(unixSeconds seconds: Int64) {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    self.daysSinceEpoch = Int(days)
  }

  /// Creates a day from year, month (1-12) and day of month, or nil
  /// when the date does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year) else {
      return nil
    }
    // Shift the year to start in March so the leap day falls last.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    self.daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
  }

  /// Parses `YYYY-MM-DD`, or `YYYYMMDD` as DICOM DA values are written.
  public init?(_ text: some StringProtocol) {
    let digits = String(text.filter { $0 != "-" })
    let dashed = text.count == 10 && digits.count == 8
    guard digits.count == 8, dashed || text.count == 8, digits.allSatisfy(\.isASCII),
      let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
      let day = Int(digits.suffix(2))
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  public var components: (year: Int, month: Int, day: Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The first day of this day's month.
  public var monthStart: Day {
    let (year, month, _) = components
    return Day(year: year, month: month, day: 1)!
  }

  /// `YYYY-MM`, the label of this day's month.
  public var monthLabel: String { String(description.prefix(7)) }

  public var unixSeconds: Int64 { Int64(daysSinceEpoch) * 86_400 }

  public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

  public var description: String {
    let (year, month, day) = components
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

  public static func length(ofMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }
}

private func pad(_ number: Int, _ width: Int) -> String {
  let text = String(abs(number))
  let padded = String(repeating: "0", count: max(0, width - text.count)) + text
  return number < 0 ? "-" + padded : padded
}
