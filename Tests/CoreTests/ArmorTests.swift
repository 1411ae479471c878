import Testing

@testable import Core

@Suite struct ArmorTests {
  static func armor(_ bytes: [UInt8]) throws -> String {
    var output: [UInt8] = []
    let encoder = ArmorEncoder { output.append(contentsOf: $0) }
    try bytes.withUnsafeBytes { try encoder.write($0) }
    try encoder.finish()
    return String(decoding: output, as: UTF8.self)
  }

  static func dearmor(_ text: String) throws -> [UInt8] {
    let decoder = try ArmorDecoder(reader: BufferedInput(BufferInput(Array(text.utf8))))
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 100)
    while true {
      let count = try buffer.withUnsafeMutableBytes { try decoder.read(into: $0) }
      if count == 0 { return result }
      result += buffer[0..<count]
    }
  }

  @Test func writesStrictPEM() throws {
    let text = try Self.armor(Array(repeating: 0, count: 49))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "-----BEGIN AGE ENCRYPTED FILE-----")
    #expect(lines[1] == Substring(String(repeating: "A", count: 64)))
    #expect(lines[2] == "AA==")
    #expect(lines[3] == "-----END AGE ENCRYPTED FILE-----")
    #expect(lines[4] == "")
    #expect(lines.count == 5)
  }

  @Test func roundTripsLengthsAroundLineBoundaries() throws {
    for length in [0, 1, 2, 3, 47, 48, 49, 95, 96, 97, 1000, 48 * 600 + 5] {
      let bytes = try SecureRandom.bytes(count: length)
      #expect(try Self.dearmor(Self.armor(bytes)) == bytes, "length \(length)")
    }
  }

  @Test func acceptsCRLFAndSurroundingWhitespace() throws {
    let bytes = Array("hello armor".utf8)
    let text = try Self.armor(bytes)
    let crlf = text.replacingOccurrences("\n", "\r\n")
    #expect(try Self.dearmor(crlf) == bytes)
    #expect(try Self.dearmor(" \t\r\n\n" + text + "\n \t\r\n") == bytes)
    #expect(try Self.dearmor(String(text.dropLast())) == bytes)
  }

  static let full = String(repeating: "A", count: 64)
  static let begin = "-----BEGIN AGE ENCRYPTED FILE-----\n"
  static let end = "-----END AGE ENCRYPTED FILE-----\n"

  @Test(arguments: [
    ("garbage\n" + begin + "AAAA\n" + end, AgeError.invalidArmor(line: 1, .invalidBeginLine)),
    ("-----BEGIN AGE ENCRYPTED MESSAGE-----\nAAAA\n", .invalidArmor(line: 1, .invalidBeginLine)),
    (begin + "AAAA\n", .invalidArmor(line: 3, .missingEndLine)),
    (begin + "AAAA\n" + end + "x\n", .invalidArmor(line: 4, .trailingData)),
    (begin + "\n" + "AAAA\n" + end, .invalidArmor(line: 2, .emptyLine)),
    (begin + full + "\n\n" + end, .invalidArmor(line: 3, .emptyLine)),
    (begin + full + "A\n" + end, .invalidArmor(line: 2, .lineTooLong)),
    (begin + "AAAA\nAAAA\n" + end, .invalidArmor(line: 3, .dataAfterFinalLine)),
    (begin + "AA=A\n" + end, .invalidArmor(line: 2, .invalidPadding)),
    (begin + "AB==\n" + end, .invalidArmor(line: 2, .invalidPadding)),
    (begin + "AA\n" + end, .invalidArmor(line: 2, .invalidPadding)),
    (begin + "AA A\n" + end, .invalidArmor(line: 2, .invalidCharacter)),
    (begin + "AAAA\r\n" + end, .invalidArmor(line: 2, .mixedLineEndings)),
    (
      "-----BEGIN AGE ENCRYPTED FILE-----\r\nAAAA\n" + end,
      .invalidArmor(line: 2, .mixedLineEndings)
    ),
    (
      begin + "AAAA\n-----END AGE ENCRYPTED FILE-----\r\n",
      .invalidArmor(line: 3, .mixedLineEndings)
    ),
  ])
  func rejectsNonCanonicalArmor(text: String, expected: AgeError) {
    #expect(throws: expected) { _ = try Self.dearmor(text) }
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
