/// Reads an age v1 header from a `BufferedInput`, line by line, and rejects
/// every form the age specification does not allow.
struct AgeHeaderParser {
  private let reader: BufferedInput
  private var bytesRead: [UInt8] = []
  private var lineNumber = 0

  init(reader: BufferedInput) {
    self.reader = reader
  }

  /// Parses the header and leaves `reader` at the first payload byte.
  mutating func parse() throws -> AgeHeader {
    let version = try nextLine()
    guard version == AgeHeader.versionLine else {
      if version == AgeHeader.versionLine + [0x0D] {
        throw AgeError.malformedHeader(line: lineNumber, .carriageReturn)
      }
      if version.starts(with: AgeHeader.versionPrefix) {
        throw AgeError.unsupportedVersion(String(decoding: version, as: UTF8.self))
      }
      throw AgeError.malformedHeader(line: lineNumber, .missingVersionLine)
    }

    var stanzas: [AgeStanza] = []
    while true {
      let line = try nextLine()
      if line.starts(with: Array("-> ".utf8)) {
        stanzas.append(try parseStanza(argumentLine: line))
      } else if line.starts(with: Array("---".utf8)) {
        guard !stanzas.isEmpty else {
          throw AgeError.malformedHeader(line: lineNumber, .missingStanzas)
        }
        let mac = try parseMAC(line)
        // The MAC covers the header up to `---`, without the space after it.
        let authenticated = Array(bytesRead[..<(bytesRead.count - line.count - 1 + 3)])
        return AgeHeader(stanzas: stanzas, authenticatedBytes: authenticated, mac: mac)
      } else {
        throw AgeError.malformedHeader(line: lineNumber, .invalidStanzaStart)
      }
    }
  }

  private mutating func parseStanza(argumentLine line: [UInt8]) throws -> AgeStanza {
    let startLine = lineNumber
    let fields = line.dropFirst(3).split(
      separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    for (index, field) in fields.enumerated() {
      // Arguments are 1*VCHAR: printable ASCII without space.
      guard !field.isEmpty, field.allSatisfy({ (0x21...0x7E).contains($0) }) else {
        throw AgeError.malformedHeader(line: startLine, .invalidArgument(index: index + 1))
      }
    }
    let arguments = fields.map { String(decoding: $0, as: UTF8.self) }

    var encodedBody: [UInt8] = []
    while true {
      let bodyLine = try nextLine()
      guard bodyLine.count <= AgeHeader.columnLimit else {
        throw AgeError.malformedHeader(line: lineNumber, .bodyLineTooLong(length: bodyLine.count))
      }
      guard bodyLine.allSatisfy(AgeBase64.isAlphabetCharacter) else {
        throw AgeError.malformedHeader(line: lineNumber, .invalidBodyLine)
      }
      encodedBody += bodyLine
      if bodyLine.count < AgeHeader.columnLimit { break }
    }
    guard let body = AgeBase64.decode(encodedBody, padded: false) else {
      throw AgeError.malformedHeader(line: lineNumber, .invalidBodyLine)
    }
    return AgeStanza(arguments: arguments, body: body, line: startLine)
  }

  private func parseMAC(_ line: [UInt8]) throws -> [UInt8] {
    let prefix = Array("--- ".utf8)
    guard line.starts(with: prefix), line.count == prefix.count + 43,
      let mac = AgeBase64.decode(line[prefix.count...], padded: false), mac.count == 32
    else {
      throw AgeError.malformedHeader(line: lineNumber, .invalidMACLine)
    }
    return mac
  }

  /// Reads the next line, records it for the MAC and enforces the size limit.
  private mutating func nextLine() throws -> [UInt8] {
    lineNumber += 1
    let remaining = AgeHeader.maxSize - bytesRead.count
    switch try reader.readLine(maxLength: remaining) {
    case .complete(let line):
      bytesRead += line
      bytesRead.append(0x0A)
      return line
    case .unterminated:
      throw AgeError.malformedHeader(line: lineNumber, .unexpectedEnd)
    case .tooLong:
      throw AgeError.headerTooLong(limit: AgeHeader.maxSize)
    }
  }
}
