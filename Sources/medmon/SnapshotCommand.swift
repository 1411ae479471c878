import Collect
import Core

/// `medmon snapshot`: adds what changed since the last run to the state
/// database. Meant for cron.
enum SnapshotCommand: Command {
  static let spec = CommandSpec(
    name: "snapshot",
    summary: "Record what changed in the DICOM store, logs, results and host since the last run.",
    discussion: """
      Safe to run from cron: an overlapping run exits at once with status 0, and a run that \
      is killed leaves the state database as it was. With -q it prints nothing unless it fails.
      """,
    options: [SiteContext.configOption])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let site = try SiteContext.load(arguments, context)
    let scanner = DICOMFileScanner()
    let runner = SnapshotRunner(
      config: site.config, pseudonymizer: try site.pseudonymizer(), logger: context.logger,
      progress: context.progress, parse: { scanner.scan($0, $1) })
    let summary = try runner.run()
    guard !summary.skippedBecauseLocked else { return .success }

    let seconds = Double(summary.finished - summary.started)
    context.logger.info(
      "snapshot done in \(Int(seconds)) s: \(summary.filesSeen) files seen, \(summary.filesNew) new, "
        + "\(summary.filesChanged) changed, \(summary.instancesCounted) instances counted, "
        + "\(summary.problemCount) problems")
    for (kind, count) in summary.problems.sorted(by: { $0.key < $1.key }) {
      context.logger.info("  \(kind): \(count)")
    }
    // The counts are saved, but a missing root usually means a mistyped
    // path, so cron should mail the admin.
    return summary.missingRoots.isEmpty ? .success : .failure
  }
}
