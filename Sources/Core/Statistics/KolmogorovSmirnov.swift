#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
/// NOTE: the asymptotic p-value is the limiting Kolmogorov distribution
/// at sqrt(n1 n2 / (n1 + n2)) D (`scipy.stats.kstwobign.sf`). SciPy's
/// ks_2samp instead evaluates the finite-n distribution `kstwo` at
/// n = round(n1 n2 / (n1 + n2)), which differs by O(1/sqrt(n)); the
/// two agree to about 1% at n = 10 000.
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

  /// The sample size as an integer when all weights are integral (and
  /// their sum is exactly representable), and the effective size.
  static func sampleSize(_ sample: WeightedSample) -> (exact: Int?, effective: Double) {
    let total = sample.totalWeight
    let integral = sample.weights.allSatisfy { $0 == $0.rounded() } && total < 0x1p53
    if integral { return (Int(total), total) }
    let squares = sample.weights.reduce(0) { $0 + $1 * $1 }
    return (nil, total * total / squares)
  }

  /// Computes the asymptotic two-sided p-value: the Kolmogorov
  /// distribution's survival function at sqrt(n1 n2 / (n1 + n2)) D.
  static func asymptoticPValue(_ statistic: Double, _ n1: Double, _ n2: Double) -> Double {
    let z = (n1 * n2 / (n1 + n2)).squareRoot() * statistic
    return min(1, max(0, kolmogorovSurvival(z)))
  }

  /// Computes P(K > z) for the Kolmogorov distribution. Above z = 1 the
  /// alternating series 2 Σ (-1)^(k-1) exp(-2 k^2 z^2) converges fast;
  /// below it, 1 - sqrt(2π) / z Σ exp(-(2k - 1)^2 π^2 / (8 z^2)) does.
  static func kolmogorovSurvival(_ z: Double) -> Double {
    guard z > 0 else { return 1 }
    if z < 1 {
      let factor = -Double.pi * Double.pi / (8 * z * z)
      var sum = 0.0
      for k in 1...20 {
        let odd = Double(2 * k - 1)
        sum += exp(factor * odd * odd)
      }
      return 1 - (2 * Double.pi).squareRoot() / z * sum
    }
    var sum = 0.0
    for k in 1...100 {
      let kk = Double(k)
      let term = exp(-2 * kk * kk * z * z)
      sum += k % 2 == 1 ? term : -term
      if term < 1e-300 || term < 1e-17 * sum { break }
    }
    return 2 * sum
  }
}
