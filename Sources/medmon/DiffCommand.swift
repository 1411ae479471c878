import Core
import Report

/// `medmon diff OLD NEW`: compares two bundles without the history.
enum DiffCommand: Command {
  static let spec = CommandSpec(
    name: "diff",
    summary: "Compare two bundles of a site without the history database.",
    discussion: "The older bundle is the baseline of the newer one; nothing is stored.",
    options: [
      OptionSpec(
        "identity", short: "i", value: "KEY", repeatable: true,
        help: "Read the vendor age identity from KEY."),
      OptionSpec(
        "format", short: "f", value: "FORMAT",
        help: "Write the report as text (default), markdown, html or json."),
      OptionSpec(
        "out", short: "o", value: "FILE", help: "Write the report to FILE instead of stdout."),
      OptionSpec(
        "fail-on", value: "SEVERITY", help: "Exit 1 when a finding is at least warning or incident."
      ),
    ],
    positionals: [
      PositionalSpec("OLD", help: "The earlier bundle, used as the baseline."),
      PositionalSpec("NEW", help: "The later bundle, reported on."),
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    guard arguments.positionals.count == 2 else {
      throw UsageError.missingArgument(
        arguments.positionals.isEmpty ? "OLD" : "NEW", command: "diff")
    }
    let format = try AnalyzeCommand.reportFormat(arguments)
    let failOn = try AnalyzeCommand.failSeverity(arguments)
    let run = AnalysisRun(
      identities: try AnalyzeCommand.identities(arguments, command: "diff"), logger: context.logger)
    let report = try run.diff(old: arguments.positionals[0], new: arguments.positionals[1])
    try AnalyzeCommand.write(format.render(report), arguments, context)
    return AnalyzeCommand.exitCode(report, failOn: failOn)
  }
}
