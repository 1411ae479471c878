/// The two-proportion z-test with pooled variance: whether the share of
/// successes (positive findings, failed studies) differs between two
/// groups. z = (x1/n1 - x2/n2) / sqrt(p (1 - p) (1/n1 + 1/n2)) with
/// p = (x1 + x2) / (n1 + n2), and the two-sided p-value 2 P(Z > |z|).
///
/// Minimum sample: one trial per group, and a pooled proportion strictly
/// between 0 and 1 (otherwise `.undefined(.zeroVariance)`). The normal
/// approximation wants about 10 successes and 10 failures per group,
/// but `DriftPolicy.minimumCount` bounds only the trials, so rare events
/// are better tested with `PoissonRateTest`.
public enum ProportionTest {
  /// Tests x1 successes of n1 against x2 of n2. The statistic is z,
  /// positive when the first proportion is higher.
  public static func test(
    successes x1: UInt64, trials n1: UInt64, successes x2: UInt64, trials n2: UInt64
  ) -> StatisticOutcome {
    guard n1 > 0, n2 > 0 else { return .undefined(.empty) }
    guard x1 <= n1, x2 <= n2 else {
      return .undefined(.invalidInput("more successes than trials"))
    }
    let first = Double(x1) / Double(n1)
    let second = Double(x2) / Double(n2)
    let pooled = (Double(x1) + Double(x2)) / (Double(n1) + Double(n2))
    guard pooled > 0, pooled < 1 else { return .undefined(.zeroVariance) }
    let variance = pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))
    let z = (first - second) / variance.squareRoot()
    let pValue = min(1, 2 * SpecialFunctions.normalSurvival(abs(z)))
    return .computed(statistic: z, pValue: pValue)
  }
}
