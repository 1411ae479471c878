import CSodium

/// A streaming HMAC-SHA-256 (RFC 2104) with a key of any length.
public struct HMACSHA256 {
  /// The tag length in bytes.
  public static let tagSize = Int(crypto_auth_hmacsha256_BYTES)

  private var state = crypto_auth_hmacsha256_state()

  /// Starts a MAC under `key`.
  public init(key: UnsafeRawBufferPointer) {
    Sodium.startIfPossible()
    withNonNullBytes(key) { pointer, count in
      _ = crypto_auth_hmacsha256_init(&state, pointer, count)
    }
  }

  /// Starts a MAC under `key`.
  public init(key: SecretBytes) {
    self = key.withUnsafeBytes { HMACSHA256(key: $0) }
  }

  /// Adds `bytes` to the authenticated message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    withNonNullBytes(bytes) { pointer, count in
      _ = crypto_auth_hmacsha256_update(&state, pointer, UInt64(count))
    }
  }

  /// Adds `bytes` to the authenticated message.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Returns the 32-byte tag and wipes the keyed state.
  public mutating func finalize() -> [UInt8] {
    var tag = [UInt8](repeating: 0, count: Self.tagSize)
    crypto_auth_hmacsha256_final(&state, &tag)
    withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress!, $0.count) }
    return tag
  }

  /// Returns the tag of `message` under `key`.
  public static func authenticate(_ message: [UInt8], key: SecretBytes) -> [UInt8] {
    var mac = HMACSHA256(key: key)
    mac.update(message)
    return mac.finalize()
  }

  /// Returns whether `tag` is the tag of the message so far, comparing in
  /// constant time.
  public mutating func verify(_ tag: [UInt8]) -> Bool {
    let expected = finalize()
    guard tag.count == expected.count else { return false }
    return sodium_memcmp(expected, tag, expected.count) == 0
  }
}
