/// Values in ascending order with a nonnegative weight each: a raw sample
/// (all weights 1) or the buckets of a `DDSketch`.
public struct WeightedSample: Equatable, Sendable {
  public let sortedValues: [Double]
  public let weights: [Double]

  /// Creates a sample from values in any order, with weight 1 each or
  /// the given weights. Pairs with a NaN or infinite value, or a weight
  /// that is negative, zero, NaN or infinite, are dropped.
  public init(values: [Double], weights: [Double]? = nil) {
    let paired = zip(values, weights ?? Array(repeating: 1, count: values.count))
      .filter { $0.0.isFinite && $0.1.isFinite && $0.1 > 0 }
      .sorted { $0.0 < $1.0 }
    self.init(sortedValues: paired.map(\.0), weights: paired.map(\.1))
  }

  init(sortedValues: [Double], weights: [Double]) {
    self.sortedValues = sortedValues
    self.weights = weights
  }

  public var isEmpty: Bool { sortedValues.isEmpty }
  public var totalWeight: Double { weights.reduce(0, +) }
}
