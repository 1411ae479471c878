import Testing

@testable import Core

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct DivergenceTests {
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
}
