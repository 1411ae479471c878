#if canImport(Glibc)
  import Glibc
#endif

/// A failed file-system call, with the path and the C library's reason.
public struct FileSystemError: MedmonError, Equatable {
  public var operation: String
  public var path: String
  public var code: Int32

  public init(_ operation: String, path: String, code: Int32 = errno) {
    self.operation = operation
    self.path = path
    self.code = code
  }

  /// The C library's text for the error code, such as "No such file or directory".
  public var reason: String { String(cString: strerror(code)) }

  public var message: String { "cannot \(operation) '\(path)': \(reason)" }

  public var hint: String? {
    switch code {
    case EACCES, EPERM: return "check the permissions, or run medmon as the user that owns the path."
    case ENOSPC: return "free some space on the target, or choose another with --out."
    default: return nil
    }
  }
}
