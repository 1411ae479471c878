/// Every subcommand, in the order `medmon --help` lists them: site
/// commands first, then vendor commands, then tools.
let allCommands: [any Command.Type] = [
  KeygenCommand.self,
  HelpCommand.self,
]
