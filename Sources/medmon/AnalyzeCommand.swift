import Core
import Report

/// `medmon analyze BUNDLE...`: verifies, stores and reports on bundles.
enum AnalyzeCommand: Command {
  static let spec = CommandSpec(
    name: "analyze",
    summary: "Verify bundles, add them to the history and report incidents and drift.",
    discussion: """
      Each bundle is verified and decrypted, then stored in the history database, and \
      each site's newest period is compared with its previous periods or its pinned \
      baseline. Exits 1 when a finding reaches the --fail-on severity.
      """,
    options: [
      OptionSpec(
        "identity", short: "i", value: "KEY", repeatable: true,
        help: "Read the vendor age identity from KEY."),
      historyOption,
      OptionSpec(
        "format", short: "f", value: "FORMAT",
        help: "Write the report as text (default), markdown, html or json."),
      OptionSpec(
        "out", short: "o", value: "FILE", help: "Write the report to FILE instead of stdout."),
      OptionSpec(
        "fail-on", value: "SEVERITY", help: "Exit 1 when a finding is at least warning or incident."
      ),
    ],
    positionals: [PositionalSpec("BUNDLE", repeatable: true, help: "The bundle files to analyze.")])

  static let historyOption = OptionSpec(
    "history", value: "DB",
    help: "Use the history database DB (default $XDG_DATA_HOME/medmon/history.db).")

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    guard !arguments.positionals.isEmpty else {
      throw UsageError.missingArgument("BUNDLE", command: "analyze")
    }
    let format = try reportFormat(arguments)
    let failOn = try failSeverity(arguments)
    let run = AnalysisRun(
      identities: try identities(arguments, command: "analyze"), logger: context.logger)
    let history = try openHistory(arguments, context)
    let report = try run.analyze(paths: arguments.positionals, history: history)
    try write(format.render(report), arguments, context)
    return exitCode(report, failOn: failOn)
  }

  static func reportFormat(_ arguments: ParsedArguments) throws -> ReportFormat {
    let name = try arguments.choice("format", from: ReportFormat.allCases.map(\.rawValue)) ?? "text"
    return ReportFormat(rawValue: name)!
  }

  static func failSeverity(_ arguments: ParsedArguments) throws -> Severity? {
    guard let name = try arguments.choice("fail-on", from: ["warning", "incident"]) else {
      return nil
    }
    return name == "warning" ? .warning : .incident
  }

  static func identities(_ arguments: ParsedArguments, command: String) throws -> [X25519Identity] {
    let paths = arguments.values("identity")
    guard !paths.isEmpty else {
      throw UsageError.missingArgument("--identity KEY", command: command)
    }
    return try paths.flatMap { try BundleReader.loadIdentities(path: $0) }
  }

  static func openHistory(_ arguments: ParsedArguments, _ context: CommandContext) throws
    -> HistoryDatabase
  {
    guard
      let path = arguments.value("history")
        ?? HistoryDatabase.defaultPath(environment: context.environment)
    else {
      throw ReportError.noHistoryPath
    }
    return try HistoryDatabase(path: path)
  }

  static func write(_ text: String, _ arguments: ParsedArguments, _ context: CommandContext) throws
  {
    if let path = arguments.value("out") {
      try FileSystem.writeAtomically(Array(text.utf8), to: path)
    } else {
      context.standardOutput.write(text)
    }
  }

  static func exitCode(_ report: AnalysisReport, failOn: Severity?) -> ExitCode {
    guard let failOn, let highest = report.highestSeverity, highest >= failOn else {
      return .success
    }
    return .findings
  }
}
