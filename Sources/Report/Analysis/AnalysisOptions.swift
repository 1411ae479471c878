/// Thresholds of the incident and drift rules. The defaults keep a
/// steady site quiet: a drift needs significance, an effect-size floor
/// and a minimum count, so large samples do not flag trivia and small
/// ones do not flag noise.
public struct AnalysisOptions: Sendable {
  /// How many previous periods form the baseline when none is pinned.
  public var baselinePeriods = 3
  /// The p-value below which a test counts as significant. It is small
  /// because every report runs hundreds of tests.
  public var significance = 1e-6
  /// The smallest change of a value's share that counts as drift.
  public var shareFloor = 0.05
  /// The smallest change of the pediatric share that counts as drift.
  public var pediatricFloor = 0.02
  /// The smallest change of a positive rate that counts as drift.
  public var positiveRateFloor = 0.03
  /// The fewest studies or events a finding needs.
  public var minimumCount = 30
  /// The ratio of daily p95 latency to the baseline p95 that counts as a
  /// regression.
  public var latencyRatio = 1.3
  /// The fraction of the expected daily volume below which a day counts
  /// as a throughput drop.
  public var throughputFloor = 0.5
  /// The free fraction of a disk below which it is nearly full.
  public var diskFreeWarning = 0.10
  public var diskFreeIncident = 0.05
  /// The ratio of an error or outlier rate to its baseline that counts as
  /// a spike.
  public var rateRatio = 2.0

  public init() {}
}
