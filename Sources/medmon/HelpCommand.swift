import Core

/// `medmon help [COMMAND]`: prints the command list or one command's help.
enum HelpCommand: Command {
  static let spec = CommandSpec(
    name: "help",
    summary: "Show the list of commands or the help of one command.",
    positionals: [PositionalSpec("COMMAND", optional: true, help: "The command to describe.")])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    guard let name = arguments.positionals.first else {
      context.standardOutput.write(overviewText())
      return .success
    }
    guard let command = findCommand(name) else {
      throw UsageError.unknownCommand(name, suggestion: suggestCommand(for: name))
    }
    context.standardOutput.write(HelpFormatter.help(for: command.spec))
    return .success
  }

  static func overviewText() -> String {
    HelpFormatter.overview(commands: allCommands.map { $0.spec }, version: versionText)
  }
}

func findCommand(_ name: String) -> (any Command.Type)? {
  allCommands.first { $0.spec.name == name }
}

func suggestCommand(for name: String) -> String? {
  closestMatch(to: name, in: allCommands.map { $0.spec.name })
}
