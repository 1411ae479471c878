import Testing

@testable import Collect

@Suite struct SnapshotContinuityTests {
  @Test func firstSnapshotHasNoGap() {
    let result = SnapshotContinuity.assess(
      previousTime: nil, previousBootTime: nil, time: 10_000, bootTime: 500,
      expectedInterval: 900)
    #expect(
      result
        == SnapshotContinuity(
          elapsedSeconds: nil, rebooted: false, gap: false, missedSnapshots: 0))
  }

  @Test func onTimeSnapshot() {
    let result = SnapshotContinuity.assess(
      previousTime: 10_000, previousBootTime: 500, time: 10_950, bootTime: 502,
      expectedInterval: 900)
    #expect(
      result
        == SnapshotContinuity(
          elapsedSeconds: 950, rebooted: false, gap: false, missedSnapshots: 0))
  }

  @Test func gapCountsMissedIntervals() {
    let result = SnapshotContinuity.assess(
      previousTime: 10_000, previousBootTime: 500, time: 10_000 + 4 * 900 + 30, bootTime: 500,
      expectedInterval: 900)
    #expect(result.gap)
    #expect(result.missedSnapshots == 3)
    #expect(result.elapsedSeconds == 3630)
    #expect(!result.rebooted)
  }

  @Test func gapThresholdIsFactorOfInterval() {
    let below = SnapshotContinuity.assess(
      previousTime: 0, previousBootTime: nil, time: 1350, bootTime: nil, expectedInterval: 900)
    let above = SnapshotContinuity.assess(
      previousTime: 0, previousBootTime: nil, time: 1351, bootTime: nil, expectedInterval: 900)
    #expect(!below.gap)
    #expect(above.gap)
    #expect(above.missedSnapshots == 0)
  }

  @Test func bootTimeChangeIsReboot() {
    let result = SnapshotContinuity.assess(
      previousTime: 10_000, previousBootTime: 500, time: 12_000, bootTime: 11_200,
      expectedInterval: 900)
    #expect(result.rebooted)
    #expect(result.gap)
    #expect(result.missedSnapshots == 1)
  }

  @Test func smallBootTimeDriftIsNotReboot() {
    let result = SnapshotContinuity.assess(
      previousTime: 10_000, previousBootTime: 500, time: 10_900, bootTime: 560,
      expectedInterval: 900)
    #expect(!result.rebooted)
  }
}
