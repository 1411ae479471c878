/// A DA value, `YYYYMMDD` (PS3.5 table 6.2-1). The ACR-NEMA form
/// `YYYY.MM.DD` is accepted too, as PS3.5 allows readers to.
public struct DICOMDate: Sendable, Equatable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...DICOMDate.days(in: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  public init?(_ text: String) {
    let digits = text.trimmingCharacters(in: " \0").filter { $0 != "." }
    guard digits.count == 8, digits.allSatisfy(\.isASCIIDigit),
      let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
      let day = Int(digits.suffix(2))
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  static func days(in month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (lhs: DICOMDate, rhs: DICOMDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The ISO 8601 form `YYYY-MM-DD`.
  public var description: String {
    zeroPadded(year, 4) + "-" + zeroPadded(month, 2) + "-" + zeroPadded(day, 2)
  }
}

func zeroPadded(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
