import Testing

@testable import Core

@Suite struct RobustZScoreTests {
  @Test func robustZScoreIgnoresOutliers() throws {
    let baseline = [10.0, 11, 9, 10, 12, 8, 10, 1000]
    let score = try #require(RobustZScore.score(13, baseline: baseline).statistic)
    let mad = 1.0 / RobustZScore.normalQuartile
    #expect(abs(score - 3 / mad) < 1e-12)
    #expect(RobustZScore.score(1, baseline: [5, 5, 5, 6]) == .undefined(.zeroVariance))
    #expect(RobustZScore.score(1, baseline: []) == .undefined(.empty))
    #expect(RobustZScore.score(.nan, baseline: [1, 2]).undefinedReason != nil)
  }

  @Test func medianOfEvenCountAveragesMiddle() {
    #expect(RobustZScore.median([4, 1, 3, 2]) == 2.5)
    #expect(RobustZScore.median([.nan]) == nil)
  }
}
