import Core

/// A failure while reading AI results files.
public enum ResultsError: MedmonError, Equatable {
  /// One rejected line: the file, its 1-based line number and the byte
  /// offset where the line starts.
  case rejectedLine(path: String, line: Int, offset: Int64, problem: ResultLineProblem)
  case unreadable(path: String, reason: String)

  public var message: String {
    switch self {
    case .rejectedLine(let path, let line, let offset, let problem):
      return "\(path):\(line): skipped result at byte \(offset): \(problem.reason)"
    case .unreadable(let path, let reason):
      return "cannot read results file '\(path)': \(reason)"
    }
  }

  public var hint: String? {
    switch self {
    case .rejectedLine:
      return "docs/results-format.md describes the expected line."
    case .unreadable:
      return "check [results] paths in the configuration and the file's permissions."
    }
  }
}
