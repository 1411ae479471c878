#if canImport(Glibc)
  import Glibc
#endif
import Core

/// Runs `collect`: chooses the period, builds and checks the payload, and
/// writes the bundle, recording the export only after the written file
/// has been verified, so a failed write leaves the period pending.
public struct BundleExporter {
  public let config: SiteConfig
  public let logger: Logger
  public let medmonVersion: String
  public let now: Int64

  public init(config: SiteConfig, logger: Logger, medmonVersion: String, now: Int64) {
    self.config = config
    self.logger = logger
    self.medmonVersion = medmonVersion
    self.now = now
  }

  /// The period and sequence number of the next bundle.
  public struct Plan: Equatable {
    public var start: Day
    public var end: Day
    public var sequence: Int
  }

  /// Chooses the period: from `since` (or the last export's end day, which
  /// is sent again because it was partial, or the first day with data) to
  /// `until` (or today).
  public func plan(_ database: Database, since: Day?, until: Day?) throws -> Plan {
    let today = Day(unixSeconds: now)
    let lastExport = try database.query("SELECT sequence, end_day FROM exports ORDER BY sequence DESC LIMIT 1").first
    let sequence = (lastExport?[0].intValue ?? 0) + 1
    let end = until ?? today
    var start = since
    if start == nil, let lastEnd = lastExport?[1].intValue {
      start = Day(daysSinceEpoch: lastEnd)
    }
    if start == nil {
      let first = try database.scalar(
        """
        SELECT MIN(day) FROM (
          SELECT MIN(day) AS day FROM dicom_counts UNION ALL SELECT MIN(day) FROM scan_problems
          UNION ALL SELECT MIN(day) FROM log_levels)
        """
      )?.intValue
      start = first.map(Day.init(daysSinceEpoch:)) ?? end
    }
    guard let start, start <= end else {
      throw SiteError.invalidPeriod(start: (start ?? end).description, end: end.description)
    }
    return Plan(start: start, end: end, sequence: sequence)
  }

  /// Throws the first privacy violation, if any.
  public static func requireClean(_ violations: [PrivacyGate.Violation]) throws {
    if let first = violations.first {
      throw CollectError.privacyViolation(
        table: first.table, row: first.row, field: first.field, reason: first.reason, total: violations.count)
    }
  }

  /// Builds the plain content for `plan` and returns it with what the
  /// privacy gate found in it.
  public func content(_ database: Database, plan: Plan) throws -> (
    content: BundleWriter.Content, violations: [PrivacyGate.Violation]
  ) {
    let started = monotonicNow()
    let builder = PayloadBuilder(database: database, config: config, start: plan.start, end: plan.end)
    let tables = try builder.build()
    let violations = PrivacyGate().check(tables)
    let dicomRows = (tables[.dicomCounts]?.count ?? 0) + (tables[.dicomNumeric]?.count ?? 0)
    let collectors = [
      CollectorReport(
        name: "dicom", summary: "per-day counts and distributions of DICOM header attributes",
        items: dicomRows, durationMilliseconds: monotonicNow() - started,
        notes: [
          "outlier hits: \(tables[.outliers]?.count ?? 0)",
          "cross-tabulation cells after small-cell suppression: \(tables[.crosstab]?.count ?? 0)",
        ])
    ] + (try builder.collectorReports())
    let log = ["period \(plan.start) to \(plan.end), sequence \(plan.sequence)"]
    let content = BundleWriter.Content(
      start: plan.start, end: plan.end, sequence: plan.sequence, tables: tables, collectors: collectors, log: log)
    return (content, violations)
  }

  /// Writes the bundle into `folder` and records the export. Content that
  /// failed the privacy gate is rejected here, whatever the caller did.
  public func export(
    _ database: Database, content: BundleWriter.Content, violations: [PrivacyGate.Violation],
    signingKey: Ed25519, folder: String
  ) throws -> String {
    try Self.requireClean(violations)
    let writer = BundleWriter(config: config, signingKey: signingKey, medmonVersion: medmonVersion)
    let (path, manifest) = try writer.write(content, into: folder, now: now)
    try database.execute(
      "INSERT INTO exports (sequence, start_day, end_day, created, file, sha256) VALUES (?, ?, ?, ?, ?, ?)",
      [
        .integer(content.sequence), .integer(content.start.daysSinceEpoch), .integer(content.end.daysSinceEpoch),
        .integer(now), .text(FileSystem.fileName(of: path)), .text(manifest.payloadSHA256),
      ])
    return path
  }
}

/// Failures of `collect`, worded once here.
public enum CollectError: MedmonError, Equatable {
  case privacyViolation(table: String, row: Int, field: String, reason: String, total: Int)
  case targetMissing(String)

  public var message: String {
    switch self {
    case .privacyViolation(let table, let row, let field, let reason, let total):
      return "privacy check failed in table '\(table)', row \(row), field '\(field)': \(reason)"
        + (total > 1 ? " (\(total) violations in all); no bundle was written" : "; no bundle was written")
    case .targetMissing(let folder):
      return "output folder '\(folder)' does not exist or is not a folder"
    }
  }

  public var hint: String? {
    switch self {
    case .privacyViolation:
      return "run 'medmon collect --dry-run' to see the value, and report it to the vendor as a medmon bug."
    case .targetMissing:
      return "mount the USB drive, or pass an existing folder with --out."
    }
  }
}

func monotonicNow() -> Int64 {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
}
