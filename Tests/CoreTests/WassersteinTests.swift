import Testing

@testable import Core

@Suite struct WassersteinTests {
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
}
