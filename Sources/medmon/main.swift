import CBuildInfo
import Core

#if canImport(Glibc)
  import Glibc
#endif

let medmonVersion = "0.1.0"
let versionText = "\(medmonVersion) (commit \(MEDMON_COMMIT))"

/// Parses the command line, runs one command and returns its exit code.
/// Every error ends here: usage errors exit 2, the rest 3.
func runMain(_ argv: [String]) -> ExitCode {
  let environment = currentEnvironment()
  let verbosity =
    argv.contains { $0 == "-v" || $0 == "--verbose" }
    ? LogLevel.debug
    : argv.contains { $0 == "-q" || $0 == "--quiet" } ? LogLevel.error : LogLevel.info
  let colour = OutputStream.standardError.isTerminal && environment["NO_COLOR"] == nil
  let logger = Logger(sink: StandardErrorSink(colour: colour), level: verbosity)
  let showProgress = OutputStream.standardError.isTerminal && verbosity != .error
  let context = CommandContext(
    logger: logger, progress: showProgress ? TerminalProgress() : SilentProgress(),
    environment: environment, standardOutput: .standardOutput)

  do {
    guard let name = argv.first, name != "--help", name != "-h" else {
      context.standardOutput.write(HelpCommand.overviewText())
      return argv.isEmpty ? .usage : .success
    }
    if name == "--version" {
      context.standardOutput.write("medmon \(versionText)\n")
      return .success
    }
    guard let command = findCommand(name) else {
      throw UsageError.unknownCommand(name, suggestion: suggestCommand(for: name))
    }
    let arguments = try ArgumentParser(spec: command.spec).parse(Array(argv.dropFirst()))
    if arguments.flag("help") {
      context.standardOutput.write(HelpFormatter.help(for: command.spec))
      return .success
    }
    return try command.run(arguments, context)
  } catch let error as UsageError {
    logger.error(error.description)
    if let hint = error.hint { StandardErrorSink(colour: colour).write(hint: hint) }
    return .usage
  } catch let error as any MedmonError {
    logger.error(error.message)
    if let hint = error.hint { StandardErrorSink(colour: colour).write(hint: hint) }
    return .failure
  } catch {
    logger.error("\(error)")
    return .failure
  }
}

func currentEnvironment() -> [String: String] {
  var result: [String: String] = [:]
  var pointer = environ
  while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equals = text.firstIndex(of: "=") {
      result[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    pointer += 1
  }
  return result
}

let code = runMain(Array(CommandLine.arguments.dropFirst()))
OutputStream.standardOutput.flush()
exit(code.rawValue)
