import Core

/// `medmon help [COMMAND]`: prints the command list or one command's help.
enum HelpCommand: Command {
  static let spec = CommandSpec(
    name: "help",
    summary: "Show the list of commands or the help of one command.",
    discussion: "Topics: " + helpTopics.map(\.name).joined(separator: ", ") + ".",
    positionals: [PositionalSpec("COMMAND", optional: true, help: "The command or topic to describe.")])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    guard let name = arguments.positionals.first else {
      context.standardOutput.write(overviewText())
      return .success
    }
    if let topic = helpTopics.first(where: { $0.name == name }) {
      context.standardOutput.write(topic.text + "\n")
      return .success
    }
    guard let command = findCommand(name) else {
      let candidates = allCommands.map { $0.spec.name } + helpTopics.map(\.name)
      throw UsageError.unknownCommand(name, suggestion: closestMatch(to: name, in: candidates))
    }
    context.standardOutput.write(HelpFormatter.help(for: command.spec))
    return .success
  }

  static func overviewText() -> String {
    HelpFormatter.overview(commands: allCommands.map { $0.spec }, version: medmonVersion)
  }
}

func findCommand(_ name: String) -> (any Command.Type)? {
  allCommands.first { $0.spec.name == name }
}

func suggestCommand(for name: String) -> String? {
  closestMatch(to: name, in: allCommands.map { $0.spec.name })
}
