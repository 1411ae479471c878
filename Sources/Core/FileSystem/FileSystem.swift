#if canImport(Glibc)
  import Glibc
#endif

/// File operations over the C library, with errors that name the path.
public enum FileSystem {
  /// Metadata of one file, as `lstat` returns it.
  public struct Status: Equatable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var inode: UInt64
    public var device: UInt64
    public var mode: UInt32

    public var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
    public var isRegular: Bool { mode & S_IFMT == S_IFREG }
    public var isSymbolicLink: Bool { mode & S_IFMT == S_IFLNK }
  }

  public static func status(_ path: String, followLinks: Bool = false) throws -> Status {
    var info = stat()
    let result = followLinks ? stat(path, &info) : lstat(path, &info)
    guard result == 0 else { throw FileSystemError("read the status of", path: path) }
    return Status(
      size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec), inode: UInt64(info.st_ino),
      device: UInt64(info.st_dev), mode: info.st_mode)
  }

  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  public static func readBytes(_ path: String, limit: Int = Int.max) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileSystemError("open", path: path) }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while result.count < limit {
      let wanted = min(chunk.count, limit - result.count)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileSystemError("read", path: path)
      }
      if count == 0 { break }
      result.append(contentsOf: chunk[0..<count])
    }
    return result
  }

  public static func readText(_ path: String) throws -> String {
    String(decoding: try readBytes(path), as: UTF8.self)
  }

  /// Writes `bytes` to a temporary file beside `path`, flushes it to the
  /// device, and renames it over `path`, so a reader sees the old file or
  /// the whole new one. The temporary file is removed on failure.
  public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw FileSystemError("create", path: temporary) }
    do {
      try writeAll(bytes, to: descriptor, path: temporary)
      guard fsync(descriptor) == 0 else { throw FileSystemError("flush", path: temporary) }
      close(descriptor)
      guard rename(temporary, path) == 0 else { throw FileSystemError("rename into", path: path) }
      syncDirectory(of: path)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
  }

  /// Creates `path` with `bytes` only when it does not exist yet.
  public static func createExclusively(_ bytes: [UInt8], at path: String, mode: mode_t) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw FileSystemError("create", path: path) }
    defer { close(descriptor) }
    do {
      try writeAll(bytes, to: descriptor, path: path)
      guard fsync(descriptor) == 0 else { throw FileSystemError("flush", path: path) }
    } catch {
      unlink(path)
      throw error
    }
  }

  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileSystemError("write", path: path)
      }
      offset += count
    }
  }

  /// Creates a folder and its missing parents.
  public static func createDirectory(_ path: String, mode: mode_t = 0o755) throws {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, mode) != 0, errno != EEXIST {
        throw FileSystemError("create the folder", path: prefix)
      }
      prefix += "/"
    }
  }

  public static func remove(_ path: String) {
    unlink(path)
  }

  /// Flushes the folder entry of a renamed file, so the rename survives
  /// a power cut. Failure is ignored because some file systems (FAT on a
  /// USB drive) do not support it.
  public static func syncDirectory(of path: String) {
    let folder = parentDirectory(of: path)
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  public static func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }

  public static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// Returns `path` joined to the current folder when it is relative.
  public static func absolutePath(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let folder = String(cString: buffer)
    let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return join(folder, relative)
  }

  public static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
