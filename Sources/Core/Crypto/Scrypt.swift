import CSodium

/// The scrypt key derivation function of RFC 7914.
public enum Scrypt {
  /// Returns `count` bytes derived from `password` and `salt` with
  /// N = 2^logN and the given r and p. Memory use is 128 * r * N bytes,
  /// which is 256 MiB for logN = 18 and r = 8.
  public static func deriveKey(
    password: [UInt8], salt: [UInt8], logN: Int, r: Int = 8, p: Int = 1, count: Int = 32
  ) throws -> SecretBytes {
    guard (1...62).contains(logN), r > 0, p > 0 else { throw CryptoError.scryptFailed(logN: logN) }
    Sodium.startIfPossible()
    let output = SecretBytes(count: count)
    let status = output.withUnsafeMutableBytes { key in
      withNonNullBytes(password) { passwordPointer, passwordCount in
        withNonNullBytes(salt) { saltPointer, saltCount in
          crypto_pwhash_scryptsalsa208sha256_ll(
            passwordPointer, passwordCount, saltPointer, saltCount, UInt64(1) << UInt64(logN),
            UInt32(r), UInt32(p), key.baseAddress!.assumingMemoryBound(to: UInt8.self), count)
        }
      }
    }
    guard status == 0 else { throw CryptoError.scryptFailed(logN: logN) }
    return output
  }
}
