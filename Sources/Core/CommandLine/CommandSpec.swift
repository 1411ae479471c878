/// A declaration of one subcommand: its name, summary, options and
/// positional arguments. The parser and the help text both read from it.
public struct CommandSpec: Sendable {
  public var name: String
  /// One imperative sentence, shown in the command list.
  public var summary: String
  /// Longer text shown under the usage line of `--help`.
  public var discussion: String
  public var options: [OptionSpec]
  public var positionals: [PositionalSpec]

  public init(
    name: String, summary: String, discussion: String = "",
    options: [OptionSpec] = [], positionals: [PositionalSpec] = []
  ) {
    self.name = name
    self.summary = summary
    self.discussion = discussion
    self.options = options
    self.positionals = positionals
  }

  /// Options every command accepts.
  public static let commonOptions: [OptionSpec] = [
    OptionSpec("quiet", short: "q", help: "Print errors only."),
    OptionSpec("verbose", short: "v", help: "Print debug messages too."),
    OptionSpec("help", short: "h", help: "Show this help and exit."),
  ]

  /// The command's own options followed by the common ones.
  public var allOptions: [OptionSpec] { options + Self.commonOptions }
}

/// A `--name` option, either a flag or one that takes a value.
public struct OptionSpec: Sendable {
  public var name: String
  public var short: Character?
  /// The placeholder shown in help, such as `FILE`; nil for a flag.
  public var valueName: String?
  public var help: String
  public var repeatable: Bool

  public init(
    _ name: String, short: Character? = nil, value valueName: String? = nil,
    repeatable: Bool = false, help: String
  ) {
    self.name = name
    self.short = short
    self.valueName = valueName
    self.help = help
    self.repeatable = repeatable
  }

  public var takesValue: Bool { valueName != nil }
}

/// A positional argument in a command's usage line.
public struct PositionalSpec: Sendable {
  public var name: String
  public var help: String
  public var optional: Bool
  public var repeatable: Bool

  public init(_ name: String, optional: Bool = false, repeatable: Bool = false, help: String) {
    self.name = name
    self.help = help
    self.optional = optional
    self.repeatable = repeatable
  }
}
