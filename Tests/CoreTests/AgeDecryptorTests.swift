import Testing

@testable import Core

@Suite struct AgeDecryptorTests {
  static let identity = try! X25519Identity.generate()
  static let plaintext = Array("a short message for tampering tests".utf8)

  @Test func everyFlippedByteIsRejected() throws {
    let file = try AgeEncryptor.encrypt(Self.plaintext, to: [Self.identity.recipient])
    for index in file.indices {
      var tampered = file
      tampered[index] ^= 0x01
      #expect(throws: AgeError.self, "byte \(index)") {
        _ = try AgeDecryptor.decrypt(tampered, identities: [Self.identity])
      }
    }
  }

  @Test func everyFlippedByteOfArmorIsRejected() throws {
    let file = try AgeEncryptor.encrypt(
      Self.plaintext, to: [Self.identity.recipient], armored: true)
    for index in file.indices {
      var tampered = file
      tampered[index] ^= 0x01
      #expect(throws: AgeError.self, "byte \(index)") {
        _ = try AgeDecryptor.decrypt(tampered, identities: [Self.identity])
      }
    }
  }

  @Test func everyTruncationIsRejected() throws {
    let file = try AgeEncryptor.encrypt(
      AgeEncryptorTests.pattern(70_000), to: [Self.identity.recipient])
    for length in Array(0..<400) + [file.count - 70_000 - 33, 65_552 + 300, file.count - 1] {
      #expect(throws: AgeError.self, "length \(length)") {
        _ = try AgeDecryptor.decrypt(Array(file.prefix(length)), identities: [Self.identity])
      }
    }
  }

  @Test func trailingDataIsRejectedAfterReleasingLastChunk() throws {
    let file = try AgeEncryptor.encrypt(Self.plaintext, to: [Self.identity.recipient])
    #expect(throws: AgeError.payloadAuthenticationFailed(chunk: 0)) {
      _ = try AgeDecryptor.decrypt(file + [0], identities: [Self.identity])
    }
    let full = AgeEncryptorTests.pattern(65_536)
    let fullFile = try AgeEncryptor.encrypt(full, to: [Self.identity.recipient])
    let decryptor = try AgeDecryptor(
      input: BufferInput(fullFile + [1, 2]), identities: [Self.identity])
    #expect(try decryptor.next() == full)
    #expect(throws: AgeError.trailingData(afterChunk: 0)) { _ = try decryptor.next() }
    #expect(throws: AgeError.trailingData(afterChunk: 0)) { _ = try decryptor.next() }
  }

  @Test func wrongIdentityReportsStanzaTypes() throws {
    let file = try AgeEncryptor.encrypt(Self.plaintext, to: [Self.identity.recipient])
    let other = try X25519Identity.generate()
    #expect(throws: AgeError.noMatchingIdentity(stanzaTypes: ["X25519"])) {
      _ = try AgeDecryptor.decrypt(file, identities: [other])
    }
    #expect(try AgeDecryptor.decrypt(file, identities: [other, Self.identity]) == Self.plaintext)
  }

  @Test func unknownStanzasAreIgnored() throws {
    let fileKey = try SecretBytes.random(count: 16)
    let stanzas =
      [AgeStanza(arguments: ["grease", "x"], body: [1, 2, 3])]
      + (try Self.identity.recipient.wrap(fileKey: fileKey))
      + [AgeStanza(arguments: ["x25519", "lower"], body: [])]
    let header = try AgeHeader.encode(stanzas: stanzas, fileKey: fileKey)
    let file = try header + Self.payload(Self.plaintext, fileKey: fileKey)
    #expect(try AgeDecryptor.decrypt(file, identities: [Self.identity]) == Self.plaintext)
  }

  @Test func malformedX25519StanzaIsRejectedEvenWithAMatch() throws {
    let fileKey = try SecretBytes.random(count: 16)
    let good = try Self.identity.recipient.wrap(fileKey: fileKey)
    let bad = AgeStanza(arguments: ["X25519", "AAAA"], body: [UInt8](repeating: 0, count: 32))
    let header = try AgeHeader.encode(stanzas: [bad] + good, fileKey: fileKey)
    let file = try header + Self.payload(Self.plaintext, fileKey: fileKey)
    #expect(throws: AgeError.invalidStanza(type: "X25519", line: 2, .invalidShare)) {
      _ = try AgeDecryptor.decrypt(file, identities: [Self.identity])
    }
  }

  @Test func armorModeForbiddenReadsArmorAsBinary() throws {
    let file = try AgeEncryptor.encrypt(
      Self.plaintext, to: [Self.identity.recipient], armored: true)
    #expect(throws: AgeError.malformedHeader(line: 1, .missingVersionLine)) {
      _ = try AgeDecryptor.decrypt(file, identities: [Self.identity], armor: .forbidden)
    }
    let binary = try AgeEncryptor.encrypt(Self.plaintext, to: [Self.identity.recipient])
    #expect(throws: AgeError.invalidArmor(line: 1, .invalidBeginLine)) {
      _ = try AgeDecryptor.decrypt(binary, identities: [Self.identity], armor: .required)
    }
  }

  /// A small deterministic generator (SplitMix64), so that a failing
  /// mutation can be reproduced.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test(arguments: [false, true])
  func randomMutationsFailCleanly(armored: Bool) throws {
    let plaintext = AgeEncryptorTests.pattern(70_000)
    let file = try AgeEncryptor.encrypt(
      plaintext, to: [Self.identity.recipient], armored: armored)
    var generator = SplitMix64(state: armored ? 2 : 1)
    for round in 0..<300 {
      var mutated = file
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let position = Int.random(in: 0..<mutated.count, using: &generator)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: mutated[position] = UInt8.random(in: 0...255, using: &generator)
        case 1: mutated.remove(at: position)
        case 2: mutated.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        default: mutated.removeLast(Int.random(in: 0..<min(100, mutated.count), using: &generator))
        }
      }
      guard mutated != file else { continue }
      // Armor allows whitespace around the block, so a mutation there may
      // still decrypt, but only to the original plaintext.
      do {
        let result = try AgeDecryptor.decrypt(mutated, identities: [Self.identity])
        #expect(armored, "round \(round): a mutated binary file decrypted")
        #expect(result == plaintext, "round \(round)")
      } catch is AgeError {
      } catch {
        Issue.record("round \(round): unexpected error \(error)")
      }
    }
  }

  /// Returns a payload (nonce and one final chunk) for `plaintext`.
  static func payload(_ plaintext: [UInt8], fileKey: SecretBytes) throws -> [UInt8] {
    let nonce = try SecureRandom.bytes(count: 16)
    var stream = try PayloadStream(fileKey: fileKey, nonce: nonce)
    var buffer = plaintext + [UInt8](repeating: 0, count: 16)
    let count = try buffer.withUnsafeMutableBytes {
      try stream.seal($0, count: plaintext.count, isFinal: true)
    }
    return nonce + buffer.prefix(count)
  }
}
