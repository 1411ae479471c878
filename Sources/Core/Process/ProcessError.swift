#if canImport(Glibc)
  import Glibc
#endif

/// An external program that could not be started or waited for.
public enum ProcessError: MedmonError, Equatable {
  /// The program does not exist (ENOENT from `posix_spawnp`).
  case notFound(program: String)
  case spawnFailed(program: String, code: Int32)
  case pipeFailed(program: String, code: Int32)
  case waitFailed(program: String, code: Int32)

  public var message: String {
    switch self {
    case .notFound(let program):
      return "cannot run '\(program)': program not found"
    case .spawnFailed(let program, let code):
      return "cannot run '\(program)': \(reason(code))"
    case .pipeFailed(let program, let code):
      return "cannot create a pipe for '\(program)': \(reason(code))"
    case .waitFailed(let program, let code):
      return "cannot wait for '\(program)': \(reason(code))"
    }
  }

  public var hint: String? {
    switch self {
    case .notFound:
      return "install it, or set its full path in the configuration."
    default:
      return nil
    }
  }

  private func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
