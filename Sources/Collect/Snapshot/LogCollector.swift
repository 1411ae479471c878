#if canImport(Glibc)
  import Glibc
#endif
import Core

/// Reads the AI system's log files incrementally and adds per-day counts
/// by level, per-template counts of warnings and errors with one masked
/// sample each, and latency and throughput. No raw line is stored.
public struct LogCollector: SnapshotCollector {
  public let name = "logs"
  public let summary = "log events by level, error templates, latency and throughput"

  public init() {}

  public func collect(_ context: SnapshotContext) throws -> CollectorReport {
    let started = monotonicNow()
    let paths = try LogCollector.expand(context.config.logs.paths)
    var aggregate = LogAggregate(
      latency: LatencyExtractor(pattern: context.config.logs.latencyPattern) ?? LatencyExtractor()!)
    var notes: [String] = []
    var skipped = 0
    for path in paths {
      do {
        try read(path, context, into: &aggregate)
      } catch {
        skipped += 1
        notes.append("skipped a log file: \(LogCollector.describe(error))")
        context.logger.warning("cannot read log file '\(path)': \(error)")
      }
    }
    try aggregate.store(in: context.database, today: context.today)
    return CollectorReport(
      name: name, summary: summary, items: aggregate.events, skipped: skipped,
      durationMilliseconds: monotonicNow() - started,
      notes: notes + ["\(paths.count) log files matched"])
  }

  private func read(_ path: String, _ context: SnapshotContext, into aggregate: inout LogAggregate) throws {
    let database = context.database
    let stored = try database.query(
      """
      SELECT device, inode, offset, size, line_count, head_hash, head_length, format
      FROM log_files WHERE path = ?
      """, [.text(path)]
    ).first
    let previous = stored.map { row in
      LogFileState(
        path: path, device: UInt64(bitPattern: row[0].int64Value ?? 0), inode: UInt64(bitPattern: row[1].int64Value ?? 0),
        offset: row[2].int64Value ?? 0, size: row[3].int64Value ?? 0, lineCount: row[4].intValue ?? 0,
        headHash: UInt64(bitPattern: row[5].int64Value ?? 0), headLength: row[6].intValue ?? 0)
    }
    let configured = LogFormat(rawValue: context.config.logs.format) ?? .auto
    var feeder = LineFeeder(format: configured != .auto ? configured : (stored?[7].stringValue).flatMap(LogFormat.init) ?? .auto)
    let today = context.today
    let state = try LogFileReader(logger: context.logger).readNew(path: path, state: previous) { line in
      feeder.add(line.bytes, number: line.number) { aggregate.add($0, today: today) }
    } fileEnded: {
      feeder.flush { aggregate.add($0, today: today) }
    }
    feeder.flush { aggregate.add($0, today: today) }
    try database.execute(
      """
      INSERT OR REPLACE INTO log_files
        (path, device, inode, offset, size, line_count, head_hash, head_length, format)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(path), .integer(Int64(bitPattern: state.device)), .integer(Int64(bitPattern: state.inode)),
        .integer(state.offset), .integer(state.size), .integer(state.lineCount),
        .integer(Int64(bitPattern: state.headHash)), .integer(state.headLength), .text(feeder.format.rawValue),
      ])
  }

  /// Expands glob patterns with the C library's `glob`, sorted, without
  /// duplicates; a pattern that matches nothing adds nothing.
  static func expand(_ patterns: [String]) throws -> [String] {
    var paths: [String] = []
    for pattern in patterns {
      var result = glob_t()
      defer { globfree(&result) }
      guard glob(pattern, 0, nil, &result) == 0 else { continue }
      for index in 0..<Int(result.gl_pathc) {
        if let entry = result.gl_pathv[index] { paths.append(String(cString: entry)) }
      }
    }
    var seen: Set<String> = []
    return paths.filter { seen.insert($0).inserted && !isRotatedCopy($0) }
  }

  /// Rotated copies (`app.log.1`, `app.log.2.gz`) are read through the
  /// live file they came from, so matching them directly would count
  /// their lines twice.
  static func isRotatedCopy(_ path: String) -> Bool {
    var name = Substring(FileSystem.fileName(of: path))
    if name.hasSuffix(".gz") { return true }
    guard let dot = name.lastIndex(of: ".") else { return false }
    name = name[name.index(after: dot)...]
    return !name.isEmpty && name.allSatisfy(\.isNumber)
  }

  static func describe(_ error: Error) -> String {
    (error as? any MedmonError)?.message ?? "\(error)"
  }
}

/// Turns lines into events, detecting the format from the first lines
/// when it is not known yet.
struct LineFeeder {
  private(set) var format: LogFormat
  private var assembler: LogEventAssembler?
  private var sample: [([UInt8], Int)] = []

  init(format: LogFormat) {
    self.format = format
    if format != .auto { assembler = LogEventAssembler(format: format) }
  }

  mutating func add(_ raw: [UInt8], number: Int, emit: (LogEvent) -> Void) {
    let line = TextDecoding.utf8(raw)
    if assembler == nil {
      sample.append((line, number))
      if sample.count >= LogFileScanner.detectionLines { startAssembler(emit) }
      return
    }
    assembler!.add(line, number: number, emit: emit)
  }

  mutating func flush(emit: (LogEvent) -> Void) {
    if assembler == nil {
      guard !sample.isEmpty else { return }
      startAssembler(emit)
    }
    assembler!.flush(emit: emit)
  }

  private mutating func startAssembler(_ emit: (LogEvent) -> Void) {
    format = LogFormat.detect(sample.map { $0.0 })
    var started = LogEventAssembler(format: format)
    for (line, number) in sample { started.add(line, number: number, emit: emit) }
    sample = []
    assembler = started
  }
}
