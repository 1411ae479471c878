import CSodium

/// Ed25519 signatures (RFC 8032), as libsodium implements them.
public struct Ed25519 {
  public static let seedSize = Int(crypto_sign_ed25519_SEEDBYTES)
  public static let publicKeySize = Int(crypto_sign_ed25519_PUBLICKEYBYTES)
  public static let signatureSize = Int(crypto_sign_ed25519_BYTES)

  /// The 32-byte public key.
  public let publicKey: [UInt8]
  /// libsodium's 64-byte secret key: the seed followed by the public key.
  private let secretKey: SecretBytes

  /// Derives the key pair from a 32-byte seed; the same seed always gives
  /// the same pair.
  public init(seed: SecretBytes) throws {
    guard seed.count == Self.seedSize else {
      throw CryptoError.invalidLength(
        what: "Ed25519 seed", expected: Self.seedSize, actual: seed.count)
    }
    Sodium.startIfPossible()
    var publicKey = [UInt8](repeating: 0, count: Self.publicKeySize)
    let secretKey = SecretBytes(count: Int(crypto_sign_ed25519_SECRETKEYBYTES))
    let status = secretKey.withUnsafeMutableBytes { secret in
      seed.withUnsafeBytes { seedBytes in
        crypto_sign_ed25519_seed_keypair(
          &publicKey, secret.baseAddress!.assumingMemoryBound(to: UInt8.self),
          seedBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
      }
    }
    guard status == 0 else { throw CryptoError.operationFailed("ed25519 seed keypair") }
    self.publicKey = publicKey
    self.secretKey = secretKey
  }

  /// Creates a key pair from a new random seed, returned with it so the
  /// caller can store it.
  public static func generate() throws -> (keyPair: Ed25519, seed: SecretBytes) {
    try Sodium.start()
    let seed = try SecretBytes.random(count: seedSize)
    return (try Ed25519(seed: seed), seed)
  }

  /// Returns the 64-byte detached signature of `message`.
  public func sign(_ message: [UInt8]) throws -> [UInt8] {
    var signature = [UInt8](repeating: 0, count: Self.signatureSize)
    let status = secretKey.withUnsafeBytes { secret in
      withNonNullBytes(message) { pointer, count in
        crypto_sign_ed25519_detached(
          &signature, nil, pointer, UInt64(count),
          secret.baseAddress!.assumingMemoryBound(to: UInt8.self))
      }
    }
    guard status == 0 else { throw CryptoError.operationFailed("ed25519 sign") }
    return signature
  }

  /// Returns whether `signature` is a valid signature of `message` under
  /// `publicKey`. Wrong lengths are simply invalid.
  public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
    guard signature.count == signatureSize, publicKey.count == publicKeySize else {
      return false
    }
    Sodium.startIfPossible()
    return withNonNullBytes(message) { pointer, count in
      crypto_sign_ed25519_verify_detached(signature, pointer, UInt64(count), publicKey) == 0
    }
  }
}
