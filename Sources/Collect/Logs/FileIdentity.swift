#if canImport(Glibc)
  import Glibc
#endif

/// The device, inode and size of a regular file, from `stat(2)`.
struct FileIdentity: Equatable {
  var device: UInt64
  var inode: UInt64
  var size: Int64

  /// Returns the identity of `path`, or nil when it does not exist or is
  /// not a regular file.
  static func of(_ path: String) -> FileIdentity? {
    guard let info = statFile(path), (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return FileIdentity(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size))
  }
}

private func statFile(_ path: String) -> stat? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return info
}

/// Hashes of the first bytes of a file, to recognise it after rotation.
enum FileHead {
  /// Returns the FNV-1a hash of the first `length` bytes of `path`, or nil
  /// when the file cannot be read or is shorter.
  static func hash(path: String, length: Int) -> UInt64? {
    guard let bytes = try? FileBytes.prefix(path: path, length: length, gzip: false),
      bytes.count == length
    else { return nil }
    return Fingerprint(of: bytes).value
  }

  static func gzipHash(path: String, length: Int) -> UInt64? {
    guard let bytes = try? FileBytes.prefix(path: path, length: length, gzip: true),
      bytes.count == length
    else { return nil }
    return Fingerprint(of: bytes).value
  }
}
