/// An exact test of an observed event count against a baseline rate:
/// are there more (or fewer) errors, studies or restarts in this period
/// than the baseline rate predicts for its exposure?
///
/// Under the null hypothesis the count k is Poisson with mean
/// mu = rate * exposure. The one-sided p-values are P(X >= k) (more
/// events, `scipy.stats.poisson.sf(k - 1, mu)`) and P(X <= k) (fewer,
/// `poisson.cdf(k, mu)`). The two-sided p-value doubles the smaller one
/// and caps it at 1. That is the doubling rule, not the rule that sums
/// the probabilities of all outcomes no more likely than k, so it can
/// differ from tools that use the latter.
///
/// Minimum sample: a positive finite expected count mu; the count may be
/// zero. The statistic reported is k / mu, the rate ratio.
public enum PoissonRateTest {
  public enum Alternative: String, Sendable, CaseIterable {
    case twoSided = "two-sided"
    case greater
    case less
  }

  /// Tests `count` events against `rate` events per unit of `exposure`.
  public static func test(
    count: UInt64, rate: Double, exposure: Double = 1, alternative: Alternative = .twoSided
  ) -> StatisticOutcome {
    let mean = rate * exposure
    guard mean.isFinite, mean > 0 else {
      return .undefined(.invalidInput("expected count \(mean) is not positive and finite"))
    }
    let k = Double(count)
    let atLeast = count == 0 ? 1 : SpecialFunctions.regularizedGammaP(k, mean)
    let atMost = SpecialFunctions.regularizedGammaQ(k + 1, mean)
    let pValue: Double
    switch alternative {
    case .greater: pValue = atLeast
    case .less: pValue = atMost
    case .twoSided: pValue = min(1, 2 * min(atLeast, atMost))
    }
    return .computed(statistic: k / mean, pValue: pValue)
  }
}
