/// Cuts a byte stream into lines. A line ends at LF; a CR before the LF
/// is dropped. Bytes after the last LF wait for more input, so a line
/// that is still being written is never handed out half. A line longer
/// than `maximumLineLength` keeps only its first `maximumLineLength`
/// bytes, so memory stays bounded on a file without newlines.
struct LineSplitter {
  static let maximumLineLength = 1 << 20
  private var carry: [UInt8] = []
  /// Bytes dropped from the current line after it reached the maximum.
  private var droppedBytes = 0
  /// Bytes handed out as complete lines, line endings included.
  private(set) var consumedBytes: Int64 = 0
  /// Lines handed out so far.
  private(set) var lineCount = 0

  init(startLine: Int = 0, startOffset: Int64 = 0) {
    lineCount = startLine
    consumedBytes = startOffset
  }

  /// Bytes of the unfinished last line.
  var pendingBytes: Int { carry.count }

  /// Adds `chunk` and calls `body` with each complete line and its
  /// 1-based number.
  mutating func add(_ chunk: UnsafeBufferPointer<UInt8>, body: ([UInt8], Int) -> Void) {
    var start = 0
    let count = chunk.count
    var index = 0
    while index < count {
      if chunk[index] == 0x0A {
        var line: [UInt8]
        if carry.isEmpty {
          line = Array(chunk[start..<index])
        } else {
          line = carry
          line.append(contentsOf: chunk[start..<index])
          carry.removeAll(keepingCapacity: true)
        }
        if line.count > LineSplitter.maximumLineLength {
          droppedBytes += line.count - LineSplitter.maximumLineLength
          line.removeSubrange(LineSplitter.maximumLineLength...)
        }
        let length = line.count + droppedBytes + 1
        droppedBytes = 0
        if line.last == 0x0D { line.removeLast() }
        lineCount += 1
        consumedBytes += Int64(length)
        body(line, lineCount)
        start = index + 1
      }
      index += 1
    }
    if start < count {
      let room = max(0, LineSplitter.maximumLineLength + 1 - carry.count)
      let kept = min(room, count - start)
      carry.append(contentsOf: chunk[start..<(start + kept)])
      droppedBytes += count - start - kept
    }
  }

  /// Hands out the unfinished last line as a line, for a file that will
  /// not grow any more (rotated or compressed).
  mutating func finish(body: ([UInt8], Int) -> Void) {
    guard !carry.isEmpty else { return }
    var line = carry
    consumedBytes += Int64(line.count + droppedBytes)
    droppedBytes = 0
    carry.removeAll()
    if line.count > LineSplitter.maximumLineLength {
      line.removeSubrange(LineSplitter.maximumLineLength...)
    }
    if line.last == 0x0D { line.removeLast() }
    lineCount += 1
    body(line, lineCount)
  }
}
