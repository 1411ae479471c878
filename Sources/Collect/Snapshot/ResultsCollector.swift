import Core

/// Reads the AI system's per-study results (JSON Lines) from their saved
/// positions and adds per-day counts, positive rates, score and value
/// sketches and the review samples to the state database. Study UIDs are
/// pseudonymised as each line is read.
public struct ResultsCollector: SnapshotCollector {
  public let name = "results"
  public let summary = "AI results per model version: counts, positive rates, score sketches, review sample"

  public init() {}

  public func collect(_ context: SnapshotContext) throws -> CollectorReport {
    let started = monotonicNow()
    let pseudonymizer = context.pseudonymizer
    let reader = ResultsReader(logger: context.logger) { pseudonymizer.study($0) }
    var statistics = ResultStatistics(siteID: context.config.siteID, reviewSize: context.config.results.reviewSample)
    let summary = reader.read(
      context.config.results.paths, cursors: try ResultStateStore.cursors(context.database)
    ) { statistics.add($0) }
    try ResultStateStore.saveCursors(summary.cursors, context.database)
    try ResultStateStore.merge(statistics, into: context.database)

    var notes = ["\(summary.filesRead) results files read"]
    for (kind, count) in summary.rejectedByKind.sorted(by: { $0.key < $1.key }) {
      notes.append("\(count) lines rejected: \(kind)")
    }
    if summary.rotatedFiles > 0 { notes.append("\(summary.rotatedFiles) rotated files finished") }
    return CollectorReport(
      name: name, summary: self.summary, items: summary.records, skipped: summary.rejectedLines,
      durationMilliseconds: monotonicNow() - started, notes: notes)
  }
}
