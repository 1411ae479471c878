import Testing

@testable import Core

@Suite struct X25519RecipientTests {
  static let recipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

  @Test func parsesAndPrints() throws {
    let parsed = try X25519Recipient(Self.recipient)
    #expect(parsed.publicKey.count == 32)
    #expect(parsed.description == Self.recipient)
  }

  @Test func rejectsMalformedStrings() {
    #expect(throws: AgeError.invalidRecipient("age1zvk", .bech32(.tooShortForChecksum))) {
      _ = try X25519Recipient("age1zvk")
    }
    let wrongHRP = Bech32.encode(hrp: "bge", data: [UInt8](repeating: 1, count: 32))
    #expect(throws: AgeError.invalidRecipient(wrongHRP, .wrongPrefix(expected: "age1"))) {
      _ = try X25519Recipient(wrongHRP)
    }
    let short = Bech32.encode(hrp: "age", data: [UInt8](repeating: 1, count: 31))
    #expect(throws: AgeError.invalidRecipient(short, .wrongLength(expected: 32, actual: 31))) {
      _ = try X25519Recipient(short)
    }
    let mixed = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwJ"
    #expect(throws: AgeError.invalidRecipient(mixed, .bech32(.mixedCase))) {
      _ = try X25519Recipient(mixed)
    }
  }

  @Test func rejectsPostQuantumRecipientAsUnsupported() {
    let hybrid = Bech32.encode(hrp: "age1pq", data: [UInt8](repeating: 7, count: 40))
    #expect(throws: AgeError.unsupportedRecipientType(hybrid)) {
      _ = try X25519Recipient(hybrid)
    }
  }

  @Test func wrapProducesFreshTwoArgumentStanzas() throws {
    let recipient = try X25519Recipient(Self.recipient)
    let fileKey = try SecretBytes.random(count: 16)
    let first = try recipient.wrap(fileKey: fileKey)
    let second = try recipient.wrap(fileKey: fileKey)
    #expect(first.count == 1)
    #expect(first[0].arguments.count == 2)
    #expect(first[0].type == "X25519")
    #expect(first[0].body.count == 32)
    #expect(first[0].arguments[1] != second[0].arguments[1])
  }
}
