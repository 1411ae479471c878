import Testing

@testable import Core

@Suite struct ProportionTestTests {
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
}
