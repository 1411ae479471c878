import Glibc
import Testing

@testable import Core

@Suite struct AgeKeyFileTests {
  static let identity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
  static let recipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

  @Test func parsesIdentitiesSkippingCommentsAndBlanks() throws {
    let other = try X25519Identity.generate()
    let text = "# created: x\r\n\r\n  \(Self.identity)  \r\n# note\n\t\(other.encodedSecretKey())\n"
    let identities = try AgeKeyFile.parseIdentities(text, source: "keys.txt")
    #expect(identities.count == 2)
    #expect(identities[0].recipient.description == Self.recipient)
    #expect(identities[1].recipient == other.recipient)
  }

  @Test func reportsLineOfBadIdentity() {
    let text = "# comment\n\(Self.identity)\nAGE-SECRET-KEY-1QQQQQQQQQ\n"
    #expect(throws: AgeError.invalidIdentity(source: "k", line: 3, .bech32(.invalidChecksum))) {
      _ = try AgeKeyFile.parseIdentities(text, source: "k")
    }
  }

  @Test func rejectsEmptyAndUnsupportedFiles() {
    #expect(throws: AgeError.noIdentities(source: "k")) {
      _ = try AgeKeyFile.parseIdentities("# only a comment\n\n", source: "k")
    }
    #expect(throws: AgeError.unsupportedIdentityType(source: "k", line: 1, prefix: "AGE-PLUGIN-")) {
      _ = try AgeKeyFile.parseIdentities("AGE-PLUGIN-YUBIKEY-1XYZ\n", source: "k")
    }
  }

  @Test func parsesRecipients() throws {
    let recipients = try AgeKeyFile.parseRecipients("# vendor\n\(Self.recipient)\n\n")
    #expect(recipients.map(\.description) == [Self.recipient])
  }

  @Test func identityFileTextMatchesAgeKeygenLayout() throws {
    let identity = try X25519Identity(Self.identity)
    let text = AgeKeyFile.identityFileText(
      for: identity, unixSeconds: 1_780_000_000, utcOffsetSeconds: 3600)
    #expect(
      text == "# created: 2026-05-28T21:26:40+01:00\n# public key: \(Self.recipient)\n"
        + Self.identity + "\n")
  }

  @Test(arguments: [
    (0, 0, "1970-01-01T00:00:00Z"), (1_780_000_000, 0, "2026-05-28T20:26:40Z"),
    (1_780_000_000, -19_800, "2026-05-28T14:56:40-05:30"), (-1, 0, "1969-12-31T23:59:59Z"),
  ])
  func formatsRFC3339(seconds: Int, offset: Int, expected: String) {
    #expect(AgeKeyFile.rfc3339(unixSeconds: seconds, utcOffsetSeconds: offset) == expected)
  }

  @Test func createsPrivateFileOnceWithMode0600() throws {
    let directory = try AgeTestSupport.makeTemporaryDirectory()
    defer { AgeTestSupport.removeDirectory(directory) }
    let path = directory + "/key.txt"
    try AgeKeyFile.createPrivateFile(at: path, text: "secret\n")
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(try AgeKeyFile.readFile(at: path) == "secret\n")
    #expect(throws: AgeError.fileExists(path: path)) {
      try AgeKeyFile.createPrivateFile(at: path, text: "other\n")
    }
    #expect(try AgeKeyFile.readFile(at: path) == "secret\n")
  }

  @Test func loadsIdentitiesFromFile() throws {
    let directory = try AgeTestSupport.makeTemporaryDirectory()
    defer { AgeTestSupport.removeDirectory(directory) }
    let path = directory + "/key.txt"
    let identity = try X25519Identity(Self.identity)
    let text = AgeKeyFile.identityFileText(for: identity, unixSeconds: 0, utcOffsetSeconds: 0)
    try AgeKeyFile.createPrivateFile(at: path, text: text)
    let loaded = try AgeKeyFile.loadIdentities(at: path)
    #expect(loaded.map(\.recipient.description) == [Self.recipient])
  }

  @Test func readRejectsMissingAndOversizedFiles() throws {
    #expect(throws: AgeError.openFailed(path: "/nonexistent/k", errno: ENOENT)) {
      _ = try AgeKeyFile.readFile(at: "/nonexistent/k")
    }
    let big = [UInt8](repeating: 0x41, count: AgeKeyFile.maxFileSize + 1)
    #expect(throws: AgeError.inputTooLarge(path: "big", limit: AgeKeyFile.maxFileSize)) {
      _ = try AgeKeyFile.readAll(BufferInput(big), name: "big")
    }
  }
}
