import CSodium

/// Random bytes from the operating system's secure source, through
/// libsodium (`getrandom(2)` on Linux).
public enum SecureRandom {
  /// Fills `buffer` with random bytes.
  public static func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
    try Sodium.start()
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    randombytes_buf(base, buffer.count)
  }

  /// Returns `count` random bytes, for values that need no wiping such as
  /// nonces and salts. Use `SecretBytes.random(count:)` for keys.
  public static func bytes(count: Int) throws -> [UInt8] {
    var result = [UInt8](repeating: 0, count: count)
    try result.withUnsafeMutableBytes { try fill($0) }
    return result
  }
}
