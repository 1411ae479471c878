import CSodium

/// The X25519 Diffie-Hellman function of RFC 7748.
public enum X25519 {
  public static let keySize = Int(crypto_scalarmult_curve25519_BYTES)

  /// Returns a new random secret key.
  public static func generateSecretKey() throws -> SecretBytes {
    try SecretBytes.random(count: keySize)
  }

  /// Returns the public key X25519(secret, basepoint).
  public static func publicKey(for secretKey: SecretBytes) throws -> [UInt8] {
    try checkSize(secretKey.count, "X25519 secret key")
    var publicKey = [UInt8](repeating: 0, count: keySize)
    let status = secretKey.withUnsafeBytes {
      crypto_scalarmult_curve25519_base(
        &publicKey, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    guard status == 0 else { throw CryptoError.operationFailed("x25519 base") }
    return publicKey
  }

  /// Returns X25519(secret, peer). Throws `CryptoError.lowOrderPoint` when
  /// the result is all zeros, as RFC 7748 section 6.1 allows and age
  /// requires.
  public static func sharedSecret(secretKey: SecretBytes, peerPublicKey: [UInt8]) throws
    -> SecretBytes
  {
    try checkSize(secretKey.count, "X25519 secret key")
    try checkSize(peerPublicKey.count, "X25519 public key")
    Sodium.startIfPossible()
    let shared = SecretBytes(count: keySize)
    // libsodium returns -1 when the output is all zeros.
    let status = shared.withUnsafeMutableBytes { output in
      secretKey.withUnsafeBytes { secret in
        crypto_scalarmult_curve25519(
          output.baseAddress!.assumingMemoryBound(to: UInt8.self),
          secret.baseAddress!.assumingMemoryBound(to: UInt8.self), peerPublicKey)
      }
    }
    let allZero = shared.withUnsafeBytes {
      sodium_is_zero($0.baseAddress!.assumingMemoryBound(to: UInt8.self), $0.count) == 1
    }
    guard status == 0, !allZero else { throw CryptoError.lowOrderPoint }
    return shared
  }

  private static func checkSize(_ count: Int, _ what: String) throws {
    guard count == keySize else {
      throw CryptoError.invalidLength(what: what, expected: keySize, actual: count)
    }
  }
}
