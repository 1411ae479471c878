import Testing

@testable import Core

@Suite struct AgeHeaderParserTests {
  static let mac = String(repeating: "A", count: 43)
  static let share = "TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc"
  static let body = "hjabGXwSLQ9c3S6Lw2i+S2Tu2fiwQHHslbBN6B41FLE"

  static func parse(_ text: String) throws -> AgeHeader {
    var parser = AgeHeaderParser(reader: BufferedInput(BufferInput(Array(text.utf8))))
    return try parser.parse()
  }

  static func header(_ stanzaLines: String, mac: String = AgeHeaderParserTests.mac) -> String {
    "age-encryption.org/v1\n" + stanzaLines + "--- " + mac + "\n"
  }

  @Test func parsesStanzasAndLeavesPayload() throws {
    let text = Self.header("-> X25519 \(Self.share)\n\(Self.body)\n-> grease a b\n\n") + "PAYLOAD"
    let input = BufferedInput(BufferInput(Array(text.utf8)))
    var parser = AgeHeaderParser(reader: input)
    let header = try parser.parse()
    #expect(header.stanzas.count == 2)
    #expect(header.stanzas[0].arguments == ["X25519", Self.share])
    #expect(header.stanzas[0].body.count == 32)
    #expect(header.stanzas[0].line == 2)
    #expect(header.stanzas[1].arguments == ["grease", "a", "b"])
    #expect(header.stanzas[1].body == [])
    #expect(header.stanzas[1].line == 4)
    #expect(header.mac == [UInt8](repeating: 0, count: 32))
    #expect(header.authenticatedBytes == Array(text.utf8.prefix(text.utf8.count - 7 - 45)))

    var rest = [UInt8](repeating: 0, count: 16)
    let count = try rest.withUnsafeMutableBytes { try input.readFully(into: $0) }
    #expect(Array(rest[0..<count]) == Array("PAYLOAD".utf8))
  }

  @Test func parsesMultiLineBody() throws {
    let full = String(repeating: "A", count: 64)
    let header = try Self.parse(Self.header("-> t\n\(full)\n\(full)\nAAAA\n"))
    #expect(header.stanzas[0].body.count == 48 * 2 + 3)
  }

  @Test(arguments: [
    ("", AgeError.malformedHeader(line: 1, .unexpectedEnd)),
    ("age-encryption.org/v1", .malformedHeader(line: 1, .unexpectedEnd)),
    ("age-encryption.org/v2\n", .unsupportedVersion("age-encryption.org/v2")),
    ("age-encryption.org/v1\r\n", .malformedHeader(line: 1, .carriageReturn)),
    ("AGE-ENCRYPTION.ORG/V1\n", .malformedHeader(line: 1, .missingVersionLine)),
    (header(""), .malformedHeader(line: 2, .missingStanzas)),
    (header("->X25519\n\n"), .malformedHeader(line: 2, .invalidStanzaStart)),
    (header("-> \n\n"), .malformedHeader(line: 2, .invalidArgument(index: 1))),
    (header("-> a  b\n\n"), .malformedHeader(line: 2, .invalidArgument(index: 2))),
    (header("-> a b\u{7F}\n\n"), .malformedHeader(line: 2, .invalidArgument(index: 2))),
    (
      header("-> a\n" + String(repeating: "A", count: 65) + "\n"),
      .malformedHeader(line: 3, .bodyLineTooLong(length: 65))
    ),
    (header("-> a\nAAA=\n"), .malformedHeader(line: 3, .invalidBodyLine)),
    (header("-> a\nAB\n"), .malformedHeader(line: 3, .invalidBodyLine)),
    (header("-> a\nAA\nAA\n"), .malformedHeader(line: 4, .invalidStanzaStart)),
    (
      header("-> a\n" + String(repeating: "A", count: 64) + "\n"),
      .malformedHeader(line: 4, .invalidBodyLine)
    ),
    (header("-> a\n\n", mac: "A"), .malformedHeader(line: 4, .invalidMACLine)),
    (header("-> a\n\n", mac: mac + " "), .malformedHeader(line: 4, .invalidMACLine)),
    (
      header("-> a\n\n", mac: String(mac.dropLast()) + "B"),
      .malformedHeader(line: 4, .invalidMACLine)
    ),
    ("age-encryption.org/v1\n-> a\n\n---" + mac + "\n", .malformedHeader(line: 4, .invalidMACLine)),
  ])
  func rejectsMalformedHeader(text: String, expected: AgeError) {
    #expect(throws: expected) { _ = try Self.parse(text) }
  }

  @Test func rejectsHeaderOverSizeLimit() {
    let argument = String(repeating: "x", count: 1000)
    var text = "age-encryption.org/v1\n"
    for _ in 0..<1100 { text += "-> \(argument)\n\n" }
    #expect(throws: AgeError.headerTooLong(limit: AgeHeader.maxSize)) { _ = try Self.parse(text) }
  }

  @Test func encodedStanzaWrapsAt64Columns() {
    let stanza = AgeStanza(arguments: ["t", "x"], body: [UInt8](repeating: 0xFF, count: 48))
    let lines = String(decoding: stanza.encoded(), as: UTF8.self)
    #expect(lines == "-> t x\n" + String(repeating: "/", count: 64) + "\n\n")
    let short = AgeStanza(arguments: ["t"], body: [0xFF])
    #expect(String(decoding: short.encoded(), as: UTF8.self) == "-> t\n/w\n")
  }
}
