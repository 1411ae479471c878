import Testing

@testable import Core

/// Reference values from SciPy 1.17.1 (scipy.special.gammainc,
/// gammaincc and smirnov, math.lgamma, scipy.stats.kstwobign.sf and
/// binom.pmf).
@Suite struct SpecialFunctionsTests {
  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
  }

  @Test(arguments: [
    (0.5, 0.5723649429247004), (1, 0), (3.7, 1.4280723266653883), (10, 12.801827480081467),
    (171.5, 709.1431630309282), (100_000, 1051287.7089736566),
  ])
  func logGammaMatchesReference(x: Double, expected: Double) {
    let value = SpecialFunctions.logGamma(x)
    #expect(abs(value - expected) <= 1e-14 * max(1, abs(expected)), "\(value)")
  }

  @Test(arguments: [
    (0.5, 0.1, 0.34527915398142317, 0.6547208460185768),
    (1, 1, 0.6321205588285577, 0.36787944117144245),
    (3.5, 10, 0.9944303169270544, 0.005569683072945574),
    (10, 3, 0.0011024881301154815, 0.9988975118698845),
    (100, 120, 0.9721362601094793, 0.027863739890520652),
    (10_000, 10_050, 0.6923424407025657, 0.3076575592974344),
    (1_000_000, 997_000, 0.0013381041673135986, 0.9986618958326864),
    (2.5, 200, 1.0, 2.9666446590828377e-84),
  ])
  func regularizedGammaMatchesReference(a: Double, x: Double, lower: Double, upper: Double) {
    let p = SpecialFunctions.regularizedGammaP(a, x)
    let q = SpecialFunctions.regularizedGammaQ(a, x)
    #expect(Self.close(p, lower, 1e-10), "P = \(p)")
    #expect(Self.close(q, upper, 1e-10), "Q = \(q)")
  }

  @Test func gammaAtZeroIsExact() {
    #expect(SpecialFunctions.regularizedGammaP(3, 0) == 0)
    #expect(SpecialFunctions.regularizedGammaQ(3, 0) == 1)
  }

  @Test func normalSurvivalTails() {
    #expect(SpecialFunctions.normalSurvival(0) == 0.5)
    #expect(Self.close(SpecialFunctions.normalSurvival(5), 2.866515718791933e-07))
    #expect(SpecialFunctions.normalSurvival(40) == 0)
  }

  @Test(arguments: [
    (0.5, 0.9639452436648751), (1.0, 0.26999967167735456), (2.5, 7.453306344157342e-06),
  ])
  func kolmogorovSurvivalMatchesReference(z: Double, expected: Double) {
    #expect(Self.close(KolmogorovSmirnov.kolmogorovSurvival(z), expected))
  }

  @Test(arguments: [
    (0.0, 10.0, 0.3, 0.0282475249), (3, 10, 0.3, 0.2668279319999998),
    (500, 1000, 0.5, 0.025225018178360804), (12_345, 1_000_000, 0.0125, 0.001359826127101747),
    (7, 20, 0.9, 3.707757568799992e-09),
  ])
  func binomialProbabilityMatchesReference(k: Double, n: Double, p: Double, expected: Double) {
    let value = SpecialFunctions.binomialProbability(
      k, trials: n, successMean: n * p, failureMean: n * (1 - p))
    #expect(Self.close(value, expected, 1e-12), "\(value)")
  }

  // scipy.special.smirnov(n, x), the one-sided tail P(D+_n >= x).
  @Test(arguments: [
    (10.0, 0.5, 0.003888705), (200, 0.2, 8.658937308654167e-08),
    (5000, 0.03, 0.00012079617211333408), (100_000, 0.01, 2.046639011774627e-09),
  ])
  func oneSidedTailMatchesReference(n: Double, x: Double, expected: Double) {
    let value = KolmogorovSmirnov.oneSidedTail(x, n: n)
    #expect(Self.close(value, expected, 1e-12), "\(value)")
  }
}
