import CArchive

/// Reads a tar archive (ustar, pax or GNU, plain or zstd-compressed)
/// entry by entry from a file or memory. Each header is checked before
/// it is returned: only regular files and directories with relative
/// paths and no '..' component pass. Data reads take a size limit, so a
/// crafted header cannot make the reader allocate without bound.
public final class TarReader {
  private let archive: OpaquePointer
  /// The source in error messages: a path or a description.
  public let source: String
  private let buffer: UnsafeMutableRawBufferPointer?
  private var current: TarEntryHeader?

  /// The block size for reads from a file, in bytes.
  static let readBlockSize = 64 * 1024

  /// Opens the archive at `path`.
  public convenience init(path: String) throws {
    try self.init(source: path, buffer: nil) { archive in
      archive_read_open_filename(archive, path, TarReader.readBlockSize)
    }
  }

  /// Reads an archive held in memory. The reader keeps its own copy.
  public convenience init(bytes: [UInt8]) throws {
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: max(bytes.count, 1), alignment: 1)
    buffer.copyBytes(from: bytes)
    try self.init(source: "in-memory archive", buffer: buffer) { archive in
      archive_read_open_memory(archive, buffer.baseAddress, bytes.count)
    }
  }

  private init(
    source: String, buffer: UnsafeMutableRawBufferPointer?,
    open: (OpaquePointer) -> Int32
  ) throws {
    guard let archive = archive_read_new() else {
      buffer?.deallocate()
      throw ArchiveError.libarchive(operation: "create", reason: "out of memory", archive: source)
    }
    self.archive = archive
    self.source = source
    self.buffer = buffer
    // Only tar and zstd, never the *_all calls: each format or filter
    // registered here is code that a hostile archive can reach, and that
    // a static link has to pull in.
    try check(archive_read_support_format_tar(archive), "configure")
    try check(archive_read_support_filter_zstd(archive), "configure")
    try check(open(archive), "open")
  }

  deinit {
    archive_read_free(archive)
    buffer?.deallocate()
  }

  /// Reads the next header and checks it. Returns nil at the end of the
  /// archive. Data of the previous entry that was not read is skipped.
  public func nextHeader() throws -> TarEntryHeader? {
    current = nil
    var entry: OpaquePointer?
    let code = archive_read_next_header(archive, &entry)
    if code == ARCHIVE_EOF { return nil }
    try check(code, "read a header from")
    guard let entry else { return nil }
    let header = try validatedHeader(entry)
    current = header
    return header
  }

  private func validatedHeader(_ entry: OpaquePointer) throws -> TarEntryHeader {
    guard let name = Self.name(of: entry) else {
      let raw = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
      throw ArchiveError.unsafeEntry(name: raw, reason: .invalidUTF8, archive: source)
    }
    if let reason = UnsafeEntryReason.check(name: name) ?? Self.typeProblem(entry) {
      throw ArchiveError.unsafeEntry(name: name, reason: reason, archive: source)
    }
    let isDirectory = archive_entry_filetype(entry) == TarReader.directoryType
    return TarEntryHeader(
      name: name, size: Int64(archive_entry_size(entry)),
      type: isDirectory ? .directory : .regularFile,
      mode: UInt32(archive_entry_perm(entry)),
      modificationTime: Int64(archive_entry_mtime(entry)))
  }

  /// Returns the entry's path as UTF-8, or nil when it is not valid UTF-8.
  /// libarchive converts non-ASCII names through the C library's locale,
  /// which fails in the "C" locale, so the raw bytes are the fallback.
  private static func name(of entry: OpaquePointer) -> String? {
    if let converted = archive_entry_pathname_utf8(entry) {
      return String(cString: converted)
    }
    return archive_entry_pathname(entry).flatMap { String(validatingCString: $0) }
  }

  /// Returns why the entry's type is rejected, or nil for a regular file
  /// or a directory. A hard link has the type of its target in
  /// libarchive, so its link name is checked first.
  private static func typeProblem(_ entry: OpaquePointer) -> UnsafeEntryReason? {
    if let target = archive_entry_hardlink_utf8(entry) ?? archive_entry_hardlink(entry) {
      return .hardLink(target: String(cString: target))
    }
    switch UInt32(archive_entry_filetype(entry)) {
    case TarWriter.regularFileType, directoryType:
      return nil
    case 0o120000:
      let target = archive_entry_symlink_utf8(entry) ?? archive_entry_symlink(entry)
      return .symbolicLink(target: target.map { String(cString: $0) } ?? "")
    case 0o020000: return .characterDevice
    case 0o060000: return .blockDevice
    case 0o010000: return .fifo
    case 0o140000: return .socket
    case let bits: return .unknownType(bits)
    }
  }

  /// Reads all data of the current entry. Throws `entryTooLarge` when the
  /// header declares, or the data turns out to have, more than `maxSize`
  /// bytes.
  public func readData(maxSize: Int) throws -> [UInt8] {
    guard let header = current else { return [] }
    guard header.size <= Int64(maxSize) else {
      throw ArchiveError.entryTooLarge(
        name: header.name, size: header.size, limit: maxSize, archive: source)
    }
    var data: [UInt8] = []
    data.reserveCapacity(Int(max(header.size, 0)))
    try readData(maxSize: maxSize) { chunk in data.append(contentsOf: chunk) }
    return data
  }

  /// Passes the current entry's data to `body` in chunks of up to 64 KiB,
  /// and throws `entryTooLarge` once more than `maxSize` bytes arrive.
  public func readData(
    maxSize: Int, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    guard let header = current else { return }
    var total = 0
    var chunk = [UInt8](repeating: 0, count: TarReader.readBlockSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { bytes in
        archive_read_data(archive, bytes.baseAddress, bytes.count)
      }
      if count == 0 { break }
      guard count > 0 else { throw failure("read data of '\(header.name)' from") }
      total += count
      guard total <= maxSize else {
        throw ArchiveError.entryTooLarge(
          name: header.name, size: Int64(total), limit: maxSize, archive: source)
      }
      try chunk.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
  }

  /// Reads the next entry with its data, or returns nil at the end.
  public func next(maxSize: Int) throws -> TarEntry? {
    guard let header = try nextHeader() else { return nil }
    return TarEntry(header: header, data: try readData(maxSize: maxSize))
  }

  /// Reads every entry. Throws when one entry's data exceeds
  /// `maxEntrySize`, all data together exceeds `maxTotalSize`, or there
  /// are more than `maxEntries` entries.
  public func readAll(
    maxEntrySize: Int, maxTotalSize: Int, maxEntries: Int = 10_000
  ) throws -> [TarEntry] {
    var entries: [TarEntry] = []
    var total = 0
    while let header = try nextHeader() {
      guard entries.count < maxEntries else {
        throw ArchiveError.archiveTooLarge(limit: "\(maxEntries) entries", archive: source)
      }
      // An entry over maxEntrySize fails in readData with its own error.
      let remaining = maxTotalSize - total
      if header.size <= Int64(maxEntrySize) && header.size > Int64(remaining) {
        throw ArchiveError.archiveTooLarge(limit: "\(maxTotalSize) bytes", archive: source)
      }
      let data = try readData(maxSize: min(maxEntrySize, remaining))
      total += data.count
      entries.append(TarEntry(header: header, data: data))
    }
    return entries
  }

  private func check(_ code: Int32, _ operation: String) throws {
    if code < ARCHIVE_WARN { throw failure(operation) }
  }

  private func failure(_ operation: String) -> ArchiveError {
    let reason = archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
    return .libarchive(operation: operation, reason: reason, archive: source)
  }

  /// The `S_IFDIR` file type bits.
  static let directoryType: UInt32 = 0o040000
}
