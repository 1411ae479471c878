/// Every subcommand, in the order `medmon --help` lists them: site
/// commands first, then vendor commands, then tools.
let allCommands: [any Command.Type] = [
  InitCommand.self,
  SnapshotCommand.self,
  CollectCommand.self,
  StatusCommand.self,
  LookupCommand.self,
  ScheduleCommand.self,
  KeygenCommand.self,
  AnalyzeCommand.self,
  DiffCommand.self,
  SitesCommand.self,
  BaselineCommand.self,
  VerifyCommand.self,
  InspectCommand.self,
  DumpCommand.self,
  LogsCommand.self,
  HelpCommand.self,
]
