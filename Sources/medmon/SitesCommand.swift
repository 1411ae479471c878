import Core
import Report

/// `medmon sites`: lists the sites in the history database.
enum SitesCommand: Command {
  static let spec = CommandSpec(
    name: "sites",
    summary: "List every site in the history with its last bundle and open findings.",
    options: [
      AnalyzeCommand.historyOption,
      OptionSpec("json", help: "Print the list as JSON."),
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let history = try AnalyzeCommand.openHistory(arguments, context)
    let overview = try SiteOverview.build(history: history)
    context.standardOutput.write(arguments.flag("json") ? overview.json() : overview.text())
    return .success
  }
}
