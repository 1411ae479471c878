import Core

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the complete lines of one results file from a saved cursor.
struct ResultFileReader {
  let parser: ResultLineParser
  let maximumLineLength: Int
  let chunkSize: Int

  /// Reads `path` from `cursor` to the end and returns the cursor after
  /// the last complete line. A cursor for another file, or one past the
  /// end or over different first bytes, starts the file again.
  func read(
    _ path: String, from cursor: ResultsCursor?, summary: inout ResultsReadSummary,
    handle: (ResultRecord) -> Void
  ) throws -> ResultsCursor {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileSystemError("open", path: path) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw FileSystemError("read the status of", path: path)
    }
    let size = Int64(info.st_size)

    let head = try readBytes(descriptor, at: 0, count: ResultsCursor.maximumHeadLength, path: path)
    var state = ResultsCursor(
      path: path, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    if let cursor, continues(cursor, state, head: head, size: size) {
      state.offset = cursor.offset
      state.line = cursor.line
      state.insideLongLine = cursor.insideLongLine
    } else if cursor != nil {
      summary.restartedFiles += 1
    }

    try readLines(descriptor, path: path, state: &state, summary: &summary, handle: handle)
    let covered = try readBytes(
      descriptor, at: 0, count: ResultsCursor.maximumHeadLength, path: path)
    state.headLength = covered.count
    state.headHash = StableHash.hash(bytes: covered)
    summary.filesRead += 1
    return state
  }

  /// Reports whether `cursor` belongs to this file as it is now.
  private func continues(
    _ cursor: ResultsCursor, _ file: ResultsCursor, head: [UInt8], size: Int64
  ) -> Bool {
    guard cursor.device == file.device, cursor.inode == file.inode, cursor.offset <= size,
      cursor.headLength <= head.count
    else { return false }
    return StableHash.hash(bytes: head.prefix(cursor.headLength)) == cursor.headHash
  }

  private func readLines(
    _ descriptor: Int32, path: String, state: inout ResultsCursor,
    summary: inout ResultsReadSummary, handle: (ResultRecord) -> Void
  ) throws {
    var position = state.offset
    var pending: [UInt8] = []
    while true {
      let chunk = try readBytes(descriptor, at: position, count: chunkSize, path: path)
      if chunk.isEmpty { break }
      position += Int64(chunk.count)
      pending.append(contentsOf: chunk)

      var start = 0
      while let end = pending[start...].firstIndex(of: 0x0A) {
        if state.insideLongLine {
          state.insideLongLine = false
        } else {
          state.line += 1
          take(pending[start..<end], path: path, state: state, summary: &summary, handle: handle)
        }
        state.offset += Int64(end - start + 1)
        start = end + 1
      }
      pending.removeFirst(start)
      skipLongLine(&pending, path: path, state: &state, summary: &summary)
    }
  }

  /// Drops the start of a line that is already longer than the limit, so
  /// memory stays bounded, and rejects the line once.
  private func skipLongLine(
    _ pending: inout [UInt8], path: String, state: inout ResultsCursor,
    summary: inout ResultsReadSummary
  ) {
    guard state.insideLongLine || pending.count > maximumLineLength else { return }
    if !state.insideLongLine {
      state.line += 1
      summary.record(
        .rejectedLine(
          path: path, line: state.line, offset: state.offset,
          problem: .tooLong(limit: maximumLineLength)))
      state.insideLongLine = true
    }
    state.offset += Int64(pending.count)
    pending.removeAll(keepingCapacity: true)
  }

  private func take(
    _ line: ArraySlice<UInt8>, path: String, state: ResultsCursor,
    summary: inout ResultsReadSummary, handle: (ResultRecord) -> Void
  ) {
    var bytes = line
    if bytes.last == 0x0D { bytes = bytes.dropLast() }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
    if bytes.count > maximumLineLength {
      summary.record(
        .rejectedLine(
          path: path, line: state.line, offset: state.offset,
          problem: .tooLong(limit: maximumLineLength)))
      return
    }
    switch parser.parse(bytes) {
    case .success(let record):
      summary.records += 1
      handle(record)
    case .failure(let problem):
      summary.record(
        .rejectedLine(path: path, line: state.line, offset: state.offset, problem: problem))
    }
  }

  private func readBytes(
    _ descriptor: Int32, at offset: Int64, count: Int, path: String
  ) throws -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    while true {
      let read = buffer.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, count, off_t(offset))
      }
      if read >= 0 {
        buffer.removeLast(count - read)
        return buffer
      }
      if errno != EINTR { throw FileSystemError("read", path: path) }
    }
  }
}
