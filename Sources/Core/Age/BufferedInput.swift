/// A buffered reader over a `ByteInput` with the operations the age
/// parsers need: bounded lines, exact reads and a one-byte look-ahead.
final class BufferedInput: ByteInput {
  /// The result of reading one line.
  enum Line {
    /// A line without its line feed.
    case complete([UInt8])
    /// The bytes before the end of the input, which had no line feed.
    /// Empty when the input ended before the line started.
    case unterminated([UInt8])
    /// The line was longer than the limit; `prefix` contains its first bytes.
    case tooLong(prefix: [UInt8])
  }

  private let source: any ByteInput
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var reachedEnd = false

  init(_ source: any ByteInput, bufferSize: Int = 16 * 1024) {
    self.source = source
    buffer = [UInt8](repeating: 0, count: bufferSize)
  }

  /// Returns the next byte without consuming it, or nil at the end.
  func peekByte() throws -> UInt8? {
    if start == end { try refill() }
    return start < end ? buffer[start] : nil
  }

  /// Consumes one byte.
  func skipByte() {
    if start < end { start += 1 }
  }

  /// Reads one line of at most `maxLength` bytes before its line feed.
  func readLine(maxLength: Int) throws -> Line {
    var line: [UInt8] = []
    while true {
      if start == end {
        try refill()
        if start == end { return .unterminated(line) }
      }
      let available = buffer[start..<end]
      if let newline = available.firstIndex(of: 0x0A) {
        line += buffer[start..<newline]
        start = newline + 1
        guard line.count <= maxLength else {
          return .tooLong(prefix: Array(line.prefix(maxLength)))
        }
        return .complete(line)
      }
      line += available
      start = end
      guard line.count <= maxLength else { return .tooLong(prefix: Array(line.prefix(maxLength))) }
    }
  }

  func read(into target: UnsafeMutableRawBufferPointer) throws -> Int {
    guard target.count > 0 else { return 0 }
    if start == end {
      // Large reads bypass the buffer to avoid a copy.
      if target.count >= buffer.count { return reachedEnd ? 0 : try readSource(into: target) }
      try refill()
      if start == end { return 0 }
    }
    let count = min(target.count, end - start)
    buffer.withUnsafeBytes { bytes in
      target.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: count)
    }
    start += count
    return count
  }

  /// Reads until `target` is full or the input ends, and returns the count.
  func readFully(into target: UnsafeMutableRawBufferPointer) throws -> Int {
    var filled = 0
    while filled < target.count {
      let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: target[filled...]))
      if count == 0 { break }
      filled += count
    }
    return filled
  }

  private func refill() throws {
    start = 0
    end = 0
    guard !reachedEnd else { return }
    end = try buffer.withUnsafeMutableBytes { try readSource(into: $0) }
  }

  private func readSource(into target: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = try source.read(into: target)
    if count == 0 { reachedEnd = true }
    return count
  }
}
