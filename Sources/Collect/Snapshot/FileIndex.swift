import Core

/// The files a previous snapshot saw, loaded into memory so that an
/// unchanged tree costs one `lstat` per file and no query. Entries are
/// keyed by a 64-bit hash of the path to keep a million files in tens of
/// megabytes. A new path whose hash collides with a known one looks
/// changed and is parsed; the stored row then decides whether it was
/// counted before. A collision that also matches size, mtime and inode
/// would skip a new file, with a chance near 2^-64 per pair.
struct FileIndex {
  struct Entry {
    var size: Int64
    var modified: Int64
    var inode: UInt64
  }

  private var entries: [UInt64: Entry] = [:]

  var count: Int { entries.count }

  static func load(from database: Database) throws -> FileIndex {
    var index = FileIndex()
    let statement = try database.prepare("SELECT path, size, mtime, inode FROM files")
    while try statement.step() {
      let path = statement.string(at: 0) ?? ""
      index.entries[pathHash(path)] = Entry(
        size: statement.int64(at: 1), modified: statement.int64(at: 2),
        inode: UInt64(bitPattern: statement.int64(at: 3)))
    }
    statement.reset()
    return index
  }

  func lookup(_ path: String) -> Entry? { entries[Self.pathHash(path)] }

  /// Returns whether the file is known with the same size, mtime and inode.
  func isUnchanged(_ path: String, _ status: FileSystem.Status) -> Bool {
    guard let entry = lookup(path) else { return false }
    return entry.size == status.size && entry.modified == status.modified && entry.inode == status.inode
  }

  /// FNV-1a, 64 bit: fast, stable across runs and platforms.
  static func pathHash(_ path: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in path.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}
