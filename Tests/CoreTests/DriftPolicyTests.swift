import Testing

@testable import Core

@Suite struct DriftPolicyTests {
  let policy = DriftPolicy.categoricalShift

  @Test func tinyBatchIsNotAssessed() {
    let decision = policy.decide(pValue: 1e-9, effectSize: 0.8, counts: [8, 500])
    #expect(decision == .notAssessed(.tooFewObservations(count: 8, minimum: 100)))
  }

  @Test func trivialShiftInHugeSampleIsStable() {
    let decision = policy.decide(pValue: 1e-30, effectSize: 0.01, counts: [5_000_000, 5_000_000])
    #expect(decision == .stable(.effectBelowFloor(effectSize: 0.01, floor: 0.1)))
  }

  @Test func insignificantShiftIsStable() {
    let decision = policy.decide(pValue: 0.2, effectSize: 0.3, counts: [200, 200])
    #expect(decision == .stable(.notSignificant(pValue: 0.2)))
  }

  @Test func largeSignificantShiftIsDrift() {
    let decision = policy.decide(pValue: 1e-6, effectSize: -0.25, counts: [300, 400])
    #expect(decision == .drift(pValue: 1e-6, effectSize: -0.25))
    #expect(decision.isDrift)
  }

  @Test func undefinedOutcomeCarriesItsReason() {
    let decision = policy.decide(
      outcome: .undefined(.singleCategory), effectSize: nil, counts: [500, 500])
    #expect(decision == .notAssessed(.singleCategory))
  }

  @Test func measureWithoutPValueUsesEffectOnly() {
    let decision = policy.decide(pValue: nil, effectSize: 0.3, counts: [500, 500])
    #expect(decision == .drift(pValue: nil, effectSize: 0.3))
  }

  @Test func newManufacturerShareIsDriftButNoiseIsNot() throws {
    let before = CategoryCounts(["GE": 900, "Siemens": 700])
    let after = CategoryCounts(["GE": 600, "Siemens": 500, "Canon": 500])
    let outcome = ChiSquareTest.test(before, after)
    let distance = Divergence.jensenShannonDistance(before, after).statistic
    let decision = policy.decide(
      outcome: outcome, effectSize: distance, counts: [before.total, after.total])
    #expect(decision.isDrift)

    let noisy = CategoryCounts(["GE": 880, "Siemens": 720])
    let quiet = policy.decide(
      outcome: ChiSquareTest.test(before, noisy),
      effectSize: Divergence.jensenShannonDistance(before, noisy).statistic,
      counts: [before.total, noisy.total])
    #expect(!quiet.isDrift)
  }
}
