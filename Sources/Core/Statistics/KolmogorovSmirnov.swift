/// The two-sample Kolmogorov-Smirnov test, two-sided, on raw samples,
/// weighted samples or sketches.
///
/// The statistic D is the largest absolute difference between the two
/// empirical distribution functions, evaluated at every value of either
/// sample, as `scipy.stats.ks_2samp` computes it. The p-value follows
/// its method='auto' choice: exact when both sample sizes are at most
/// 10 000, asymptotic otherwise. The exact p-value counts lattice paths
/// and, like SciPy's, assumes no ties. In exact mode D is reported as
/// h / lcm(n1, n2), the lattice step it rounds to, as SciPy does.
///
/// The asymptotic p-value is the two-sided one-sample distribution of
/// D_n at n = round(n1 n2 / (n1 + n2)), as in SciPy (see
/// `asymptoticPValue` for where it is approximated).
///
/// Minimum sample: one value in each sample. On sketches, the sample
/// sizes are the counts, and values that share a bucket count as ties,
/// so the p-value is that of the bucketed samples.
public enum KolmogorovSmirnov {
  /// The largest sample size for which the p-value is exact.
  public static let exactLimit = 10_000

  /// Tests whether two raw samples come from the same distribution.
  /// NaN and infinite values are dropped.
  public static func test(_ first: [Double], _ second: [Double]) -> StatisticOutcome {
    test(WeightedSample(values: first), WeightedSample(values: second))
  }

  /// Tests whether the values summarised by two sketches come from the
  /// same distribution.
  public static func test(_ first: DDSketch, _ second: DDSketch) -> StatisticOutcome {
    test(first.weightedSample, second.weightedSample)
  }

  /// Tests two weighted samples. Integral weights act as counts. Other
  /// weights use the asymptotic p-value with Kish's effective sample
  /// size (sum w)^2 / sum w^2.
  public static func test(_ first: WeightedSample, _ second: WeightedSample) -> StatisticOutcome {
    guard !first.isEmpty, !second.isEmpty else { return .undefined(.empty) }
    let statistic = self.statistic(first, second)
    let firstSize = sampleSize(first)
    let secondSize = sampleSize(second)
    if let n1 = firstSize.exact, let n2 = secondSize.exact,
      max(n1, n2) <= exactLimit,
      let exact = exactPValue(statistic, n1, n2)
    {
      return .computed(statistic: exact.statistic, pValue: exact.pValue)
    }
    let pValue = asymptoticPValue(statistic, firstSize.effective, secondSize.effective)
    return .computed(statistic: statistic, pValue: pValue)
  }

  /// Computes D over the union of values from cumulative weights.
  static func statistic(_ first: WeightedSample, _ second: WeightedSample) -> Double {
    let firstTotal = first.totalWeight
    let secondTotal = second.totalWeight
    var i = 0
    var j = 0
    var firstCumulative = 0.0
    var secondCumulative = 0.0
    var largest = 0.0
    var smallest = 0.0
    while i < first.sortedValues.count || j < second.sortedValues.count {
      let value = min(
        i < first.sortedValues.count ? first.sortedValues[i] : .infinity,
        j < second.sortedValues.count ? second.sortedValues[j] : .infinity)
      while i < first.sortedValues.count && first.sortedValues[i] == value {
        firstCumulative += first.weights[i]
        i += 1
      }
      while j < second.sortedValues.count && second.sortedValues[j] == value {
        secondCumulative += second.weights[j]
        j += 1
      }
      let difference = firstCumulative / firstTotal - secondCumulative / secondTotal
      largest = max(largest, difference)
      smallest = min(smallest, difference)
    }
    return max(largest, min(-smallest, 1))
  }

  /// Returns the sample size as an integer when all weights are integral
  /// and their sum is exactly representable, and the effective size.
  static func sampleSize(_ sample: WeightedSample) -> (exact: Int?, effective: Double) {
    let total = sample.totalWeight
    let integral = sample.weights.allSatisfy { $0 == $0.rounded() } && total < 0x1p53
    if integral { return (Int(total), total) }
    let squares = sample.weights.reduce(0) { $0 + $1 * $1 }
    return (nil, total * total / squares)
  }
}
