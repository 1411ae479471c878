import Testing

@testable import Core

@Suite struct ChaCha20Poly1305Tests {
  // RFC 8439, section 2.8.2.
  static let key = CryptoTestSupport.secret(
    hex: "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
  static let nonce = CryptoTestSupport.bytes(hex: "070000004041424344454647")
  static let associatedData = CryptoTestSupport.bytes(hex: "50515253c0c1c2c3c4c5c6c7")
  static let plaintext = Array(
    ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
      + "future, sunscreen would be it.").utf8)
  static let sealed =
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69"
    + "da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad6759"
    + "45585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116"
    + "1ae10b594f09e26a7e902ecbd0600691"

  @Test func sealMatchesRFC8439() throws {
    let ciphertext = try ChaCha20Poly1305.seal(
      Self.plaintext, key: Self.key, nonce: Self.nonce, associatedData: Self.associatedData)
    #expect(CryptoTestSupport.hex(ciphertext) == Self.sealed)
  }

  @Test func openRecoversPlaintext() throws {
    let opened = try ChaCha20Poly1305.open(
      CryptoTestSupport.bytes(hex: Self.sealed), key: Self.key, nonce: Self.nonce,
      associatedData: Self.associatedData)
    #expect(opened == Self.plaintext)
  }

  @Test func openRejectsEveryFlippedByte() throws {
    let sealed = CryptoTestSupport.bytes(hex: Self.sealed)
    for index in sealed.indices {
      var tampered = sealed
      tampered[index] ^= 0x01
      #expect(throws: CryptoError.authenticationFailed) {
        _ = try ChaCha20Poly1305.open(
          tampered, key: Self.key, nonce: Self.nonce, associatedData: Self.associatedData)
      }
    }
  }

  @Test func openRejectsWrongAssociatedDataAndShortInput() {
    let sealed = CryptoTestSupport.bytes(hex: Self.sealed)
    #expect(throws: CryptoError.authenticationFailed) {
      _ = try ChaCha20Poly1305.open(sealed, key: Self.key, nonce: Self.nonce)
    }
    #expect(throws: CryptoError.authenticationFailed) {
      _ = try ChaCha20Poly1305.open(Array(sealed.prefix(15)), key: Self.key, nonce: Self.nonce)
    }
  }

  @Test func emptyPlaintextRoundTrips() throws {
    let sealed = try ChaCha20Poly1305.seal([], key: Self.key, nonce: Self.nonce)
    #expect(sealed.count == ChaCha20Poly1305.tagSize)
    #expect(try ChaCha20Poly1305.open(sealed, key: Self.key, nonce: Self.nonce) == [])
  }

  @Test func rejectsWrongKeyAndNonceLengths() {
    #expect(
      throws: CryptoError.invalidLength(what: "ChaCha20-Poly1305 key", expected: 32, actual: 16)
    ) {
      _ = try ChaCha20Poly1305.seal([1], key: SecretBytes(count: 16), nonce: Self.nonce)
    }
    #expect(
      throws: CryptoError.invalidLength(what: "ChaCha20-Poly1305 nonce", expected: 12, actual: 8)
    ) {
      _ = try ChaCha20Poly1305.seal([1], key: Self.key, nonce: [UInt8](repeating: 0, count: 8))
    }
  }
}

@Suite struct ChaCha20Poly1305SecretTests {
  @Test func secretRoundTripAndTamper() throws {
    let key = try SecretBytes.random(count: 32)
    let nonce = [UInt8](repeating: 0, count: 12)
    let fileKey = SecretBytes(copying: Array("YELLOW SUBMARINE".utf8))
    let wrapped = try ChaCha20Poly1305.seal(secret: fileKey, key: key, nonce: nonce)
    #expect(wrapped.count == 32)
    let unwrapped = try ChaCha20Poly1305.openSecret(wrapped, key: key, nonce: nonce)
    #expect(unwrapped.constantTimeEquals(fileKey))

    var tampered = wrapped
    tampered[0] ^= 0x80
    #expect(throws: CryptoError.authenticationFailed) {
      _ = try ChaCha20Poly1305.openSecret(tampered, key: key, nonce: nonce)
    }
  }
}
