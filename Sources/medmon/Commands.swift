/// Every subcommand, in the order `medmon --help` lists them: site
/// commands first, then vendor commands, then tools.
let allCommands: [any Command.Type] = [
  HelpCommand.self,
  DumpCommand.self,
  AnalyzeCommand.self, DiffCommand.self, SitesCommand.self, BaselineCommand.self,
]
