import Core

/// One subcommand: its declaration and the function that runs it.
/// Each conforming type lives in its own file and only wires options to
/// Collect, Report or Core.
protocol Command {
  static var spec: CommandSpec { get }
  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode
}

/// What every command receives besides its arguments.
struct CommandContext {
  let logger: Logger
  let progress: any ProgressSink
  let environment: [String: String]
  let standardOutput: OutputStream
}
