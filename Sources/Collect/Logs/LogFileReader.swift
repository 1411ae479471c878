import Core

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the lines a live log file gained since a saved state, following
/// rotation: a renamed file (`app.log` to `app.log.1`), a compressed one
/// (`app.log.1.gz`), a copy-and-truncate, and a file that disappeared.
/// Each line is handed out once: the rest of the old file is read from its
/// rotated copy before the new file is read from its start.
public struct LogFileReader {
  public let logger: Logger

  public init(logger: Logger = .silent) {
    self.logger = logger
  }

  /// One line handed to the caller.
  public struct Line {
    /// The path the line was read from (the rotated copy or the live file).
    public var path: String
    /// The 1-based line number in that file.
    public var number: Int
    public var bytes: [UInt8]
  }

  /// Reads what `path` gained since `state` (nil on the first read) and
  /// returns the new state. `body` gets each line; `fileEnded` is called
  /// when a file will not grow any more, so pending events can be flushed.
  public func readNew(
    path: String, state: LogFileState?, body: (Line) -> Void, fileEnded: () -> Void = {}
  ) throws -> LogFileState {
    let current = FileIdentity.of(path)
    if let state, state.inode != 0 {
      let sameFile = current.map { isSameFile(state, $0, path) } ?? false
      if !sameFile {
        finishRotated(state, body: body)
        fileEnded()
        if current == nil {
          logger.info("log file '\(path)' disappeared after line \(state.lineCount)")
          return LogFileState(path: path)
        }
        return try readLive(path, from: LogFileState(path: path), body: body)
      }
      return try readLive(path, from: state, body: body)
    }
    guard current != nil else { return LogFileState(path: path) }
    return try readLive(path, from: LogFileState(path: path), body: body)
  }

  /// Tells whether the file at `path` is still the one `state` describes:
  /// same inode, not shorter, and the same leading bytes.
  private func isSameFile(_ state: LogFileState, _ identity: FileIdentity, _ path: String) -> Bool {
    guard identity.inode == state.inode, identity.device == state.device,
      identity.size >= state.offset
    else { return false }
    return FileHead.hash(path: path, length: state.headLength) == state.headHash
  }

  private func readLive(_ path: String, from state: LogFileState, body: (Line) -> Void) throws
    -> LogFileState
  {
    guard let identity = FileIdentity.of(path) else { return LogFileState(path: path) }
    var splitter = LineSplitter(startLine: state.lineCount, startOffset: state.offset)
    try FileBytes.read(path: path, from: state.offset) { chunk in
      splitter.add(chunk) { bytes, number in body(Line(path: path, number: number, bytes: bytes)) }
    }
    let headLength = Int(min(Int64(LogFileState.maximumHeadLength), splitter.consumedBytes))
    return LogFileState(
      path: path, device: identity.device, inode: identity.inode,
      offset: splitter.consumedBytes, size: identity.size, lineCount: splitter.lineCount,
      headHash: FileHead.hash(path: path, length: headLength) ?? 0, headLength: headLength)
  }

  /// Reads the rest of the file `state` describes from its rotated copy,
  /// found by inode or, for a compressed or copied one, by its head.
  /// NOTE: when the file rotated twice between two reads, the lines of
  /// the file in between (the newer `app.log.1`) are not read.
  private func finishRotated(_ state: LogFileState, body: (Line) -> Void) {
    guard let rotated = RotatedFileFinder.find(state) else {
      logger.warning(
        "log file '\(state.path)' was rotated and its old copy was not found; "
          + "lines after line \(state.lineCount) of the old file are lost")
      return
    }
    var splitter = LineSplitter(startLine: state.lineCount, startOffset: state.offset)
    withoutActuallyEscaping(body) { body in
      finishRotated(rotated, state, &splitter, body)
    }
  }

  private func finishRotated(
    _ rotated: String, _ state: LogFileState, _ splitter: inout LineSplitter,
    _ body: @escaping (Line) -> Void
  ) {
    let emit: ([UInt8], Int) -> Void = { bytes, number in
      body(Line(path: rotated, number: number, bytes: bytes))
    }
    do {
      if rotated.hasSuffix(".gz") {
        try FileBytes.readGzip(path: rotated, skipping: state.offset) {
          splitter.add($0, body: emit)
        }
      } else {
        try FileBytes.read(path: rotated, from: state.offset) { splitter.add($0, body: emit) }
      }
    } catch {
      logger.warning("cannot finish rotated log file '\(rotated)': \(error)")
    }
    splitter.finish(body: emit)
  }
}
