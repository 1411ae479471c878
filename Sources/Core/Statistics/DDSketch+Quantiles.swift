extension DDSketch {
  /// Estimates the value of rank floor(q (count - 1)) in ascending order
  /// (0-based), the "lower" quantile, within `relativeAccuracy` of the
  /// exact value. Returns nil for an empty sketch or q outside [0, 1].
  /// The first and last ranks return the exact min and max, and other
  /// results are clamped to them.
  public func quantile(_ q: Double) -> Double? {
    guard !isEmpty, q >= 0, q <= 1 else { return nil }
    let rank = UInt64((q * Double(count - 1)).rounded(.down))
    if rank == 0 { return minimum }
    if rank == count - 1 { return maximum }
    let estimate = value(atRank: rank)
    return Swift.min(Swift.max(estimate, minimum), maximum)
  }

  private func value(atRank rank: UInt64) -> Double {
    var seen: UInt64 = 0
    for (index, bucketCount) in negative.buckets.reversed() {
      seen += bucketCount
      if seen > rank { return -mapping.representative(index) }
    }
    seen += zeroCount
    if seen > rank { return 0 }
    for (index, bucketCount) in positive.buckets {
      seen += bucketCount
      if seen > rank { return mapping.representative(index) }
    }
    return maximum
  }

  /// Estimates the fraction of values at or below `x`, counting each
  /// bucket at its representative value. Returns nil when empty.
  public func cdf(_ x: Double) -> Double? {
    guard !isEmpty, !x.isNaN else { return nil }
    if x < minimum { return 0 }
    if x >= maximum { return 1 }
    var below: UInt64 = 0
    for (value, weight) in weightedBuckets() where value <= x {
      below += weight
    }
    return Double(below) / Double(count)
  }

  /// Lists the buckets as ascending (value, count) pairs, each bucket at
  /// its representative value clamped to [min, max], and zeros at 0.
  func weightedBuckets() -> [(value: Double, count: UInt64)] {
    var result: [(value: Double, count: UInt64)] = []
    for (index, bucketCount) in negative.buckets.reversed() {
      result.append((clamp(-mapping.representative(index)), bucketCount))
    }
    if zeroCount > 0 { result.append((0, zeroCount)) }
    for (index, bucketCount) in positive.buckets {
      result.append((clamp(mapping.representative(index)), bucketCount))
    }
    return result
  }

  private func clamp(_ value: Double) -> Double {
    Swift.min(Swift.max(value, minimum), maximum)
  }

  /// The sketch as a weighted sample for `KolmogorovSmirnov` and
  /// `Wasserstein`. Each value is within `relativeAccuracy` of the values
  /// it stands for, so the Wasserstein-1 distance between two sketches is
  /// within relativeAccuracy * (mean |x| of each) of that between the raw
  /// samples. A KS statistic on sketches compares the bucketed samples:
  /// values that share a bucket count as ties.
  public var weightedSample: WeightedSample {
    let buckets = weightedBuckets()
    return WeightedSample(
      sortedValues: buckets.map(\.value), weights: buckets.map { Double($0.count) })
  }
}
