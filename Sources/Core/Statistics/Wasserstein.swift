/// The first Wasserstein (earth mover's) distance between two
/// one-dimensional distributions: the area between their distribution
/// functions, in the unit of the values. It matches
/// `scipy.stats.wasserstein_distance`, with or without weights.
///
/// Minimum sample: one value with positive weight on each side;
/// otherwise `.undefined(.empty)`. On sketches each value moves by at
/// most the relative accuracy, so the distance is within
/// relativeAccuracy * (mean |x| of each side) of that of the raw values.
public enum Wasserstein {
  /// Computes the distance between two raw samples, dropping NaN and
  /// infinite values.
  public static func distance(_ first: [Double], _ second: [Double]) -> StatisticOutcome {
    distance(WeightedSample(values: first), WeightedSample(values: second))
  }

  /// Computes the distance between the distributions of two sketches.
  public static func distance(_ first: DDSketch, _ second: DDSketch) -> StatisticOutcome {
    distance(first.weightedSample, second.weightedSample)
  }

  /// Computes the distance between two weighted samples.
  public static func distance(_ first: WeightedSample, _ second: WeightedSample)
    -> StatisticOutcome
  {
    guard !first.isEmpty, !second.isEmpty else { return .undefined(.empty) }
    let firstTotal = first.totalWeight
    let secondTotal = second.totalWeight
    let points = (first.sortedValues + second.sortedValues).sorted()
    var i = 0
    var j = 0
    var firstCumulative = 0.0
    var secondCumulative = 0.0
    var area = 0.0
    for index in 0..<(points.count - 1) {
      let point = points[index]
      while i < first.sortedValues.count && first.sortedValues[i] <= point {
        firstCumulative += first.weights[i]
        i += 1
      }
      while j < second.sortedValues.count && second.sortedValues[j] <= point {
        secondCumulative += second.weights[j]
        j += 1
      }
      let gap = abs(firstCumulative / firstTotal - secondCumulative / secondTotal)
      area += gap * (points[index + 1] - point)
    }
    return .computed(statistic: area, pValue: nil)
  }
}
