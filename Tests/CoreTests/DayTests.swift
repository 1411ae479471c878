import Testing

@testable import Core

@Suite struct DayTests {
  @Test(arguments: [
    ("1970-01-01", 0), ("2000-02-29", 11_016), ("1969-12-31", -1), ("2026-12-04", 20_791),
    ("1900-03-01", -25_508),
  ])
  func parsesAndFormats(text: String, days: Int) throws {
    let day = try #require(Day(text))
    #expect(day.daysSinceEpoch == days)
    #expect(day.description == text)
  }

  @Test func parsesDicomDateForm() {
    #expect(Day("20240131")?.description == "2024-01-31")
  }

  @Test(arguments: [
    "2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024/01/01", "abcdefgh", "",
  ])
  func rejectsInvalidDates(text: String) {
    #expect(Day(text) == nil)
  }

  @Test func unixSecondsBeforeEpochRoundDown() {
    #expect(Day(unixSeconds: -1).description == "1969-12-31")
    #expect(Day(unixSeconds: 86_399).description == "1970-01-01")
    #expect(Day(unixSeconds: 86_400).description == "1970-01-02")
  }

  @Test func roundTripsEveryDayOfFourCenturies() {
    let start = Day(year: 1800, month: 1, day: 1)!.daysSinceEpoch
    for offset in 0..<(146_097 + 10) {
      let day = Day(daysSinceEpoch: start + offset)
      let (y, m, d) = day.components
      #expect(Day(year: y, month: m, day: d) == day)
    }
  }

  @Test func monthStartAndLabel() {
    let day = Day("2024-10-17")!
    #expect(day.monthStart.description == "2024-10-01")
    #expect(day.monthLabel == "2024-10")
  }
}
