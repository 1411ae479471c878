import Testing

@testable import Core

@Suite struct AgeEncryptorTests {
  static func pattern(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
  }

  @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 131_072, 200_001])
  func roundTripsAcrossChunkBoundaries(size: Int) throws {
    let identity = try X25519Identity.generate()
    let plaintext = Self.pattern(size)
    let file = try AgeEncryptor.encrypt(plaintext, to: [identity.recipient])
    let chunks = max(1, (size + 65_535) / 65_536)
    let headerLength = try Self.headerLength(file)
    #expect(file.count == headerLength + 16 + size + 16 * chunks)
    #expect(try AgeDecryptor.decrypt(file, identities: [identity]) == plaintext)
  }

  @Test func writesInArbitraryPieces() throws {
    let identity = try X25519Identity.generate()
    let plaintext = Self.pattern(300_000)
    var file: [UInt8] = []
    let encryptor = try AgeEncryptor(recipients: [identity.recipient]) { file += $0 }
    var offset = 0
    for size in [0, 1, 65_535, 1, 70_000, 3, 100_000] {
      try encryptor.write(Array(plaintext[offset..<offset + size]))
      offset += size
    }
    try encryptor.write(Array(plaintext[offset...]))
    try encryptor.finish()
    #expect(try AgeDecryptor.decrypt(file, identities: [identity]) == plaintext)
    #expect(throws: AgeError.writeAfterFinish) { try encryptor.write([1]) }
    #expect(throws: AgeError.writeAfterFinish) { try encryptor.finish() }
  }

  @Test func encryptsToEveryRecipient() throws {
    let first = try X25519Identity.generate()
    let second = try X25519Identity.generate()
    let plaintext = Array("two recipients".utf8)
    let file = try AgeEncryptor.encrypt(plaintext, to: [first.recipient, second.recipient])
    #expect(try AgeDecryptor.decrypt(file, identities: [first]) == plaintext)
    #expect(try AgeDecryptor.decrypt(file, identities: [second]) == plaintext)
  }

  @Test func armoredOutputRoundTrips() throws {
    let identity = try X25519Identity.generate()
    let plaintext = Self.pattern(100_000)
    let file = try AgeEncryptor.encrypt(plaintext, to: [identity.recipient], armored: true)
    let text = String(decoding: file, as: UTF8.self)
    #expect(text.hasPrefix("-----BEGIN AGE ENCRYPTED FILE-----\n"))
    #expect(text.hasSuffix("\n-----END AGE ENCRYPTED FILE-----\n"))
    let decryptor = try AgeDecryptor(input: BufferInput(file), identities: [identity])
    #expect(decryptor.isArmored)
    var decrypted: [UInt8] = []
    while let chunk = try decryptor.next() { decrypted += chunk }
    #expect(decrypted == plaintext)
  }

  @Test func scryptRecipientRoundTripsAndMustBeAlone() throws {
    let passphrase = SecretBytes(copying: Array("correct horse".utf8))
    let plaintext = Array("passphrase file".utf8)
    let file = try AgeEncryptor.encrypt(
      plaintext, to: [ScryptRecipient(passphrase: passphrase, logN: 10)])
    let identity = ScryptIdentity(passphrase: passphrase)
    #expect(try AgeDecryptor.decrypt(file, identities: [identity]) == plaintext)

    let wrong = ScryptIdentity(passphrase: SecretBytes(copying: Array("wrong".utf8)))
    #expect(throws: AgeError.noMatchingIdentity(stanzaTypes: ["scrypt"])) {
      _ = try AgeDecryptor.decrypt(file, identities: [wrong])
    }
    let other = try X25519Identity.generate()
    #expect(throws: AgeError.scryptRecipientNotAlone) {
      _ = try AgeEncryptor.encrypt(
        [], to: [ScryptRecipient(passphrase: passphrase), other.recipient])
    }
  }

  @Test func rejectsNoRecipients() {
    #expect(throws: AgeError.noRecipients) { _ = try AgeEncryptor.encrypt([1], to: []) }
  }

  @Test func sinkErrorStopsEncryption() throws {
    struct Full: Error {}
    let identity = try X25519Identity.generate()
    var calls = 0
    let encryptor = try AgeEncryptor(recipients: [identity.recipient]) { _ in
      calls += 1
      if calls > 1 { throw Full() }
    }
    #expect(throws: Full.self) { try encryptor.write(Self.pattern(200_000)) }
  }

  /// Returns the header length of `file`: up to and including the MAC line.
  static func headerLength(_ file: [UInt8]) throws -> Int {
    let marker = Array("\n--- ".utf8)
    let start = try #require(
      (0...(file.count - marker.count)).first { Array(file[$0..<$0 + marker.count]) == marker })
    return start + marker.count + 43 + 1
  }
}
