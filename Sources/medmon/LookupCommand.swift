import Collect
import Core

/// `medmon lookup REF`: turns a study pseudonym from a report back into
/// the study, on the site only.
enum LookupCommand: Command {
  static let spec = CommandSpec(
    name: "lookup",
    summary: "Show the study behind a pseudonymous reference from a vendor report.",
    discussion: "Works only on the site, from the state database; the vendor cannot do this.",
    options: [SiteContext.configOption],
    positionals: [PositionalSpec("REF", repeatable: true, help: "Study reference, 16 base32 characters.")])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let site = try SiteContext.load(arguments, context)
    let queries = SiteQueries(database: try StateDatabase.open(site.config.statePath, mode: .readOnly))
    for reference in arguments.positionals {
      let study = try queries.lookup(reference)
      var lines = [
        "reference:        \(study.reference)",
        "StudyInstanceUID: \(study.studyUID)",
        "AccessionNumber:  \(study.accessionNumber)",
        "StudyDate:        \(study.studyDate)",
        "first seen:       \(study.firstDay)",
      ]
      if !study.outlierRules.isEmpty { lines.append("outlier rules:    " + study.outlierRules.joined(separator: ", ")) }
      lines.append("files (\(study.paths.count)):")
      lines += study.paths.map { "  " + $0 }
      context.standardOutput.write(lines.joined(separator: "\n") + "\n")
    }
    return .success
  }
}
