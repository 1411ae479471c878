/// A failure to write or read a tar archive.
public enum ArchiveError: MedmonError, Equatable {
  /// An entry that could escape the extraction directory or is not a
  /// plain file or directory.
  case unsafeEntry(name: String, reason: UnsafeEntryReason, archive: String)
  /// An entry whose data is larger than the caller's limit.
  case entryTooLarge(name: String, size: Int64, limit: Int, archive: String)
  /// An archive whose entries exceed the caller's total size or count.
  case archiveTooLarge(limit: String, archive: String)
  /// A name the writer rejects, so that no reader would reject it later.
  case invalidEntryName(name: String, reason: UnsafeEntryReason)
  /// An entry whose written data differs from the size in its header.
  case entrySizeMismatch(name: String, declared: Int64, written: Int64)
  /// libarchive reported an error.
  case libarchive(operation: String, reason: String, archive: String)

  public var message: String {
    switch self {
    case .unsafeEntry(let name, let reason, let archive):
      return "rejected entry '\(name)' in archive '\(archive)': \(reason.description)"
    case .entryTooLarge(let name, let size, let limit, let archive):
      return "entry '\(name)' in archive '\(archive)' has \(size) bytes,"
        + " more than the limit of \(limit) bytes"
    case .archiveTooLarge(let limit, let archive):
      return "archive '\(archive)' exceeds the limit of \(limit)"
    case .invalidEntryName(let name, let reason):
      return "invalid entry name '\(name)': \(reason.description)"
    case .entrySizeMismatch(let name, let declared, let written):
      return "entry '\(name)' declared \(declared) bytes but \(written) bytes were written"
    case .libarchive(let operation, let reason, let archive):
      return "failed to \(operation) archive '\(archive)': \(reason)"
    }
  }

  public var hint: String? {
    switch self {
    case .unsafeEntry:
      return "medmon reads only regular files and directories with relative paths;"
        + " this archive was not written by medmon or was altered."
    default:
      return nil
    }
  }
}

/// The reason a tar entry is rejected.
public enum UnsafeEntryReason: Equatable, Sendable, CustomStringConvertible {
  case emptyName
  case absolutePath
  case parentComponent
  case nulCharacter
  case invalidUTF8
  case nonASCII
  case symbolicLink(target: String)
  case hardLink(target: String)
  case characterDevice
  case blockDevice
  case fifo
  case socket
  /// A file type outside the POSIX set, with its `st_mode` type bits.
  case unknownType(UInt32)

  public var description: String {
    switch self {
    case .emptyName: return "the name is empty"
    case .absolutePath: return "the path is absolute"
    case .parentComponent: return "the path contains a '..' component"
    case .nulCharacter: return "the name contains a NUL character"
    case .invalidUTF8: return "the name is not valid UTF-8"
    case .nonASCII: return "the name contains characters outside ASCII"
    case .symbolicLink(let target): return "it is a symbolic link to '\(target)'"
    case .hardLink(let target): return "it is a hard link to '\(target)'"
    case .characterDevice: return "it is a character device"
    case .blockDevice: return "it is a block device"
    case .fifo: return "it is a FIFO"
    case .socket: return "it is a socket"
    case .unknownType(let bits): return "it has unknown file type 0o\(String(bits, radix: 8))"
    }
  }

  /// Returns why `name` is unsafe as a relative path inside an archive,
  /// or nil when it is safe.
  static func check(name: String) -> UnsafeEntryReason? {
    if name.isEmpty { return .emptyName }
    if name.utf8.contains(0) { return .nulCharacter }
    if name.hasPrefix("/") { return .absolutePath }
    if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
      return .parentComponent
    }
    return nil
  }
}
