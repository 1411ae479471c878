import Testing

@testable import Core

@Suite struct KolmogorovSmirnovTests {
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
}
