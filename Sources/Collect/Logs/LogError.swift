import Core

#if canImport(Glibc)
  import Glibc
#endif

/// Errors from reading log files.
public enum LogError: MedmonError {
  case openFailed(path: String, code: Int32)
  case readFailed(path: String, code: Int32)
  case invalidGlob(pattern: String, detail: String)
  case noMatch(pattern: String)

  public var message: String {
    switch self {
    case .openFailed(let path, let code):
      return "cannot open log file '\(path)': \(String(cString: strerror(code)))"
    case .readFailed(let path, let code):
      return "cannot read log file '\(path)': \(String(cString: strerror(code)))"
    case .invalidGlob(let pattern, let detail):
      return "invalid log file pattern '\(pattern)': \(detail)"
    case .noMatch(let pattern):
      return "no log file matches '\(pattern)'"
    }
  }
}
