import Core
import Dispatch

/// The working state of one snapshot's walk: the batch of files waiting
/// to be parsed and the counters so far.
struct Scan {
  let database: Database
  let aggregator: DICOMAggregator
  let index: FileIndex
  let previousStart: Int64?
  let today: Day
  var pending: [(String, FileSystem.Status)] = []
  var filesSeen = 0
  var filesNew = 0
  var filesChanged = 0
  var problems: [String: Int] = [:]
  var missingRoots: [String] = []
  let logger: Logger
  /// Problem paths named in the log per kind; the rest are only counted.
  static let namedProblemsPerKind = 10

  init(
    database: Database, aggregator: DICOMAggregator, index: FileIndex, previousStart: Int64?,
    today: Day, logger: Logger
  ) {
    self.database = database
    self.aggregator = aggregator
    self.index = index
    self.previousStart = previousStart
    self.today = today
    self.logger = logger
  }

  /// Counts a problem and names its path in a warning, for the first few
  /// of each kind.
  mutating func report(_ kind: String, path: String) {
    let count = (problems[kind] ?? 0) + 1
    problems[kind] = count
    if count <= Self.namedProblemsPerKind {
      logger.warning("skipped '\(path)': \(kind.replacingUnderscores)")
    } else if count == Self.namedProblemsPerKind + 1 {
      logger.warning("more files skipped as \(kind.replacingUnderscores); only the count is kept from here on")
    }
  }

  /// Parses the pending batch in parallel, then stores the results in
  /// walk order, so the outcome does not depend on thread timing.
  mutating func processPending(_ parse: @escaping SnapshotRunner.Parser, workers: Int) throws {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    var results = [ScannedFile?](repeating: nil, count: batch.count)
    results.withUnsafeMutableBufferPointer { buffer in
      let output = buffer
      DispatchQueue.concurrentPerform(iterations: min(workers, batch.count)) { worker in
        for position in stride(from: worker, to: batch.count, by: workers) {
          output[position] = parse(batch[position].0, batch[position].1)
        }
      }
    }
    for case let file? in results { try store(file) }
  }

  /// Returns the day a file reached the store: its mtime, unless the mtime
  /// is older than the previous snapshot (a copy that kept an old mtime).
  /// Then it is the day this snapshot first saw the file.
  func arrivalDay(of status: FileSystem.Status) -> Day {
    let modified = Day(unixSeconds: status.modified)
    if let previousStart, status.modified < previousStart { return today }
    return min(modified, today)
  }

  private mutating func store(_ file: ScannedFile) throws {
    // The index is keyed by a path hash, so the stored row decides whether
    // this path was known and already counted.
    let previousStatus =
      index.lookup(file.path) == nil
      ? nil : try database.scalar("SELECT status FROM files WHERE path = ?", [.text(file.path)])?.stringValue
    if previousStatus == nil { filesNew += 1 } else { filesChanged += 1 }
    let day = arrivalDay(of: file.status)
    if let problem = file.problem { report(problem, path: file.path) }
    let countable = file.attributes != nil && previousStatus != "ok"
    if countable { try aggregator.add(file, day: day) }
    let study = file.attributes.flatMap { $0.studyUID.isEmpty ? nil : aggregator.studyReference($0.studyUID) }
    try database.execute(
      "INSERT OR REPLACE INTO files (path, size, mtime, inode, day, study, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [
        .text(file.path), .integer(file.status.size), .integer(file.status.modified),
        .integer(Int64(bitPattern: file.status.inode)), .integer(day.daysSinceEpoch), .text(study),
        .text(file.attributes == nil ? (file.problem ?? "unreadable") : "ok"),
      ])
  }

  func fill(_ summary: inout SnapshotSummary) {
    summary.filesSeen = filesSeen
    summary.filesNew = filesNew
    summary.filesChanged = filesChanged
    summary.problems = problems
    summary.missingRoots = missingRoots
    summary.instancesCounted = aggregator.instancesAdded
  }

  func recordProblems() throws {
    for (kind, count) in problems {
      try database.execute(
        """
        INSERT INTO scan_problems (day, kind, count) VALUES (?, ?, ?)
        ON CONFLICT (day, kind) DO UPDATE SET count = count + excluded.count
        """,
        [.integer(today.daysSinceEpoch), .text(kind), .integer(count)])
    }
  }
}

extension String {
  /// The problem kind as words, `not_dicom` as `not dicom`.
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
