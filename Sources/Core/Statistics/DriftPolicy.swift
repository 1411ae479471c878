/// The rule that turns a test outcome into a drift decision. A shift is
/// reported only when all three hold:
///
/// - each compared group has at least `minimumCount` observations, so a
///   handful of studies cannot raise an alarm;
/// - the p-value is below `significance`;
/// - the effect size reaches `minimumEffect`, so that with millions of
///   observations a real but trivial shift, which any test calls
///   significant, is not reported.
///
/// The presets state their effect measure and floor; the reasons are in
/// docs/statistics.md.
public struct DriftPolicy: Equatable, Sendable {
  public let significance: Double
  public let minimumEffect: Double
  public let minimumCount: UInt64

  public init(significance: Double, minimumEffect: Double, minimumCount: UInt64) {
    self.significance = significance
    self.minimumEffect = minimumEffect
    self.minimumCount = minimumCount
  }

  /// Category shares (manufacturers, body parts, age bands): chi-square
  /// p-value, Jensen-Shannon distance (base 2) of at least 0.1, and 100
  /// observations per period.
  public static let categoricalShift = DriftPolicy(
    significance: 0.001, minimumEffect: 0.1, minimumCount: 100)

  /// A rate such as the positive-finding share: two-proportion p-value,
  /// an absolute difference of at least 0.02 (two percentage points),
  /// and 100 trials per period.
  public static let proportionShift = DriftPolicy(
    significance: 0.001, minimumEffect: 0.02, minimumCount: 100)

  /// A numeric distribution (latency, model score): Kolmogorov-Smirnov
  /// p-value, a statistic D of at least 0.1, and 50 values per period.
  public static let distributionShift = DriftPolicy(
    significance: 0.001, minimumEffect: 0.1, minimumCount: 50)

  /// Decides whether an outcome shows drift. `effectSize` is compared by
  /// magnitude; `counts` are the group sizes.
  public func decide(outcome: StatisticOutcome, effectSize: Double?, counts: [UInt64])
    -> DriftDecision
  {
    guard case .computed(_, let pValue) = outcome else {
      return .notAssessed(outcome.undefinedReason ?? .empty)
    }
    return decide(pValue: pValue, effectSize: effectSize, counts: counts)
  }

  /// Decides from a p-value (nil for measures without one), an effect
  /// size and the group sizes.
  public func decide(pValue: Double?, effectSize: Double?, counts: [UInt64]) -> DriftDecision {
    let smallest = counts.min() ?? 0
    guard smallest >= minimumCount else {
      return .notAssessed(
        .tooFewObservations(count: Double(smallest), minimum: Double(minimumCount)))
    }
    if let pValue, !(pValue < significance) {
      return .stable(.notSignificant(pValue: pValue))
    }
    guard let effectSize, effectSize.isFinite else {
      return .notAssessed(.invalidInput("effect size \(String(describing: effectSize))"))
    }
    guard abs(effectSize) >= minimumEffect else {
      return .stable(.effectBelowFloor(effectSize: effectSize, floor: minimumEffect))
    }
    return .drift(pValue: pValue, effectSize: effectSize)
  }
}

/// The result of `DriftPolicy.decide`.
public enum DriftDecision: Equatable, Sendable {
  /// A significant shift at least as large as the effect floor.
  case drift(pValue: Double?, effectSize: Double)
  /// No shift worth reporting, and why.
  case stable(StableReason)
  /// Too little or unusable data to decide either way.
  case notAssessed(UndefinedReason)

  public enum StableReason: Equatable, Sendable {
    case notSignificant(pValue: Double)
    case effectBelowFloor(effectSize: Double, floor: Double)
  }

  public var isDrift: Bool {
    if case .drift = self { return true }
    return false
  }
}
