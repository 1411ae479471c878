#if canImport(Glibc)
  import Glibc
#endif
import Core
import Dispatch

/// Runs one snapshot: walks the DICOM roots, parses new and changed files
/// on all cores, and adds them to the per-day tables, all in one
/// transaction, so a run killed at any point leaves the database as it was.
public final class SnapshotRunner {
  /// Parses one file; called from several threads at once.
  public typealias Parser = @Sendable (String, FileSystem.Status) -> ScannedFile

  private let config: SiteConfig
  private let pseudonymizer: any Pseudonymizer
  private let logger: Logger
  private let progress: any ProgressSink
  private let parse: Parser
  private let now: () -> Int64
  private let collectors: [any SnapshotCollector]
  private let batchSize = 512

  public init(
    config: SiteConfig, pseudonymizer: any Pseudonymizer, logger: Logger,
    progress: any ProgressSink = SilentProgress(), now: @escaping () -> Int64 = currentUnixTime,
    collectors: [any SnapshotCollector] = SnapshotRunner.defaultCollectors, parse: @escaping Parser
  ) {
    self.collectors = collectors
    self.config = config
    self.pseudonymizer = pseudonymizer
    self.logger = logger
    self.progress = progress
    self.parse = parse
    self.now = now
  }

  /// Runs the snapshot, or returns a summary marked as skipped when
  /// another snapshot holds the lock.
  public func run() throws -> SnapshotSummary {
    let sources = config.dicom.roots.count + config.logs.paths.count + config.results.paths.count
    guard sources > 0 else { throw SiteError.nothingConfigured }
    try FileSystem.createDirectory(FileSystem.parentDirectory(of: config.statePath))
    guard let lock = try FileLock.tryAcquire(config.statePath + ".lock") else {
      logger.info("another snapshot is running (lock '\(config.statePath).lock' is held); nothing to do")
      var summary = SnapshotSummary()
      summary.skippedBecauseLocked = true
      return summary
    }
    defer { lock.release() }

    let database = try StateDatabase.open(config.statePath)
    var summary = SnapshotSummary()
    summary.started = now()
    let previousStart = try database.scalar("SELECT MAX(started) FROM snapshots")?.int64Value
    let index = try FileIndex.load(from: database)
    logger.debug("\(index.count) files known from earlier snapshots")

    try database.transaction(.immediate) {
      let aggregator = DICOMAggregator(database: database, pseudonymizer: pseudonymizer, config: config)
      var scan = Scan(
        database: database, aggregator: aggregator, index: index, previousStart: previousStart,
        today: Day(unixSeconds: summary.started), logger: logger)
      try walkRoots(&scan)
      try scan.processPending(parse, workers: workerCount)
      try aggregator.flush()
      summary.collectors = runCollectors(database, started: summary.started)
      summary.finished = now()
      scan.fill(&summary)
      try scan.recordProblems()
      try record(summary, in: database)
    }
    progress.finish()
    return summary
  }

  /// The collectors every snapshot runs after the DICOM walk.
  public static let defaultCollectors: [any SnapshotCollector] = [
    LogSnapshotCollector(), ResultsCollector(), HostCollector(),
  ]

  /// Runs each collector in its own savepoint, so one that fails leaves
  /// no partial rows and does not stop the others or lose the DICOM counts.
  private func runCollectors(_ database: Database, started: Int64) -> [CollectorReport] {
    let context = SnapshotContext(
      database: database, config: config, pseudonymizer: pseudonymizer, logger: logger, now: started)
    return collectors.map { collector in
      let report: CollectorReport
      do {
        report = try database.transaction { try collector.collect(context) }
      } catch {
        logger.error("collector '\(collector.name)' failed: \(LogSnapshotCollector.describe(error))")
        report = CollectorReport(
          name: collector.name, summary: collector.summary, status: "failed",
          notes: ["failed: " + LogSnapshotCollector.describe(error)])
      }
      try? record(report, started: started, in: database)
      return report
    }
  }

  private func record(_ report: CollectorReport, started: Int64, in database: Database) throws {
    try database.execute(
      """
      INSERT OR REPLACE INTO snapshot_collectors (started, name, status, items, skipped, duration_ms, notes)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(started), .text(report.name), .text(report.status), .integer(report.items),
        .integer(report.skipped), .integer(report.durationMilliseconds),
        .text(JSONValue.array(report.notes.map { .string($0) }).serialized()),
      ])
  }

  private var workerCount: Int {
    config.dicom.workers > 0 ? config.dicom.workers : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  private func walkRoots(_ scan: inout Scan) throws {
    var walker = DirectoryWalker()
    for root in config.dicom.roots {
      guard FileSystem.exists(root) else {
        logger.error("DICOM root '\(root)' does not exist; check 'roots' under [dicom] in the configuration")
        scan.missingRoots.append(root)
        // Counted as a problem, so a bundle shows a broken configuration
        // rather than an idle store.
        scan.problems["missing_root", default: 0] += 1
        continue
      }
      try walker.walk(root) { path, status in
        if config.dicom.skipSuffixes.contains(where: { path.hasSuffix($0) }) { return }
        scan.filesSeen += 1
        if scan.index.isUnchanged(path, status) { return }
        scan.pending.append((path, status))
        if scan.pending.count >= batchSize {
          try scan.processPending(parse, workers: workerCount)
          progress.update("snapshot: files", completed: scan.filesSeen, total: nil)
        }
      } problem: { problem in
        scan.report(problem.kind, path: problem.path)
      }
    }
  }

  private func record(_ summary: SnapshotSummary, in database: Database) throws {
    try database.execute(
      """
      INSERT INTO snapshots
        (started, finished, files_seen, files_new, files_changed, problems, boot_time)
      VALUES (?, ?, ?, ?, ?, ?, (SELECT boot_time FROM host_samples WHERE time = ?))
      """,
      [
        .integer(summary.started), .integer(summary.finished), .integer(summary.filesSeen),
        .integer(summary.filesNew), .integer(summary.filesChanged), .integer(summary.problemCount),
        .integer(summary.started),
      ])
  }
}

/// Returns the current time in seconds since the Unix epoch.
public func currentUnixTime() -> Int64 {
  var time = timespec()
  clock_gettime(CLOCK_REALTIME, &time)
  return Int64(time.tv_sec)
}
