import Collect
import Core

/// The configuration and secrets that every site command starts from.
struct SiteContext {
  let configPath: String
  let config: SiteConfig

  /// Loads the configuration named by `--config`, `MEDMON_CONFIG` or the
  /// default path, and logs a warning for each unknown key.
  static func load(_ arguments: ParsedArguments, _ context: CommandContext) throws -> SiteContext {
    let path = SiteConfig.resolvePath(option: arguments.value("config"), environment: context.environment)
    guard FileSystem.exists(path) else { throw SiteError.notInitialized(configPath: path) }
    let (config, warnings) = try SiteConfig.load(path: path)
    for warning in warnings { context.logger.warning(warning) }
    return SiteContext(configPath: path, config: config)
  }

  func pseudonymizer() throws -> KeyedPseudonymizer {
    KeyedPseudonymizer(key: try SiteSecrets.load(from: config.secretsPath).pseudonymKey)
  }

  static let configOption = OptionSpec(
    "config", short: "c", value: "FILE",
    help: "Configuration file (default $MEDMON_CONFIG, then /etc/medmon/medmon.toml).")
}
