import Collect
import Core

/// `medmon status`: the last snapshot, what it found, and what is pending.
enum StatusCommand: Command {
  static let spec = CommandSpec(
    name: "status",
    summary: "Show the last snapshot, what it found and skipped, and what is not exported yet.",
    options: [SiteContext.configOption])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let site = try SiteContext.load(arguments, context)
    let queries = SiteQueries(database: try StateDatabase.open(site.config.statePath, mode: .readOnly))
    let status = try queries.status(today: Day(unixSeconds: currentUnixTime()))

    var lines = ["site:            \(site.config.siteName) (\(site.config.siteID))"]
    if let last = status.lastSnapshot {
      lines.append(
        "last snapshot:   \(RFC3339.format(last.started)), \(last.finished - last.started) s, "
          + "\(last.filesSeen) files seen, \(last.filesNew) new, \(last.filesChanged) changed, "
          + "\(last.problemCount) problems")
    } else {
      lines.append("last snapshot:   none yet; run 'medmon snapshot'")
    }
    lines.append("snapshots:       \(status.snapshotCount)")

    for collector in status.collectors {
      let notes = collector.notes.isEmpty ? "" : "; " + collector.notes.joined(separator: "; ")
      lines.append(
        "  \(collector.name):" + String(repeating: " ", count: max(1, 13 - collector.name.count))
          + "\(collector.status), \(collector.items) items, \(collector.skipped) skipped\(notes)")
    }

    let kinds = status.filesByStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    lines.append("files known:     \(status.filesKnown) (\(kinds.joined(separator: ", ")))")
    if let export = status.lastExport {
      lines.append("last export:     sequence \(export.sequence), up to \(export.end), \(export.file)")
    } else {
      lines.append("last export:     none yet; run 'medmon collect --out DIR'")
    }

    let days = status.pendingDays == 1 ? "1 day" : "\(status.pendingDays) days"
    let note = status.lastExport == nil ? "" : " (the last export's final day is sent again, complete)"
    lines.append("pending:         \(days) for the next collect\(note)")
    context.standardOutput.write(lines.joined(separator: "\n") + "\n")
    return .success
  }
}
