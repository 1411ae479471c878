/// A mergeable quantile sketch with a relative error bound (DDSketch, the
/// algorithm of Datadog's sketches libraries).
///
/// Every quantile it returns is within `relativeAccuracy` (1% by default)
/// of the exact value of that rank, as long as no buckets were collapsed
/// below that rank. Positive and negative values go into separate
/// bucket stores and values with magnitude below the smallest normal
/// double into a zero count. Each store keeps at most `maxBucketCount`
/// nonempty buckets, folding its smallest magnitudes together beyond
/// that, so the size stays bounded and the high quantiles of latencies
/// keep their bound. With the defaults, 2048 buckets span a ratio of
/// about 4 * 10^17 between the smallest and largest magnitude before any
/// collapse.
///
/// Count, sum, min and max are exact. Adding and merging in any order
/// produce equal sketches and identical encodings.
public struct DDSketch: Equatable, Sendable {
  public static let defaultRelativeAccuracy = 0.01
  public static let defaultMaxBucketCount = 2048

  /// The allowed range of `relativeAccuracy`, exclusive of its ends.
  public static let relativeAccuracyRange = 0.0001...0.5
  /// The allowed range of `maxBucketCount`.
  public static let maxBucketCountRange = 16...65_536

  let mapping: SketchIndexMapping
  var positive: SketchStore
  var negative: SketchStore
  var zeroCount: UInt64 = 0
  var exactSum = ExactSum()
  var minimum = Double.infinity
  var maximum = -Double.infinity

  /// Creates an empty sketch with 1% relative accuracy and at most 2048
  /// buckets per sign.
  public init() {
    self.init(
      validAccuracy: DDSketch.defaultRelativeAccuracy,
      maxBucketCount: DDSketch.defaultMaxBucketCount)
  }

  /// Creates an empty sketch, checking that `relativeAccuracy` lies in
  /// (0.0001, 0.5) and `maxBucketCount` in 16...65536.
  public init(relativeAccuracy: Double, maxBucketCount: Int) throws {
    guard relativeAccuracy > DDSketch.relativeAccuracyRange.lowerBound,
      relativeAccuracy < DDSketch.relativeAccuracyRange.upperBound
    else {
      throw StatisticsError.invalidParameter(
        name: "relativeAccuracy", value: String(relativeAccuracy),
        expected: "a number between 0.0001 and 0.5")
    }
    guard DDSketch.maxBucketCountRange.contains(maxBucketCount) else {
      throw StatisticsError.invalidParameter(
        name: "maxBucketCount", value: String(maxBucketCount),
        expected: "an integer from 16 to 65536")
    }
    self.init(validAccuracy: relativeAccuracy, maxBucketCount: maxBucketCount)
  }

  init(validAccuracy: Double, maxBucketCount: Int) {
    mapping = SketchIndexMapping(relativeAccuracy: validAccuracy)
    positive = SketchStore(maxBucketCount: maxBucketCount)
    negative = SketchStore(maxBucketCount: maxBucketCount)
  }

  public var relativeAccuracy: Double { mapping.relativeAccuracy }
  public var maxBucketCount: Int { positive.maxBucketCount }

  /// The number of values added.
  public var count: UInt64 { zeroCount + positive.total + negative.total }
  public var isEmpty: Bool { count == 0 }

  /// The sum of the values added, computed exactly and rounded once.
  public var sum: Double { exactSum.value }
  public var min: Double? { isEmpty ? nil : minimum }
  public var max: Double? { isEmpty ? nil : maximum }
  public var mean: Double? { isEmpty ? nil : sum / Double(count) }

  /// Adds a value and returns true, or returns false and leaves the
  /// sketch unchanged when the value is NaN or infinite.
  @discardableResult
  public mutating func add(_ value: Double) -> Bool {
    add(value, count: 1)
  }

  /// Adds `count` copies of a value. Returns false, leaving the sketch
  /// unchanged, for NaN or infinite values, a zero count, or a count that
  /// would take the total past UInt64.max.
  @discardableResult
  public mutating func add(_ value: Double, count: UInt64) -> Bool {
    guard value.isFinite, count > 0 else { return false }
    guard !self.count.addingReportingOverflow(count).overflow else { return false }
    let magnitude = Swift.abs(value)
    if magnitude < SketchIndexMapping.minIndexableValue {
      zeroCount += count
    } else if value > 0 {
      positive.add(index: mapping.index(of: magnitude), count: count)
    } else {
      negative.add(index: mapping.index(of: magnitude), count: count)
    }
    if count == 1 {
      exactSum.add(value)
    } else {
      addRepeated(value, count: count)
    }
    minimum = Swift.min(minimum, value)
    maximum = Swift.max(maximum, value)
    return true
  }

  /// Adds value * count to the exact sum by binary doubling, which stays
  /// exact because doubling a double only changes its exponent.
  private mutating func addRepeated(_ value: Double, count: UInt64) {
    var term = value
    var rest = count
    while rest > 0 {
      if rest & 1 == 1 { exactSum.add(term) }
      rest >>= 1
      if rest > 0 { term *= 2 }
    }
  }

  /// Adds every value of another sketch with the same parameters.
  public mutating func merge(_ other: DDSketch) throws {
    guard mapping == other.mapping, maxBucketCount == other.maxBucketCount else {
      throw StatisticsError.incompatibleParameters(
        kind: "DDSketch", left: parameterLabel, right: other.parameterLabel)
    }
    let (_, overflow) = count.addingReportingOverflow(other.count)
    guard !overflow else {
      throw StatisticsError.invalidParameter(
        name: "count", value: "\(count) + \(other.count)", expected: "a total below 2^64")
    }
    for (index, bucketCount) in other.positive.buckets {
      positive.add(index: index, count: bucketCount)
    }
    for (index, bucketCount) in other.negative.buckets {
      negative.add(index: index, count: bucketCount)
    }
    zeroCount += other.zeroCount
    exactSum.add(other.exactSum)
    minimum = Swift.min(minimum, other.minimum)
    maximum = Swift.max(maximum, other.maximum)
  }

  var parameterLabel: String {
    "relativeAccuracy=\(relativeAccuracy) maxBucketCount=\(maxBucketCount)"
  }

  /// The number of nonempty buckets over both signs.
  public var bucketCount: Int { positive.nonemptyCount + negative.nonemptyCount }
}
