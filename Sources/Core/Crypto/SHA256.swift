import CSodium

/// A streaming SHA-256 hash (FIPS 180-4). Feed it with `update`, then call
/// `finalize` once.
public struct SHA256 {
  /// The digest length in bytes.
  public static let digestSize = Int(crypto_hash_sha256_BYTES)

  private var state = crypto_hash_sha256_state()

  public init() {
    Sodium.startIfPossible()
    crypto_hash_sha256_init(&state)
  }

  /// Adds `bytes` to the hashed message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    withNonNullBytes(bytes) { pointer, count in
      _ = crypto_hash_sha256_update(&state, pointer, UInt64(count))
    }
  }

  /// Adds `bytes` to the hashed message.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Returns the 32-byte digest of everything added so far.
  public mutating func finalize() -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Self.digestSize)
    crypto_hash_sha256_final(&state, &digest)
    return digest
  }

  /// Returns the digest of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }
}
