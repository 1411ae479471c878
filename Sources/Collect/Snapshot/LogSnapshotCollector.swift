#if canImport(Glibc)
  import Glibc
#endif
import Core

/// Reads the AI system's log files from their saved positions and merges
/// per-day counts by level, masked warning and error templates with one
/// sample each, latency sketches and events per hour into the state
/// database. No raw line is stored.
public struct LogSnapshotCollector: SnapshotCollector {
  public let name = "logs"
  public let summary = "log events by level, error templates, latency and events per hour"

  public init() {}

  public func collect(_ context: SnapshotContext) throws -> CollectorReport {
    let started = monotonicNow()
    let paths = try Self.expand(context.config.logs.paths)
    let latency = LatencyExtractor(pattern: context.config.logs.latencyPattern) ?? LatencyExtractor()!
    var collector = LogCollector(
      format: LogFormat(rawValue: context.config.logs.format) ?? .auto, latency: latency,
      logger: context.logger)

    var notes = ["\(paths.count) log files matched"]
    var unmatched = 0
    for pattern in context.config.logs.paths where try Self.expand([pattern]).isEmpty {
      context.logger.warning("log path '\(pattern)' matches no file; check 'paths' under [logs]")
      unmatched += 1
    }
    if unmatched > 0 { notes.append("\(unmatched) configured log paths matched no file") }
    var skipped = 0
    for path in paths {
      do {
        let previous = try LogStateStore.load(path, from: context.database)
        let state = try collector.collect(path: path, state: previous, fallbackDay: context.today)
        try LogStateStore.save(state, to: context.database)
      } catch {
        skipped += 1
        notes.append("skipped a log file: \(Self.describe(error))")
        context.logger.warning("cannot read log file '\(path)': \(Self.describe(error))")
      }
    }

    let events = try LogStateStore.merge(collector, into: context.database)
    return CollectorReport(
      name: name, summary: summary, status: unmatched + skipped > 0 ? "partial" : "ok",
      items: events, skipped: skipped,
      durationMilliseconds: monotonicNow() - started, notes: notes)
  }

  /// Expands glob patterns with the C library's `glob`, sorted, without
  /// duplicates or rotated copies; a pattern that matches nothing adds
  /// nothing.
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
