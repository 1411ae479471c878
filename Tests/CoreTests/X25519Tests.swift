import Testing

@testable import Core

@Suite struct X25519Tests {
  // RFC 7748, section 6.1.
  static let alicePrivate = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
  static let alicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
  static let bobPrivate = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"
  static let bobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
  static let shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"

  @Test func publicKeysMatchRFC7748() throws {
    let alice = try X25519.publicKey(for: CryptoTestSupport.secret(hex: Self.alicePrivate))
    let bob = try X25519.publicKey(for: CryptoTestSupport.secret(hex: Self.bobPrivate))
    #expect(CryptoTestSupport.hex(alice) == Self.alicePublic)
    #expect(CryptoTestSupport.hex(bob) == Self.bobPublic)
  }

  @Test func sharedSecretIsSymmetric() throws {
    let fromAlice = try X25519.sharedSecret(
      secretKey: CryptoTestSupport.secret(hex: Self.alicePrivate),
      peerPublicKey: CryptoTestSupport.bytes(hex: Self.bobPublic))
    let fromBob = try X25519.sharedSecret(
      secretKey: CryptoTestSupport.secret(hex: Self.bobPrivate),
      peerPublicKey: CryptoTestSupport.bytes(hex: Self.alicePublic))
    #expect(CryptoTestSupport.hex(fromAlice.exposedCopy()) == Self.shared)
    #expect(fromAlice.constantTimeEquals(fromBob))
  }

  @Test(arguments: [
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000000",
    "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
  ])
  func rejectsLowOrderPoints(point: String) {
    #expect(throws: CryptoError.lowOrderPoint) {
      _ = try X25519.sharedSecret(
        secretKey: CryptoTestSupport.secret(hex: Self.alicePrivate),
        peerPublicKey: CryptoTestSupport.bytes(hex: point))
    }
  }

  @Test func generatedKeysAgree() throws {
    let first = try X25519.generateSecretKey()
    let second = try X25519.generateSecretKey()
    #expect(!first.constantTimeEquals(second))
    let firstShared = try X25519.sharedSecret(
      secretKey: first, peerPublicKey: try X25519.publicKey(for: second))
    let secondShared = try X25519.sharedSecret(
      secretKey: second, peerPublicKey: try X25519.publicKey(for: first))
    #expect(firstShared.constantTimeEquals(secondShared))
  }

  @Test func rejectsShortPublicKey() {
    #expect(throws: CryptoError.invalidLength(what: "X25519 public key", expected: 32, actual: 31))
    {
      _ = try X25519.sharedSecret(
        secretKey: CryptoTestSupport.secret(hex: Self.alicePrivate),
        peerPublicKey: [UInt8](repeating: 9, count: 31))
    }
  }
}
