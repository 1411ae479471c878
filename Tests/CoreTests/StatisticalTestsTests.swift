import Testing

@testable import Core

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Edge cases and properties of the tests and distances. Agreement with
/// SciPy over hundreds of inputs is StatisticsCrossCheckTests' job.
@Suite struct StatisticalTestsTests {
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

  @Test func kolmogorovSmirnovSmallExactValue() throws {
    // Complete separation of 3 and 4 values: P = 2 / C(7, 3) = 2 / 35.
    let outcome = KolmogorovSmirnov.test([1, 2, 3], [4, 5, 6, 7])
    #expect(outcome.statistic == 1)
    let pValue = try #require(outcome.pValue)
    #expect(abs(pValue - 2.0 / 35) < 1e-15)
  }

  @Test func kolmogorovSmirnovIsSymmetricAndDeterministic() {
    let first = StatisticsFixtures.sample(.latency, count: 700, seed: 1)
    let second = StatisticsFixtures.sample(.latency, count: 900, seed: 2)
    let forward = KolmogorovSmirnov.test(first, second)
    #expect(forward == KolmogorovSmirnov.test(second, first))
    #expect(forward == KolmogorovSmirnov.test(first.reversed(), second))
  }

  @Test func kolmogorovSmirnovUndefinedWhenEmpty() {
    #expect(KolmogorovSmirnov.test([], [1]) == .undefined(.empty))
    #expect(KolmogorovSmirnov.test([.nan], [1]) == .undefined(.empty))
  }

  @Test func kolmogorovSmirnovOnSketchesSeesLatencyShift() throws {
    var before = DDSketch()
    var after = DDSketch()
    for value in StatisticsFixtures.sample(.latency, count: 20_000, seed: 3) { before.add(value) }
    for value in StatisticsFixtures.sample(.latency, count: 20_000, seed: 4) {
      after.add(value * 1.3)
    }
    let shifted = KolmogorovSmirnov.test(before, after)
    #expect(try #require(shifted.pValue) < 1e-50)
    #expect(try #require(shifted.statistic) > 0.1)
    let same = KolmogorovSmirnov.test(before, before)
    #expect(same.statistic == 0)
    #expect(same.pValue == 1)
  }

  @Test func kolmogorovSmirnovOnHugeCounts() throws {
    var before = DDSketch()
    var after = DDSketch()
    for step in 1...50 {
      before.add(Double(step), count: 1_000_000_000)
      after.add(Double(step) * 1.001 + 0.5, count: 1_000_000_000)
    }
    let outcome = KolmogorovSmirnov.test(before, after)
    #expect(try #require(outcome.statistic) > 0.01)
    #expect(outcome.pValue == 0)
  }

  @Test func kolmogorovSmirnovAboveSumLimitUsesLimitingLaw() throws {
    let first = WeightedSample(values: [0, 1], weights: [5_000_000, 5_000_000])
    let second = WeightedSample(values: [0, 1], weights: [4_993_000, 5_007_000])
    let outcome = KolmogorovSmirnov.test(first, second)
    let statistic = try #require(outcome.statistic)
    #expect(abs(statistic - 7e-4) < 1e-15)
    let n = 5_000_000.0
    #expect(n > KolmogorovSmirnov.oneSidedSumLimit)
    #expect(outcome.pValue == KolmogorovSmirnov.kolmogorovSurvival(n.squareRoot() * statistic))
  }

  @Test func weightedSampleDropsInvalidPairs() {
    let sample = WeightedSample(values: [3, .nan, 1, 2, .infinity], weights: [1, 1, 0, 2, 1])
    #expect(sample.sortedValues == [2, 3])
    #expect(sample.weights == [2, 1])
  }

  @Test func jensenShannonBounds() {
    #expect(Divergence.jensenShannonDistance([1, 0], [0, 1]).statistic == 1)
    #expect(Divergence.jensenShannonDistance([2, 3], [4, 6]).statistic == 0)
    #expect(Divergence.jensenShannonDistance([0, 0], [1, 1]) == .undefined(.empty))
    #expect(Divergence.jensenShannonDistance([1], [1, 2]).undefinedReason != nil)
  }

  @Test func populationStabilityIndexFloorsEmptyCategories() throws {
    let index = try #require(
      Divergence.populationStabilityIndex(expected: [50, 50, 0], actual: [45, 45, 10])
        .statistic)
    let expected = 2 * (0.45 - 0.5) * log(0.45 / 0.5) + (0.1 - 1e-4) * log(0.1 / 1e-4)
    #expect(abs(index - expected) < 1e-15)
    let stable = Divergence.populationStabilityIndex(
      expected: CategoryCounts(["a": 10]), actual: CategoryCounts(["a": 99]))
    #expect(stable.statistic == 0)
  }

  @Test func wassersteinOfShiftIsTheShift() throws {
    let values = StatisticsFixtures.sample(.uniform, count: 1000, seed: 9)
    let distance = try #require(Wasserstein.distance(values, values.map { $0 + 5 }).statistic)
    #expect(abs(distance - 5) < 1e-9)
    #expect(Wasserstein.distance([], [1]) == .undefined(.empty))
  }

  @Test func wassersteinOnSketchesWithinRelativeAccuracy() throws {
    let first = StatisticsFixtures.sample(.logNormal, count: 20_000, seed: 5)
    let second = StatisticsFixtures.sample(.pareto, count: 20_000, seed: 6)
    var firstSketch = DDSketch()
    var secondSketch = DDSketch()
    for value in first { firstSketch.add(value) }
    for value in second { secondSketch.add(value) }
    let exact = try #require(Wasserstein.distance(first, second).statistic)
    let sketched = try #require(Wasserstein.distance(firstSketch, secondSketch).statistic)
    let bound = 0.01 * (firstSketch.mean! + secondSketch.mean!)
    #expect(abs(exact - sketched) <= bound)
  }

  @Test func proportionTestUndefinedCases() {
    #expect(
      ProportionTest.test(successes: 0, trials: 0, successes: 1, trials: 2) == .undefined(.empty))
    #expect(
      ProportionTest.test(successes: 0, trials: 5, successes: 0, trials: 7)
        == .undefined(.zeroVariance))
    #expect(
      ProportionTest.test(successes: 6, trials: 5, successes: 0, trials: 7).undefinedReason
        != nil)
  }

  @Test func proportionTestSignFollowsFirstGroup() throws {
    let outcome = ProportionTest.test(successes: 30, trials: 100, successes: 10, trials: 100)
    #expect(try #require(outcome.statistic) > 0)
    #expect(try #require(outcome.pValue) < 0.01)
  }

  @Test func poissonRateTestSides() throws {
    let greater = PoissonRateTest.test(count: 0, rate: 2, alternative: .greater)
    #expect(greater.pValue == 1)
    let less = try #require(PoissonRateTest.test(count: 0, rate: 2, alternative: .less).pValue)
    #expect(abs(less - exp(-2)) < 1e-15)
    let twoSided = try #require(PoissonRateTest.test(count: 0, rate: 2).pValue)
    #expect(abs(twoSided - 2 * exp(-2)) < 1e-15)
    #expect(PoissonRateTest.test(count: 3, rate: 0).undefinedReason != nil)
    #expect(PoissonRateTest.test(count: 3, rate: .nan).undefinedReason != nil)
  }

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
