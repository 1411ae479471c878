#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive advisory lock on a file, held until `release` or until
/// the process exits, so a killed run never leaves a stale lock behind.
public final class FileLock {
  private var descriptor: Int32
  public let path: String

  private init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  /// Takes the lock without waiting. Returns nil when another process
  /// holds it.
  public static func tryAcquire(_ path: String) throws -> FileLock? {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw FileSystemError("open the lock file", path: path) }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      close(descriptor)
      if code == EWOULDBLOCK { return nil }
      throw FileSystemError("lock", path: path, code: code)
    }
    return FileLock(descriptor: descriptor, path: path)
  }

  public func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
