import Core
import Report

/// `medmon baseline set|show|clear SITE`: pins the days a site is
/// compared with.
enum BaselineCommand: Command {
  static let spec = CommandSpec(
    name: "baseline",
    summary: "Pin, show or clear the baseline period a site is compared with.",
    discussion: """
      `baseline set SITE --period START..END` pins the days; `show` prints them; `clear` \
      goes back to the previous periods. SITE is a site name, id or unique id prefix.
      """,
    options: [
      AnalyzeCommand.historyOption,
      OptionSpec(
        "period", value: "START..END", help: "The first and last day, as YYYY-MM-DD..YYYY-MM-DD."),
    ],
    positionals: [
      PositionalSpec("ACTION", help: "One of set, show or clear."),
      PositionalSpec("SITE", help: "The site name, id or id prefix."),
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    guard arguments.positionals.count == 2 else {
      throw UsageError.missingArgument(
        arguments.positionals.isEmpty ? "ACTION" : "SITE", command: "baseline")
    }
    let action = arguments.positionals[0]
    guard ["set", "show", "clear"].contains(action) else {
      throw UsageError.invalidValue(
        option: "ACTION", value: action, expected: "one of set, show, clear")
    }
    let history = try AnalyzeCommand.openHistory(arguments, context)
    let name = arguments.positionals[1]
    guard let site = try history.site(matching: name) else { throw ReportError.unknownSite(name) }
    switch action {
    case "set":
      let period = try parsePeriod(arguments)
      try history.setBaseline(siteID: site.siteID, period: period)
      context.standardOutput.write(
        "\(site.name): baseline pinned to \(period.lowerBound)..\(period.upperBound)\n")
    case "show":
      let text = try history.baseline(siteID: site.siteID).map {
        "\($0.lowerBound)..\($0.upperBound)"
      }
      context.standardOutput.write("\(site.name): \(text ?? "previous periods (none pinned)")\n")
    default:
      let removed = try history.clearBaseline(siteID: site.siteID)
      context.standardOutput.write(
        "\(site.name): \(removed ? "baseline cleared" : "no baseline was pinned")\n")
    }
    return .success
  }

  static func parsePeriod(_ arguments: ParsedArguments) throws -> ClosedRange<Day> {
    guard let text = arguments.value("period") else {
      throw UsageError.missingArgument("--period START..END", command: "baseline set")
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: true)
    guard text.contains(".."), parts.count == 2, let start = Day(parts[0]), let end = Day(parts[1]),
      start <= end
    else {
      throw UsageError.invalidValue(
        option: "period", value: text, expected: "START..END as YYYY-MM-DD with START <= END")
    }
    return start...end
  }
}
