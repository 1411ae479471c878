import Testing

@testable import Core

@Suite struct ChiSquareTestTests {
  @Test func chiSquareDropsEmptyRowsAndColumns() {
    let padded = ChiSquareTest.test([[10, 0, 20], [0, 0, 0], [15, 0, 5]])
    let reduced = ChiSquareTest.test([[10, 20], [15, 5]])
    #expect(padded == reduced)
    #expect(ChiSquareTest.degreesOfFreedom([[10, 0, 20], [0, 0, 0], [15, 0, 5]]) == 1)
  }

  @Test func chiSquareUndefinedCases() {
    #expect(ChiSquareTest.test([]) == .undefined(.empty))
    #expect(ChiSquareTest.test([[0, 0], [0, 0]]) == .undefined(.empty))
    #expect(ChiSquareTest.test([[3, 4]]) == .undefined(.singleCategory))
    #expect(ChiSquareTest.test([[3, 0], [4, 0]]) == .undefined(.singleCategory))
    #expect(ChiSquareTest.test([[3, -1], [4, 2]]).undefinedReason != nil)
    #expect(ChiSquareTest.test([[3, 1], [4]]).undefinedReason != nil)
  }

  @Test func chiSquareOnCategoryCounts() throws {
    let before = CategoryCounts(["GE": 500, "Siemens": 500])
    let after = CategoryCounts(["GE": 500, "Siemens": 300, "Canon": 200])
    let outcome = ChiSquareTest.test(before, after)
    let pValue = try #require(outcome.pValue)
    #expect(pValue < 1e-40)
    #expect(ChiSquareTest.test(before, before).pValue == 1)
  }
}
