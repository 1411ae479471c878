#if canImport(Glibc)
  import Glibc
#endif

/// Walks folder trees depth first with `opendir`/`readdir`, reporting
/// regular files with their status. Symbolic links to folders are
/// followed once: a folder already visited (same device and inode) is a
/// loop and is reported as a problem, never walked twice.
public struct DirectoryWalker {
  /// A problem that skipped part of a tree, counted by kind.
  public enum Problem: Equatable, Sendable {
    case permissionDenied(String)
    case symbolicLinkLoop(String)
    case brokenLink(String)
    case unreadable(String, code: Int32)

    public var kind: String {
      switch self {
      case .permissionDenied: return "permission_denied"
      case .symbolicLinkLoop: return "symlink_loop"
      case .brokenLink: return "broken_link"
      case .unreadable: return "unreadable"
      }
    }

    public var path: String {
      switch self {
      case .permissionDenied(let path), .symbolicLinkLoop(let path), .brokenLink(let path),
        .unreadable(let path, _):
        return path
      }
    }
  }

  private var visited: Set<DeviceInode> = []

  private struct DeviceInode: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  public init() {}

  /// Calls `visitFile` for each regular file under `root` (or for `root`
  /// itself when it is a file) and `problem` for each part skipped.
  public mutating func walk(
    _ root: String,
    visitFile: (String, FileSystem.Status) throws -> Void,
    problem: (Problem) -> Void
  ) rethrows {
    guard let status = try? FileSystem.status(root, followLinks: true) else {
      problem(errno == EACCES ? .permissionDenied(root) : .unreadable(root, code: errno))
      return
    }
    if status.isRegular {
      try visitFile(root, status)
    } else if status.isDirectory {
      try walkDirectory(root, status, visitFile: visitFile, problem: problem)
    }
  }

  private mutating func walkDirectory(
    _ path: String, _ status: FileSystem.Status,
    visitFile: (String, FileSystem.Status) throws -> Void,
    problem: (Problem) -> Void
  ) rethrows {
    guard visited.insert(DeviceInode(device: status.device, inode: status.inode)).inserted else {
      problem(.symbolicLinkLoop(path))
      return
    }
    guard let directory = opendir(path) else {
      problem(errno == EACCES ? .permissionDenied(path) : .unreadable(path, code: errno))
      return
    }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    closedir(directory)
    // Sorted order makes the walk, and so the order of first sight, repeatable.
    names.sort()
    for name in names {
      try visit(FileSystem.join(path, name), visitFile: visitFile, problem: problem)
    }
  }

  private mutating func visit(
    _ path: String,
    visitFile: (String, FileSystem.Status) throws -> Void,
    problem: (Problem) -> Void
  ) rethrows {
    guard var status = try? FileSystem.status(path) else {
      problem(.unreadable(path, code: errno))
      return
    }
    if status.isSymbolicLink {
      guard let target = try? FileSystem.status(path, followLinks: true) else {
        problem(errno == ELOOP ? .symbolicLinkLoop(path) : .brokenLink(path))
        return
      }
      status = target
    }
    if status.isDirectory {
      try walkDirectory(path, status, visitFile: visitFile, problem: problem)
    } else if status.isRegular {
      try visitFile(path, status)
    }
  }
}
