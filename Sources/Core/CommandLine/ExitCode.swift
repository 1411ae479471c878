/// The process exit codes every medmon command uses.
public enum ExitCode: Int32, Sendable {
  case success = 0
  /// An analysis found incidents at or above the requested severity.
  case findings = 1
  case usage = 2
  /// Bad input or a runtime failure.
  case failure = 3
}
