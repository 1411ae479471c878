import Core

/// Read-only queries of the state database for `lookup` and `status`.
/// Both run on the site only.
public struct SiteQueries {
  public let database: Database

  public init(database: Database) {
    self.database = database
  }

  /// A study found by its reference.
  public struct Study: Equatable {
    public var reference: String
    public var studyUID: String
    public var accessionNumber: String
    public var studyDate: String
    public var firstDay: Day
    public var paths: [String]
    public var outlierRules: [String]
  }

  /// Resolves a study pseudonym (16 base32 characters, any case) to the
  /// study it stands for.
  public func lookup(_ reference: String) throws -> Study {
    let normalized = reference.lowercased()
    guard normalized.count == 16, Base32.decode(normalized) != nil else {
      throw SiteError.invalidReference(reference)
    }
    guard
      let row = try database.query(
        "SELECT study_uid, accession, study_date, first_day FROM studies WHERE ref = ?", [.text(normalized)]
      ).first
    else { throw SiteError.unknownReference(reference) }
    let paths = try database.query("SELECT path FROM files WHERE study = ? ORDER BY path", [.text(normalized)])
      .compactMap { $0[0].stringValue }
    let rules = try database.query("SELECT DISTINCT rule FROM outliers WHERE study = ? ORDER BY rule", [.text(normalized)])
      .compactMap { $0[0].stringValue }
    return Study(
      reference: normalized, studyUID: row[0].stringValue ?? "", accessionNumber: row[1].stringValue ?? "",
      studyDate: row[2].stringValue ?? "", firstDay: Day(daysSinceEpoch: row[3].intValue ?? 0), paths: paths,
      outlierRules: rules)
  }

  /// The state of the site's collection, for `status`.
  public struct Status: Equatable {
    public var lastSnapshot: SnapshotSummary?
    public var snapshotCount: Int
    public var filesKnown: Int
    public var filesByStatus: [String: Int]
    public var lastExport: (sequence: Int, end: Day, file: String)?
    public var pendingDays: Int
    /// The reports of the collectors in the last snapshot: name, status,
    /// items and notes.
    public var collectors: [CollectorReport] = []

    public static func == (lhs: Status, rhs: Status) -> Bool {
      lhs.lastSnapshot == rhs.lastSnapshot && lhs.snapshotCount == rhs.snapshotCount
        && lhs.filesKnown == rhs.filesKnown && lhs.filesByStatus == rhs.filesByStatus
        && lhs.pendingDays == rhs.pendingDays && lhs.lastExport?.sequence == rhs.lastExport?.sequence
    }
  }

  public func status(today: Day) throws -> Status {
    let last = try database.query(
      """
      SELECT started, finished, files_seen, files_new, files_changed, problems
      FROM snapshots ORDER BY id DESC LIMIT 1
      """
    ).first.map { row -> SnapshotSummary in
      var summary = SnapshotSummary()
      summary.started = row[0].int64Value ?? 0
      summary.finished = row[1].int64Value ?? 0
      summary.filesSeen = row[2].intValue ?? 0
      summary.filesNew = row[3].intValue ?? 0
      summary.filesChanged = row[4].intValue ?? 0
      summary.problems = ["all": row[5].intValue ?? 0]
      return summary
    }
    var byStatus: [String: Int] = [:]
    for row in try database.query("SELECT status, COUNT(*) FROM files GROUP BY status") {
      byStatus[row[0].stringValue ?? ""] = row[1].intValue ?? 0
    }
    let export = try database.query("SELECT sequence, end_day, file FROM exports ORDER BY sequence DESC LIMIT 1")
      .first.map { ($0[0].intValue ?? 0, Day(daysSinceEpoch: $0[1].intValue ?? 0), $0[2].stringValue ?? "") }
    let firstDataDay = try database.scalar("SELECT MIN(day) FROM dicom_counts")?.intValue
    let pendingFrom = export.map { $0.1.daysSinceEpoch } ?? firstDataDay ?? today.daysSinceEpoch
    let collectors = try database.query(
      """
      SELECT name, status, items, skipped, duration_ms, notes FROM snapshot_collectors
      WHERE started = (SELECT MAX(started) FROM snapshots) ORDER BY name
      """
    ).map { row in
      let notes = (try? JSONParser().parse(row[5].stringValue ?? "[]"))?.arrayValue?.compactMap(\.stringValue) ?? []
      return CollectorReport(
        name: row[0].stringValue ?? "", summary: "", status: row[1].stringValue ?? "",
        items: row[2].intValue ?? 0, skipped: row[3].intValue ?? 0,
        durationMilliseconds: row[4].int64Value ?? 0, notes: notes)
    }
    return Status(
      lastSnapshot: last, snapshotCount: try database.scalar("SELECT COUNT(*) FROM snapshots")?.intValue ?? 0,
      filesKnown: byStatus.values.reduce(0, +), filesByStatus: byStatus, lastExport: export,
      pendingDays: max(0, today.daysSinceEpoch - pendingFrom + 1), collectors: collectors)
  }
}
