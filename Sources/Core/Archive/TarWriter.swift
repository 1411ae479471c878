import CArchive

/// The compression applied to a whole tar stream.
public enum TarCompression: Equatable, Sendable {
  case none
  /// Zstandard at `level`. Levels run from 1 (fastest) to 19 (smallest);
  /// a level that libzstd does not support is rejected.
  case zstd(level: Int)
}

/// Writes a POSIX pax tar archive entry by entry to a file, a file
/// descriptor or memory. Entries are regular files owned by uid 0 and
/// gid 0 with no user or group name, so the archive carries no names of
/// the machine that wrote it. Call `finish()` to write the end of the
/// archive; an unfinished archive is incomplete.
public final class TarWriter {
  private let archive: OpaquePointer
  /// The destination in error messages: a path or a description.
  public let destination: String
  private let memory: MemoryOutput?
  private var finished = false
  /// Set when an entry failed after its header was written, which leaves
  /// the archive without a consistent end.
  private var broken = false

  /// Creates `path` (or truncates it) and writes the archive there.
  public convenience init(path: String, compression: TarCompression = .none) throws {
    try self.init(destination: path, compression: compression, memory: nil) { archive in
      archive_write_open_filename(archive, path)
    }
  }

  /// Writes the archive to an open file descriptor, which stays open.
  public convenience init(fileDescriptor: Int32, compression: TarCompression = .none) throws {
    try self.init(
      destination: "file descriptor \(fileDescriptor)", compression: compression, memory: nil
    ) { archive in
      archive_write_open_fd(archive, fileDescriptor)
    }
  }

  /// Creates a writer that collects the archive in memory; `finish()`
  /// returns the bytes.
  public static func inMemory(compression: TarCompression = .none) throws -> TarWriter {
    let memory = MemoryOutput()
    return try TarWriter(
      destination: "in-memory archive", compression: compression, memory: memory
    ) { archive in
      archive_write_open2(
        archive, Unmanaged.passUnretained(memory).toOpaque(), nil,
        { _, context, buffer, length in
          guard let context, let buffer else { return 0 }
          let output = Unmanaged<MemoryOutput>.fromOpaque(context).takeUnretainedValue()
          output.bytes.append(
            contentsOf: UnsafeRawBufferPointer(start: buffer, count: length))
          return la_ssize_t(length)
        }, nil, nil)
    }
  }

  private init(
    destination: String, compression: TarCompression, memory: MemoryOutput?,
    open: (OpaquePointer) -> Int32
  ) throws {
    guard let archive = archive_write_new() else {
      throw ArchiveError.libarchive(
        operation: "create", reason: "out of memory", archive: destination)
    }
    self.archive = archive
    self.destination = destination
    self.memory = memory
    try check(archive_write_set_format_pax_restricted(archive), "configure")
    switch compression {
    case .none:
      try check(archive_write_add_filter_none(archive), "configure")
    case .zstd(let level):
      try check(archive_write_add_filter_zstd(archive), "configure")
      // libarchive pads its output to whole 10240-byte blocks by default,
      // and zstd rejects the zero bytes after the frame as a bad frame.
      try check(archive_write_set_bytes_in_last_block(archive, 1), "configure")
      // libarchive returns ARCHIVE_WARN for an option it ignores and
      // ARCHIVE_FAILED for a level out of range, so only OK is success.
      let code = archive_write_set_filter_option(
        archive, "zstd", "compression-level", "\(level)")
      if code != ARCHIVE_OK { throw failure("set zstd level \(level) for") }
    }
    try check(open(archive), "open")
  }

  deinit {
    archive_write_free(archive)
  }

  /// Adds a regular file whose data is `contents`.
  public func addFile(
    name: String, contents: [UInt8], mode: UInt32 = 0o644, modificationTime: Int64 = 0
  ) throws {
    try addFile(
      name: name, size: Int64(contents.count), mode: mode, modificationTime: modificationTime
    ) { entry in
      try entry.write(contents)
    }
  }

  /// Adds a regular file of `size` bytes whose data `writeData` passes to
  /// the given `TarEntryWriter` in chunks. Throws when the chunks add up
  /// to a different size, because the header is already written.
  public func addFile(
    name: String, size: Int64, mode: UInt32 = 0o644, modificationTime: Int64 = 0,
    writeData: (TarEntryWriter) throws -> Void
  ) throws {
    if let reason = UnsafeEntryReason.check(name: name) {
      throw ArchiveError.invalidEntryName(name: name, reason: reason)
    }
    // libarchive 3.6 converts names through the C library's locale, which
    // stays "C" (ASCII) in medmon, and its pax writer crashes on a name it
    // cannot convert. medmon names its entries itself, in ASCII.
    guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
      throw ArchiveError.invalidEntryName(name: name, reason: .nonASCII)
    }
    try checkWritable("add '\(name)' to")
    broken = true
    try writeHeader(name: name, size: size, mode: mode, modificationTime: modificationTime)

    let entry = TarEntryWriter(writer: self, name: name, size: size)
    try writeData(entry)
    guard entry.written == size else {
      throw ArchiveError.entrySizeMismatch(name: name, declared: size, written: entry.written)
    }
    try check(archive_write_finish_entry(archive), "finish entry '\(name)' in")
    broken = false
  }

  private func checkWritable(_ operation: String) throws {
    var reason: String?
    if finished {
      reason = "the archive is finished"
    } else if broken {
      reason = "an earlier entry failed"
    }
    if let reason {
      throw ArchiveError.libarchive(operation: operation, reason: reason, archive: destination)
    }
  }

  private func writeHeader(
    name: String, size: Int64, mode: UInt32, modificationTime: Int64
  ) throws {
    let entry = archive_entry_new()
    defer { archive_entry_free(entry) }
    archive_entry_set_pathname_utf8(entry, name)
    archive_entry_set_size(entry, la_int64_t(size))
    archive_entry_set_filetype(entry, TarWriter.regularFileType)
    archive_entry_set_perm(entry, mode_t(mode & 0o7777))
    archive_entry_set_mtime(entry, time_t(modificationTime), 0)
    archive_entry_set_uid(entry, 0)
    archive_entry_set_gid(entry, 0)
    try check(archive_write_header(archive, entry), "write header of '\(name)' to")
  }

  /// Writes `bytes` as data of the current entry.
  func writeData(_ bytes: UnsafeRawBufferPointer, name: String) throws {
    var offset = 0
    while offset < bytes.count {
      let written = archive_write_data(
        archive, bytes.baseAddress! + offset, bytes.count - offset)
      guard written > 0 else {
        throw failure("write data of '\(name)' to")
      }
      offset += written
    }
  }

  /// Writes the end-of-archive blocks and flushes the compressor. For an
  /// in-memory writer, returns the archive bytes; otherwise an empty
  /// array.
  @discardableResult
  public func finish() throws -> [UInt8] {
    if broken { try checkWritable("finish") }
    if !finished {
      finished = true
      try check(archive_write_close(archive), "finish")
    }
    return memory?.bytes ?? []
  }

  private func check(_ code: Int32, _ operation: String) throws {
    if code < ARCHIVE_WARN { throw failure(operation) }
  }

  private func failure(_ operation: String) -> ArchiveError {
    let reason = archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
    return .libarchive(operation: operation, reason: reason, archive: destination)
  }

  /// The `S_IFREG` file type bits; Swift does not import libarchive's
  /// `AE_IFREG` because the macro contains a cast.
  static let regularFileType: UInt32 = 0o100000
}

/// The data sink for one entry while `TarWriter.addFile` runs.
public final class TarEntryWriter {
  private let writer: TarWriter
  private let name: String
  private let size: Int64
  /// The number of bytes written so far.
  public private(set) var written: Int64 = 0

  init(writer: TarWriter, name: String, size: Int64) {
    self.writer = writer
    self.name = name
    self.size = size
  }

  /// Appends `bytes` to the entry's data. Throws before writing when the
  /// entry would grow past its declared size.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard written + Int64(bytes.count) <= size else {
      throw ArchiveError.entrySizeMismatch(
        name: name, declared: size, written: written + Int64(bytes.count))
    }
    try writer.writeData(bytes, name: name)
    written += Int64(bytes.count)
  }

  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write($0) }
  }
}

/// The growing buffer behind an in-memory `TarWriter`.
final class MemoryOutput {
  var bytes: [UInt8] = []
}
