import Collect
import Core

/// `medmon collect`: writes the next bundle, or prints what it would hold.
enum CollectCommand: Command {
  static let spec = CommandSpec(
    name: "collect",
    summary: "Pack the statistics since the last export into an encrypted, signed bundle.",
    discussion: """
      The bundle is written under a temporary name, flushed, renamed, read back and \
      verified; only then is the period marked as exported. --dry-run prints, in clear \
      text, exactly what the bundle would carry, and writes nothing.
      """,
    options: [
      OptionSpec("out", short: "o", value: "DIR", help: "Folder to write the bundle into, such as /media/usb."),
      OptionSpec("since", value: "YYYY-MM-DD", help: "First day of the period (default: the last export's end day)."),
      OptionSpec("until", value: "YYYY-MM-DD", help: "Last day of the period (default: today, UTC)."),
      OptionSpec("dry-run", short: "n", help: "Print the plain content to stdout and write nothing."),
      SiteContext.configOption,
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let dryRun = arguments.flag("dry-run")
    let folder = arguments.value("out")
    if folder == nil && !dryRun { throw UsageError.missingValue(option: "out") }
    if let folder, !dryRun, (try? FileSystem.status(folder, followLinks: true).isDirectory) != true {
      throw CollectError.targetMissing(folder)
    }
    let site = try SiteContext.load(arguments, context)
    let database = try StateDatabase.open(site.config.statePath)
    let exporter = BundleExporter(
      config: site.config, logger: context.logger, medmonVersion: medmonVersion, now: currentUnixTime())
    let plan = try exporter.plan(database, since: try arguments.day("since"), until: try arguments.day("until"))
    let (content, violations) = try exporter.content(database, plan: plan)

    if dryRun {
      let writer = BundleWriter(
        config: site.config, signingKey: try SiteSecrets.load(from: site.config.secretsPath).signingKey,
        medmonVersion: medmonVersion)
      for file in writer.innerFiles(content) {
        context.standardOutput.write("==> \(file.name) <==\n")
        context.standardOutput.write(String(decoding: file.bytes, as: UTF8.self))
      }
      for violation in violations {
        context.logger.error(
          "privacy check: table '\(violation.table)', row \(violation.row), field '\(violation.field)': \(violation.reason)")
      }
      try BundleExporter.requireClean(violations)
      return .success
    }
    let secrets = try SiteSecrets.load(from: site.config.secretsPath)
    let path = try exporter.export(
      database, content: content, violations: violations, signingKey: secrets.signingKey, folder: folder!)
    context.logger.info("wrote \(path) (period \(plan.start) to \(plan.end), sequence \(plan.sequence))")
    context.standardOutput.write(path + "\n")
    return .success
  }
}
