/// A failure in one of the libsodium wrappers.
public enum CryptoError: MedmonError, Equatable {
  /// `sodium_init()` failed, so no key or random value can be made.
  case libraryUnavailable
  /// A key, nonce or other fixed-size value has the wrong length.
  case invalidLength(what: String, expected: Int, actual: Int)
  /// An AEAD tag or a signature did not verify.
  case authenticationFailed
  /// An X25519 exchange produced the all-zero shared secret, which means
  /// the peer's public key is a low-order point.
  case lowOrderPoint
  /// scrypt refused its parameters or could not allocate its memory.
  case scryptFailed(logN: Int)
  /// A function that libsodium documents as infallible returned an error.
  case operationFailed(String)

  public var message: String {
    switch self {
    case .libraryUnavailable:
      return "libsodium could not be initialized"
    case .invalidLength(let what, let expected, let actual):
      return "invalid \(what) length: expected \(expected) bytes, got \(actual)"
    case .authenticationFailed:
      return "authentication failed: the data or the key is wrong"
    case .lowOrderPoint:
      return "the X25519 public key is a low-order point"
    case .scryptFailed(let logN):
      return "scrypt failed with work factor 2^\(logN): out of memory or invalid parameters"
    case .operationFailed(let name):
      return "libsodium operation '\(name)' failed"
    }
  }
}
