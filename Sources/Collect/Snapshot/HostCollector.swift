import Core

/// Records the host's health at each snapshot: disks, memory, load,
/// uptime, GPUs and systemd units. The row is stored with the snapshot
/// and exported as `host.jsonl`.
public struct HostCollector: SnapshotCollector {
  public let name = "host"
  public let summary = "disk use, memory, load, uptime, GPU state and systemd units"
  private let probe: HostProbe?

  /// Creates the collector; `probe` replaces the one built from the
  /// configuration, for tests that use fixture files and fake commands.
  public init(probe: HostProbe? = nil) {
    self.probe = probe
  }

  public func collect(_ context: SnapshotContext) throws -> CollectorReport {
    let started = monotonicNow()
    let health = (probe ?? HostProbe(settings: context.config.host)).collect(now: context.now)
    try context.database.execute(
      "INSERT OR REPLACE INTO host_samples (time, boot_time, row) VALUES (?, ?, ?)",
      [.integer(context.now), health.bootTime.map { .integer($0) } ?? .null, .text(health.tableRow().serialized())])
    return CollectorReport(
      name: name, summary: summary, items: 1, durationMilliseconds: monotonicNow() - started,
      notes: health.problems + ["GPU status \(health.gpuStatus.rawValue)"])
  }
}
