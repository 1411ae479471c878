import Testing

@testable import Core

@Suite struct Ed25519Tests {
  // RFC 8032, section 7.1, test 1 (empty message).
  static let seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
  static let publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
  static let signature =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"

  @Test func keyPairAndSignatureMatchRFC8032() throws {
    let keyPair = try Ed25519(seed: CryptoTestSupport.secret(hex: Self.seed))
    #expect(CryptoTestSupport.hex(keyPair.publicKey) == Self.publicKey)
    #expect(CryptoTestSupport.hex(try keyPair.sign([])) == Self.signature)
  }

  @Test func verifyAcceptsValidAndRejectsTampered() throws {
    let (keyPair, _) = try Ed25519.generate()
    let message = Array("manifest".utf8)
    let signature = try keyPair.sign(message)
    #expect(Ed25519.verify(signature: signature, message: message, publicKey: keyPair.publicKey))

    var badSignature = signature
    badSignature[10] ^= 0x40
    #expect(
      !Ed25519.verify(signature: badSignature, message: message, publicKey: keyPair.publicKey))
    #expect(
      !Ed25519.verify(signature: signature, message: message + [0], publicKey: keyPair.publicKey))
    let other = try Ed25519.generate().keyPair
    #expect(!Ed25519.verify(signature: signature, message: message, publicKey: other.publicKey))
    #expect(!Ed25519.verify(signature: [], message: message, publicKey: keyPair.publicKey))
  }

  @Test func seedDeterminesKeyPair() throws {
    let (first, seed) = try Ed25519.generate()
    let again = try Ed25519(seed: seed)
    #expect(first.publicKey == again.publicKey)
    #expect(try first.sign([1, 2, 3]) == again.sign([1, 2, 3]))
  }

  @Test func rejectsShortSeed() {
    #expect(throws: CryptoError.invalidLength(what: "Ed25519 seed", expected: 32, actual: 16)) {
      _ = try Ed25519(seed: SecretBytes(count: 16))
    }
  }
}
