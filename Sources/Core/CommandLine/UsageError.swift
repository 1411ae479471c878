/// A mistake in how a command was called. Its description is the one
/// place where these cases become words; the exit code is always 2.
public enum UsageError: Error, Equatable, CustomStringConvertible {
  case unknownCommand(String, suggestion: String?)
  case unknownOption(String, command: String, suggestion: String?)
  case missingValue(option: String)
  case unexpectedValue(option: String)
  case invalidValue(option: String, value: String, expected: String)
  case repeatedOption(String)
  case missingArgument(String, command: String)
  case unexpectedArgument(String, command: String)
  case conflictingOptions(String, String)

  public var description: String {
    switch self {
    case .unknownCommand(let name, _):
      return "unknown command '\(name)'"
    case .unknownOption(let name, let command, _):
      return "unknown option '\(name)' for '\(command)'"
    case .missingValue(let option):
      return "option '--\(option)' requires a value"
    case .unexpectedValue(let option):
      return "option '--\(option)' is a flag and takes no value"
    case .invalidValue(let option, let value, let expected):
      return "invalid value '\(value)' for '--\(option)': expected \(expected)"
    case .repeatedOption(let option):
      return "option '--\(option)' was given more than once"
    case .missingArgument(let name, let command):
      return "missing argument \(name) for '\(command)'"
    case .unexpectedArgument(let value, let command):
      return "unexpected argument '\(value)' for '\(command)'"
    case .conflictingOptions(let first, let second):
      return "options '--\(first)' and '--\(second)' cannot be used together"
    }
  }

  /// A line that shows the user how to fix the mistake, when there is one.
  public var hint: String? {
    switch self {
    case .unknownCommand(_, let suggestion?):
      return "did you mean '\(suggestion)'? Run 'medmon --help' for the list of commands and help topics."
    case .unknownCommand:
      return "run 'medmon --help' for the list of commands and help topics."
    case .unknownOption(_, let command, let suggestion?):
      return "did you mean '\(suggestion)'? Run 'medmon help \(command)' for its options."
    case .unknownOption(_, let command, nil),
      .missingArgument(_, let command),
      .unexpectedArgument(_, let command):
      return "run 'medmon help \(command)' for its usage."
    default:
      return nil
    }
  }
}
