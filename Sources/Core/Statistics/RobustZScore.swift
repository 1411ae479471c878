/// A z-score that resists outliers: (x - median) / (MAD / 0.6745), where
/// MAD is the median absolute deviation from the median and 0.6745 the
/// normal distribution's 0.75 quantile, so the scaled MAD estimates the
/// standard deviation of normal data. The scale matches
/// `scipy.stats.median_abs_deviation(values, scale='normal')`.
///
/// medmon uses it to compare one day's value (a station's error rate, a
/// volume) with the previous days: unlike the mean and standard
/// deviation, a few bad days do not hide the next one.
///
/// Minimum sample: one baseline value and a MAD above zero. When more
/// than half the baseline values are equal, the MAD is 0 and the outcome
/// is `.undefined(.zeroVariance)`.
public enum RobustZScore {
  /// The normal distribution's 0.75 quantile, to double precision.
  public static let normalQuartile = 0.674_489_750_196_081_7

  /// Computes the robust z-score of `value` against `baseline`, ignoring
  /// NaN and infinite baseline values.
  public static func score(_ value: Double, baseline: [Double]) -> StatisticOutcome {
    guard value.isFinite else { return .undefined(.invalidInput("value \(value)")) }
    guard let spread = scaledMAD(baseline), let center = median(baseline) else {
      return .undefined(.empty)
    }
    guard spread > 0 else { return .undefined(.zeroVariance) }
    return .computed(statistic: (value - center) / spread, pValue: nil)
  }

  /// Computes the median, the mean of the two middle values for an even
  /// count, or nil when no finite value is given.
  public static func median(_ values: [Double]) -> Double? {
    let sorted = values.filter(\.isFinite).sorted()
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    return (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Computes MAD / 0.6745, or nil when no finite value is given.
  public static func scaledMAD(_ values: [Double]) -> Double? {
    guard let center = median(values) else { return nil }
    let deviations = values.filter(\.isFinite).map { abs($0 - center) }
    guard let mad = median(deviations) else { return nil }
    return mad / normalQuartile
  }
}
