/// The ASCII armor of age files: strict PEM (RFC 7468, section 3) with the
/// label `AGE ENCRYPTED FILE`, padded base64 in lines of 64 columns.
///
///     -----BEGIN AGE ENCRYPTED FILE-----
///     YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBURWlGMHlwcXIrYnB2Y3FY
///     ...
///     yPC8DpksHoMx+2Y=
///     -----END AGE ENCRYPTED FILE-----
enum Armor {
  static let beginLine = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)
  static let endLine = Array("-----END AGE ENCRYPTED FILE-----".utf8)
  static let columnLimit = 64
  /// The bytes each full line carries: 64 base64 characters.
  static let bytesPerLine = columnLimit / 4 * 3

  /// Returns whether `byte` is whitespace allowed around the PEM block.
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

/// Wraps a sink so that bytes written to it come out armored. Call
/// `finish()` once at the end to write the last line and the end line.
final class ArmorEncoder {
  private let sink: ByteSink
  private var pending: [UInt8] = []
  private var started = false

  init(sink: @escaping ByteSink) {
    self.sink = sink
    pending.reserveCapacity(Armor.bytesPerLine * 1024)
  }

  /// Encodes `bytes`, writing every complete line.
  func write(_ bytes: UnsafeRawBufferPointer) throws {
    if !started {
      try emit(Armor.beginLine + [0x0A])
      started = true
    }
    pending.append(contentsOf: bytes)
    let complete = pending.count / Armor.bytesPerLine * Armor.bytesPerLine
    guard complete >= Armor.bytesPerLine * 512 else { return }
    try emitLines(pending[..<complete])
    pending.removeFirst(complete)
  }

  /// Writes the remaining bytes, padded, and the end line.
  func finish() throws {
    if !started { try emit(Armor.beginLine + [0x0A]) }
    try emitLines(pending[...])
    pending.removeAll()
    try emit(Armor.endLine + [0x0A])
  }

  private func emitLines(_ bytes: ArraySlice<UInt8>) throws {
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count / Armor.bytesPerLine * (Armor.columnLimit + 1) + 80)
    var offset = bytes.startIndex
    while offset < bytes.endIndex {
      let lineEnd = min(offset + Armor.bytesPerLine, bytes.endIndex)
      text += Array(bytes[offset..<lineEnd]).withUnsafeBytes { AgeBase64.encode($0, padded: true) }
      text.append(0x0A)
      offset = lineEnd
    }
    try emit(text)
  }

  private func emit(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try sink($0) }
  }
}

/// Reads an armored age file and yields the bytes inside the armor. It
/// rejects everything except the exact begin and end lines, full 64-column
/// lines with one shorter last line, canonical padded base64, one kind of
/// line ending, and whitespace before and after the block.
final class ArmorDecoder: ByteInput {
  private let reader: BufferedInput
  private var lineNumber = 0
  private var usesCRLF = false
  private var decoded: [UInt8] = []
  private var decodedOffset = 0
  private var sawFinalLine = false
  private var finished = false

  init(reader: BufferedInput) throws {
    self.reader = reader
    try readBeginLine()
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    while decodedOffset == decoded.count {
      if finished { return 0 }
      try decodeNextLine()
    }
    let count = min(buffer.count, decoded.count - decodedOffset)
    decoded.withUnsafeBytes { bytes in
      buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + decodedOffset, byteCount: count)
    }
    decodedOffset += count
    return count
  }

  private func readBeginLine() throws {
    try skipWhitespace(countingLines: true)
    lineNumber += 1
    guard case .complete(var line) = try reader.readLine(maxLength: Armor.beginLine.count + 1)
    else {
      throw AgeError.invalidArmor(line: lineNumber, .invalidBeginLine)
    }
    if line.last == 0x0D {
      usesCRLF = true
      line.removeLast()
    }
    guard line == Armor.beginLine else {
      throw AgeError.invalidArmor(line: lineNumber, .invalidBeginLine)
    }
  }

  private func decodeNextLine() throws {
    lineNumber += 1
    let line = try nextLine()
    if line == Armor.endLine {
      try checkTrailingWhitespace()
      finished = true
      return
    }
    guard !line.isEmpty else { throw AgeError.invalidArmor(line: lineNumber, .emptyLine) }
    guard !sawFinalLine else { throw AgeError.invalidArmor(line: lineNumber, .dataAfterFinalLine) }
    guard line.count <= Armor.columnLimit else {
      throw AgeError.invalidArmor(line: lineNumber, .lineTooLong)
    }
    guard line.allSatisfy({ AgeBase64.isAlphabetCharacter($0) || $0 == UInt8(ascii: "=") }) else {
      throw AgeError.invalidArmor(line: lineNumber, .invalidCharacter)
    }
    guard let bytes = AgeBase64.decode(line, padded: true) else {
      throw AgeError.invalidArmor(line: lineNumber, .invalidPadding)
    }
    // Only the last line may be short or padded, so the next line must end the armor.
    if line.count < Armor.columnLimit || line.last == UInt8(ascii: "=") { sawFinalLine = true }
    decoded = bytes
    decodedOffset = 0
  }

  /// Reads one line and removes its line ending, which must match the
  /// begin line's. The end line alone may also end at the end of input.
  private func nextLine() throws -> [UInt8] {
    switch try reader.readLine(maxLength: Armor.columnLimit + 1) {
    case .complete(var line):
      if usesCRLF {
        guard line.last == 0x0D else {
          throw AgeError.invalidArmor(line: lineNumber, .mixedLineEndings)
        }
        line.removeLast()
      } else if line.last == 0x0D {
        throw AgeError.invalidArmor(line: lineNumber, .mixedLineEndings)
      }
      return line
    case .unterminated(let line):
      guard line == Armor.endLine else {
        throw AgeError.invalidArmor(line: lineNumber, .missingEndLine)
      }
      return line
    case .tooLong:
      throw AgeError.invalidArmor(line: lineNumber, .lineTooLong)
    }
  }

  private func checkTrailingWhitespace() throws {
    try skipWhitespace(countingLines: false)
    guard try reader.peekByte() == nil else {
      throw AgeError.invalidArmor(line: lineNumber + 1, .trailingData)
    }
  }

  private func skipWhitespace(countingLines: Bool) throws {
    while let byte = try reader.peekByte(), Armor.isWhitespace(byte) {
      if countingLines, byte == 0x0A { lineNumber += 1 }
      reader.skipByte()
    }
  }
}
