import Collect
import Core

/// `medmon init`: writes the site configuration and creates the secrets.
enum InitCommand: Command {
  static let spec = CommandSpec(
    name: "init",
    summary: "Set up this site: write the configuration and create the site keys.",
    discussion: """
      Options that are missing are asked for on a terminal. Running init again never \
      overwrites the secret keys; it keeps an existing configuration unless --force is given.
      """,
    options: [
      OptionSpec("site", value: "NAME", help: "Name of the site, as the vendor will see it."),
      OptionSpec("recipient", short: "r", value: "AGE1...", repeatable: true, help: "Vendor age recipient that can decrypt bundles."),
      OptionSpec("dicom", value: "DIR", repeatable: true, help: "Root folder of the DICOM store."),
      OptionSpec("logs", value: "GLOB", repeatable: true, help: "Log file or glob pattern of the AI system."),
      OptionSpec("results", value: "FILE", repeatable: true, help: "JSON Lines file of AI results."),
      OptionSpec("state", value: "FILE", help: "State database (default /var/lib/medmon/state.db)."),
      OptionSpec("secrets", value: "DIR", help: "Folder for the site keys (default /var/lib/medmon/secrets)."),
      OptionSpec("body-part", value: "NAME", repeatable: true, help: "Body part the model expects, such as CHEST."),
      OptionSpec("modality", value: "CODE", repeatable: true, help: "Modality the model expects, such as DX."),
      OptionSpec("config", short: "c", value: "FILE", help: "Configuration file to write (default /etc/medmon/medmon.toml)."),
      OptionSpec("force", help: "Rewrite an existing configuration (the keys are still kept)."),
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let configPath = SiteConfig.resolvePath(option: arguments.value("config"), environment: context.environment)
    let prompt = Prompt(enabled: Prompt.isInteractive)
    let siteName = try arguments.value("site") ?? prompt.ask("Site name", option: "site")
    var recipients = arguments.values("recipient")
    if recipients.isEmpty {
      recipients = [try prompt.ask("Vendor age recipient (age1...)", option: "recipient")]
    }
    let statePath = arguments.value("state") ?? SiteConfig.defaultStatePath
    let secretsPath =
      arguments.value("secrets")
      ?? (arguments.value("state") == nil
        ? SiteConfig.defaultSecretsPath
        : FileSystem.join(FileSystem.parentDirectory(of: statePath), "secrets"))

    var config = SiteConfig(
      siteName: siteName, siteID: try existingSiteID(configPath) ?? SiteInitializer.makeSiteID(),
      statePath: statePath, secretsPath: secretsPath, recipients: recipients)
    config.dicom.roots = arguments.values("dicom")
    if config.dicom.roots.isEmpty, prompt.enabled {
      config.dicom.roots = [try prompt.ask("DICOM store folder", option: "dicom")]
    }
    config.logs.paths = arguments.values("logs")
    config.results.paths = arguments.values("results")
    config.model.bodyParts = arguments.values("body-part")
    config.model.modalities = arguments.values("modality")

    let outcome = try SiteInitializer(configPath: configPath, logger: context.logger)
      .run(config, overwrite: arguments.flag("force"))
    report(outcome, configPath: configPath, context.logger)
    return .success
  }

  /// Keeps the site id of an existing configuration, so `--force` does
  /// not make the vendor see a new site.
  private static func existingSiteID(_ path: String) throws -> String? {
    guard FileSystem.exists(path) else { return nil }
    return try? SiteConfig.load(path: path).config.siteID
  }

  private static func report(_ outcome: SiteInitializer.Outcome, configPath: String, _ logger: Logger) {
    if outcome.configWritten {
      logger.info("wrote the configuration '\(configPath)'")
    } else {
      logger.warning("kept the existing configuration '\(configPath)'; pass --force to rewrite it")
    }
    for path in outcome.createdSecrets { logger.info("created the secret key '\(path)' (mode 0600)") }
    for path in outcome.keptSecrets { logger.info("kept the existing secret key '\(path)'; init never overwrites keys") }
  }
}
