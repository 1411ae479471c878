#if canImport(Glibc)
  import Glibc
#endif

/// Finds the rotated copy of a log file next to it: `app.log.1`,
/// `app.log.1.gz`, `app.log-20240501` and the like.
enum RotatedFileFinder {
  /// Returns the path of the copy of the file `state` describes: the
  /// sibling with the same inode, or else one whose first bytes (after
  /// decompression) hash to the saved head hash.
  static func find(_ state: LogFileState) -> String? {
    let candidates = siblings(of: state.path)
    for candidate in candidates where !candidate.hasSuffix(".gz") {
      if let identity = FileIdentity.of(candidate), identity.inode == state.inode,
        identity.device == state.device
      {
        return candidate
      }
    }
    guard state.headLength > 0 else { return nil }
    for candidate in candidates {
      let hash =
        candidate.hasSuffix(".gz")
        ? FileHead.gzipHash(path: candidate, length: state.headLength)
        : FileHead.hash(path: candidate, length: state.headLength)
      if hash == state.headHash { return candidate }
    }
    return nil
  }

  /// Returns the files in the same directory whose names start with the
  /// file's name and a `.` or `-`, sorted by name.
  static func siblings(of path: String) -> [String] {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var result: [String] = []
    for entry in DirectoryListing.names(directory) where entry != name {
      guard entry.hasPrefix(name + ".") || entry.hasPrefix(name + "-") else { continue }
      result.append(slash == nil ? entry : directory + "/" + entry)
    }
    return result.sorted()
  }
}

/// Lists the entry names of a directory, without `.` and `..`.
enum DirectoryListing {
  /// Tells whether `path` is a directory itself, not a link to one.
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func names(_ directory: String) -> [String] {
    guard let handle = opendir(directory.isEmpty ? "/" : directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
