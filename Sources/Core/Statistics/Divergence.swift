#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Distances between two categorical distributions given as counts (or
/// any nonnegative weights) over the same categories in the same order.
/// Neither has a p-value. Both need at least one positive count on each
/// side and are undefined (`.empty`) otherwise.
public enum Divergence {
  /// The proportion that replaces an empty category's zero share in PSI,
  /// whose logarithm would otherwise be infinite.
  public static let stabilityFloor = 1e-4

  /// Computes the population stability index
  /// Σ (a_i - e_i) ln(a_i / e_i) of `actual` against `expected`, with
  /// each proportion first raised to at least 1e-4. By the usual rule of
  /// thumb, below 0.1 is stable, 0.1 to 0.25 a moderate shift, and above
  /// 0.25 a major one. The floor means categories seen on one side only
  /// add a bounded amount: a whole category of share s that disappears
  /// adds about s ln(s / 1e-4).
  public static func populationStabilityIndex(
    expected: [Double], actual: [Double]
  ) -> StatisticOutcome {
    switch proportions(expected, actual) {
    case .failure(let reason):
      return .undefined(reason)
    case .success(let (p, q)):
      var index = 0.0
      for (e, a) in zip(p, q) {
        let floored = (max(e, stabilityFloor), max(a, stabilityFloor))
        index += (floored.1 - floored.0) * log(floored.1 / floored.0)
      }
      return .computed(statistic: index, pValue: nil)
    }
  }

  /// Computes the Jensen-Shannon distance with base-2 logarithms, so it
  /// lies in [0, 1]: the square root of the mean Kullback-Leibler
  /// divergence of each distribution from their midpoint. It matches
  /// `scipy.spatial.distance.jensenshannon(p, q, base=2)`.
  public static func jensenShannonDistance(_ first: [Double], _ second: [Double])
    -> StatisticOutcome
  {
    switch proportions(first, second) {
    case .failure(let reason):
      return .undefined(reason)
    case .success(let (p, q)):
      var sum = 0.0
      for (a, b) in zip(p, q) {
        let middle = (a + b) / 2
        sum += relativeEntropy(a, middle) + relativeEntropy(b, middle)
      }
      let divergence = sum / 2 / log(2.0)
      return .computed(statistic: max(divergence, 0).squareRoot(), pValue: nil)
    }
  }

  /// Computes x ln(x / y), 0 when x is 0.
  static func relativeEntropy(_ x: Double, _ y: Double) -> Double {
    x > 0 ? x * log(x / y) : 0
  }

  /// Normalises two weight vectors to proportions.
  static func proportions(_ first: [Double], _ second: [Double]) -> Result<
    ([Double], [Double]), UndefinedReason
  > {
    guard first.count == second.count else {
      return .failure(.invalidInput("vectors of different lengths"))
    }
    let all = first + second
    guard all.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
      return .failure(.invalidInput("negative or non-finite weight"))
    }
    let firstTotal = first.reduce(0, +)
    let secondTotal = second.reduce(0, +)
    guard firstTotal > 0, secondTotal > 0 else { return .failure(.empty) }
    return .success((first.map { $0 / firstTotal }, second.map { $0 / secondTotal }))
  }

  /// Computes a distance between two category count tables over the union
  /// of their categories.
  public static func jensenShannonDistance(_ first: CategoryCounts, _ second: CategoryCounts)
    -> StatisticOutcome
  {
    let aligned = CategoryCounts.aligned(first, second)
    return jensenShannonDistance(aligned.first, aligned.second)
  }

  /// Computes PSI of `actual` against `expected` over the union of their
  /// categories.
  public static func populationStabilityIndex(
    expected: CategoryCounts, actual: CategoryCounts
  ) -> StatisticOutcome {
    let aligned = CategoryCounts.aligned(expected, actual)
    return populationStabilityIndex(expected: aligned.first, actual: aligned.second)
  }
}
