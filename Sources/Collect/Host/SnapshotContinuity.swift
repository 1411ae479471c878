/// The changes on the host between the previous snapshot and this one:
/// a reboot, or a gap longer than the expected interval.
public struct SnapshotContinuity: Equatable, Sendable {
  /// Seconds since the previous snapshot, nil for the first snapshot.
  public var elapsedSeconds: Int64?
  /// True when the boot time moved by more than the tolerance.
  public var rebooted: Bool
  /// True when more time passed than `gapFactor` times the interval.
  public var gap: Bool
  /// Whole intervals that passed without a snapshot, 0 without a gap.
  public var missedSnapshots: Int64

  public init(elapsedSeconds: Int64?, rebooted: Bool, gap: Bool, missedSnapshots: Int64) {
    self.elapsedSeconds = elapsedSeconds
    self.rebooted = rebooted
    self.gap = gap
    self.missedSnapshots = missedSnapshots
  }

  /// Compares this snapshot with the previous one.
  ///
  /// The kernel derives `btime` from the wall clock, so an NTP step moves
  /// it by a few seconds without a reboot. A move of at most
  /// `bootTolerance` seconds is not a reboot.
  /// NOTE: a wall-clock step larger than the tolerance reads as a reboot.
  public static func assess(
    previousTime: Int64?, previousBootTime: Int64?, time: Int64, bootTime: Int64?,
    expectedInterval: Int64, gapFactor: Double = 1.5, bootTolerance: Int64 = 60
  ) -> SnapshotContinuity {
    var rebooted = false
    if let previousBootTime, let bootTime {
      rebooted = abs(bootTime - previousBootTime) > bootTolerance
    }
    guard let previousTime else {
      return SnapshotContinuity(
        elapsedSeconds: nil, rebooted: rebooted, gap: false, missedSnapshots: 0)
    }

    let elapsed = time - previousTime
    let interval = max(1, expectedInterval)
    let gap = Double(elapsed) > Double(interval) * gapFactor
    let missed = gap ? max(0, elapsed / interval - 1) : 0
    return SnapshotContinuity(
      elapsedSeconds: elapsed, rebooted: rebooted, gap: gap, missedSnapshots: missed)
  }
}
