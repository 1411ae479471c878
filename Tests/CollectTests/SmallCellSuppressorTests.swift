import Testing

@testable import Collect

@Suite struct SmallCellSuppressorTests {
  typealias Cell = SmallCellSuppressor.Cell

  @Test func smallCellsMergeIntoStarRowPerDay() {
    let cells = [
      Cell(day: "2026-10-01", attributes: ["18-39", "F", "CHEST", "p:a"], count: 12),
      Cell(day: "2026-10-01", attributes: ["5-11", "M", "CHEST", "p:a"], count: 1),
      Cell(day: "2026-10-01", attributes: ["80+", "F", "FOOT", "p:b"], count: 3),
      Cell(day: "2026-10-02", attributes: ["40-64", "M", "CHEST", "p:a"], count: 4),
      Cell(day: "2026-10-02", attributes: ["40-64", "F", "CHEST", "p:a"], count: 5),
    ]
    let result = SmallCellSuppressor(minimumCount: 5).suppress(cells)
    #expect(
      result == [
        Cell(day: "2026-10-01", attributes: ["*", "*", "*", "*"], count: 4),
        Cell(day: "2026-10-01", attributes: ["18-39", "F", "CHEST", "p:a"], count: 12),
        Cell(day: "2026-10-02", attributes: ["*", "*", "*", "*"], count: 4),
        Cell(day: "2026-10-02", attributes: ["40-64", "F", "CHEST", "p:a"], count: 5),
      ])
  }

  @Test func totalsPreserved() {
    let cells = (0..<50).map { index in
      Cell(day: "2026-10-0\(index % 3 + 1)", attributes: ["a\(index % 7)", "b"], count: index % 9)
    }
    let result = SmallCellSuppressor(minimumCount: 5).suppress(cells)
    #expect(result.reduce(0) { $0 + $1.count } == cells.reduce(0) { $0 + $1.count })
    #expect(result.allSatisfy { $0.count >= 5 || $0.attributes.allSatisfy { $0 == "*" } })
  }

  @Test func thresholdOfOneKeepsEverything() {
    let cells = [Cell(day: "d", attributes: ["x"], count: 1)]
    #expect(SmallCellSuppressor(minimumCount: 1).suppress(cells) == cells)
  }
}
