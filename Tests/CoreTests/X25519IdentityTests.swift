import Testing

@testable import Core

@Suite struct X25519IdentityTests {
  // The example keys of the age specification (c2sp.org/age).
  static let specIdentity =
    "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
  static let specRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

  @Test func specExampleDerivesItsRecipient() throws {
    let identity = try X25519Identity(Self.specIdentity)
    #expect(identity.recipient.description == Self.specRecipient)
    #expect(identity.encodedSecretKey() == Self.specIdentity)
    #expect(try X25519Recipient(Self.specRecipient) == identity.recipient)
  }

  @Test func generatedIdentityRoundTrips() throws {
    let identity = try X25519Identity.generate()
    let text = identity.encodedSecretKey()
    #expect(text.hasPrefix("AGE-SECRET-KEY-1"))
    #expect(text.count == 74)
    let parsed = try X25519Identity(text)
    #expect(parsed.recipient == identity.recipient)
  }

  @Test func rejectsLowerCaseAndWrongPrefix() throws {
    #expect(
      throws: AgeError.invalidIdentity(
        source: "input", line: 1, .wrongPrefix(expected: "AGE-SECRET-KEY-1"))
    ) {
      _ = try X25519Identity(Self.specIdentity.lowercased())
    }
    #expect(
      throws: AgeError.invalidIdentity(
        source: "input", line: 1, .wrongPrefix(expected: "AGE-SECRET-KEY-1"))
    ) {
      _ = try X25519Identity(Self.specRecipient.uppercased())
    }
  }

  @Test func rejectsWrongLengthAndChecksum() throws {
    let short = Bech32.encode(hrp: "AGE-SECRET-KEY-", data: [1, 2, 3], uppercase: true)
    #expect(
      throws: AgeError.invalidIdentity(
        source: "k.txt", line: 3, .wrongLength(expected: 32, actual: 3))
    ) {
      _ = try X25519Identity(short, source: "k.txt", line: 3)
    }
    var broken = Array(Self.specIdentity)
    broken[20] = broken[20] == "Q" ? "P" : "Q"
    #expect(throws: AgeError.invalidIdentity(source: "input", line: 1, .bech32(.invalidChecksum))) {
      _ = try X25519Identity(String(broken))
    }
  }

  @Test func errorMessageNeverContainsTheKey() {
    var broken = Array(Self.specIdentity)
    broken[30] = broken[30] == "Q" ? "P" : "Q"
    do {
      _ = try X25519Identity(String(broken), source: "id.txt", line: 2)
      Issue.record("a damaged identity was accepted")
    } catch let error as AgeError {
      #expect(
        error.message == "invalid age identity at id.txt:2: not valid Bech32: checksum mismatch")
      #expect(!error.message.contains("GFPYYSJZ"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
