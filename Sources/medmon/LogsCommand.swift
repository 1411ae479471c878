import Collect
import Core

/// `medmon logs FILE...`: groups log events into templates outside any
/// snapshot, to check what the masks keep.
enum LogsCommand: Command {
  static let spec = CommandSpec(
    name: "logs",
    summary: "Group the events of log files into masked templates.",
    discussion: """
      Prints each template with its event count and fingerprint, most \
      frequent first. With --assign, prints one JSON line per event instead: \
      {"line": N, "fingerprint": "...", "template": "..."}, where line is the \
      event's first line number in its file.
      """,
    options: [
      OptionSpec("assign", help: "Print the template of every event as JSON Lines."),
      OptionSpec(
        "format", value: "FORMAT",
        help: "The log format: auto, json, python, syslog or plain (default: auto)."),
    ],
    positionals: [
      PositionalSpec(
        "FILE", repeatable: true,
        help: "Log files, plain or .gz. A quoted pattern such as '/var/log/app/*.log' is expanded.")
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let formatName = try arguments.choice("format", from: LogFormat.allCases.map(\.rawValue))
    let scanner = LogFileScanner(format: formatName.flatMap(LogFormat.init) ?? .auto)
    let assign = arguments.flag("assign")
    var miner = LogTemplateMiner()
    var assignments: [(line: Int, template: Int)] = []
    for path in try expandPatterns(arguments.positionals) {
      let format = try scanner.scan(path: path) { event in
        let index = miner.add(event)
        if assign { assignments.append((event.line, index)) }
      }
      context.logger.debug("read '\(path)' as \(format.rawValue)")
    }
    let refined = miner.refinedTemplates()
    if assign {
      writeAssignments(assignments, refined, context.standardOutput)
    } else {
      writeSummary(miner.counts, refined, context.standardOutput)
    }
    return .success
  }

  /// Expands arguments with wildcards, quoted so the shell left them, the
  /// way a configured log source pattern is expanded.
  private static func expandPatterns(_ arguments: [String]) throws -> [String] {
    try arguments.flatMap { argument -> [String] in
      guard GlobMatcher.hasWildcard(argument) else { return [argument] }
      let paths = try GlobMatcher.expand(argument)
      guard !paths.isEmpty else { throw LogError.noMatch(pattern: argument) }
      return paths
    }
  }

  private static func writeAssignments(
    _ assignments: [(line: Int, template: Int)], _ refined: [String], _ output: OutputStream
  ) {
    let fingerprints = refined.map { Fingerprint(of: $0).description }
    let escaped = refined.map { JSONValue.string($0).serialized() }
    var text = ""
    for (line, index) in assignments {
      text += "{\"line\": \(line), \"fingerprint\": \"\(fingerprints[index])\", "
      text += "\"template\": \(escaped[index])}\n"
      if text.utf8.count > 1 << 16 {
        output.write(text)
        text = ""
      }
    }
    output.write(text)
  }

  private static func writeSummary(_ counts: [Int], _ refined: [String], _ output: OutputStream) {
    var totals: [String: Int] = [:]
    for (index, template) in refined.enumerated() { totals[template, default: 0] += counts[index] }
    let rows = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    for (template, count) in rows {
      output.write("\(count)\t\(Fingerprint(of: template))\t\(template)\n")
    }
  }
}
