import CSodium

/// The ChaCha20-Poly1305 AEAD of RFC 8439 (the IETF variant: 96-bit nonce,
/// 32-bit block counter).
public enum ChaCha20Poly1305 {
  public static let keySize = Int(crypto_aead_chacha20poly1305_ietf_KEYBYTES)
  public static let nonceSize = Int(crypto_aead_chacha20poly1305_ietf_NPUBBYTES)
  public static let tagSize = Int(crypto_aead_chacha20poly1305_ietf_ABYTES)

  /// Returns the ciphertext of `plaintext` followed by its 16-byte tag.
  public static func seal(
    _ plaintext: [UInt8], key: SecretBytes, nonce: [UInt8], associatedData: [UInt8] = []
  ) throws -> [UInt8] {
    var output = [UInt8](repeating: 0, count: plaintext.count + tagSize)
    try output.withUnsafeMutableBytes { buffer in
      plaintext.withUnsafeBytes { source in
        if let base = source.baseAddress {
          buffer.baseAddress!.copyMemory(from: base, byteCount: source.count)
        }
      }
      _ = try sealInPlace(
        buffer, plaintextCount: plaintext.count, key: key, nonce: nonce,
        associatedData: associatedData)
    }
    return output
  }

  /// Returns the plaintext of `ciphertext` (which ends with its tag), or
  /// throws `CryptoError.authenticationFailed`.
  public static func open(
    _ ciphertext: [UInt8], key: SecretBytes, nonce: [UInt8], associatedData: [UInt8] = []
  ) throws -> [UInt8] {
    var buffer = ciphertext
    let count = try buffer.withUnsafeMutableBytes {
      try openInPlace($0, key: key, nonce: nonce, associatedData: associatedData)
    }
    buffer.removeLast(buffer.count - count)
    return buffer
  }

  /// Returns the ciphertext and tag of a secret plaintext, such as a file
  /// key being wrapped for a recipient.
  public static func seal(secret: SecretBytes, key: SecretBytes, nonce: [UInt8]) throws -> [UInt8] {
    var output = [UInt8](repeating: 0, count: secret.count + tagSize)
    try output.withUnsafeMutableBytes { buffer in
      secret.withUnsafeBytes {
        buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count)
      }
      _ = try sealInPlace(buffer, plaintextCount: secret.count, key: key, nonce: nonce)
    }
    return output
  }

  /// Returns the plaintext of `ciphertext` as a secret, so that an
  /// unwrapped key never sits in an ordinary array.
  public static func openSecret(_ ciphertext: [UInt8], key: SecretBytes, nonce: [UInt8]) throws
    -> SecretBytes
  {
    guard ciphertext.count >= tagSize else { throw CryptoError.authenticationFailed }
    let buffer = SecretBytes(copying: ciphertext)
    let count = try buffer.withUnsafeMutableBytes { try openInPlace($0, key: key, nonce: nonce) }
    return buffer.withUnsafeBytes {
      SecretBytes(copying: UnsafeRawBufferPointer(rebasing: $0[0..<count]))
    }
  }

  /// Encrypts the first `plaintextCount` bytes of `buffer` in place and
  /// writes the tag after them; `buffer` needs room for the tag. Returns
  /// the ciphertext length, tag included.
  public static func sealInPlace(
    _ buffer: UnsafeMutableRawBufferPointer, plaintextCount: Int, key: SecretBytes,
    nonce: [UInt8], associatedData: [UInt8] = []
  ) throws -> Int {
    try checkSizes(key: key, nonce: nonce)
    guard buffer.count >= plaintextCount + tagSize else {
      throw CryptoError.invalidLength(
        what: "AEAD output buffer", expected: plaintextCount + tagSize, actual: buffer.count)
    }
    Sodium.startIfPossible()
    let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
    var written: UInt64 = 0
    let status = key.withUnsafeBytes { keyBytes in
      withNonNullBytes(associatedData) { ad, adCount in
        crypto_aead_chacha20poly1305_ietf_encrypt(
          base, &written, base, UInt64(plaintextCount), ad, UInt64(adCount), nil, nonce,
          keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
      }
    }
    guard status == 0 else { throw CryptoError.operationFailed("chacha20poly1305 encrypt") }
    return Int(written)
  }

  /// Decrypts `buffer` (ciphertext and tag) in place and returns the
  /// plaintext length, or throws `CryptoError.authenticationFailed`, in
  /// which case the buffer contains no plaintext.
  public static func openInPlace(
    _ buffer: UnsafeMutableRawBufferPointer, key: SecretBytes, nonce: [UInt8],
    associatedData: [UInt8] = []
  ) throws -> Int {
    try checkSizes(key: key, nonce: nonce)
    guard buffer.count >= tagSize else { throw CryptoError.authenticationFailed }
    Sodium.startIfPossible()
    let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
    var plaintextCount: UInt64 = 0
    let status = key.withUnsafeBytes { keyBytes in
      withNonNullBytes(associatedData) { ad, adCount in
        crypto_aead_chacha20poly1305_ietf_decrypt(
          base, &plaintextCount, nil, base, UInt64(buffer.count), ad, UInt64(adCount), nonce,
          keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
      }
    }
    guard status == 0 else { throw CryptoError.authenticationFailed }
    return Int(plaintextCount)
  }

  /// Decrypts `ciphertext` (ciphertext and tag) into `plaintext`, which
  /// needs room for the ciphertext without its tag, and returns the
  /// plaintext length. On failure it throws `CryptoError.authenticationFailed`
  /// and leaves `ciphertext` unchanged, so the caller can try another nonce.
  public static func open(
    _ ciphertext: UnsafeRawBufferPointer, into plaintext: UnsafeMutableRawBufferPointer,
    key: SecretBytes, nonce: [UInt8]
  ) throws -> Int {
    try checkSizes(key: key, nonce: nonce)
    guard ciphertext.count >= tagSize else { throw CryptoError.authenticationFailed }
    guard plaintext.count >= ciphertext.count - tagSize else {
      throw CryptoError.invalidLength(
        what: "AEAD output buffer", expected: ciphertext.count - tagSize, actual: plaintext.count)
    }
    Sodium.startIfPossible()
    var plaintextCount: UInt64 = 0
    let status = key.withUnsafeBytes { keyBytes in
      withNonNullBytes(UnsafeRawBufferPointer(plaintext)) { output, _ in
        crypto_aead_chacha20poly1305_ietf_decrypt(
          UnsafeMutablePointer(mutating: output), &plaintextCount, nil,
          ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(ciphertext.count),
          nil, 0, nonce, keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
      }
    }
    guard status == 0 else { throw CryptoError.authenticationFailed }
    return Int(plaintextCount)
  }

  private static func checkSizes(key: SecretBytes, nonce: [UInt8]) throws {
    guard key.count == keySize else {
      throw CryptoError.invalidLength(
        what: "ChaCha20-Poly1305 key", expected: keySize, actual: key.count)
    }
    guard nonce.count == nonceSize else {
      throw CryptoError.invalidLength(
        what: "ChaCha20-Poly1305 nonce", expected: nonceSize, actual: nonce.count)
    }
  }
}
