/// HKDF with SHA-256 (RFC 5869), built on HMAC-SHA-256 because libsodium
/// 1.0.18 (Debian 12) has no `crypto_kdf_hkdf_sha256_*` functions.
public enum HKDF {
  /// The largest output RFC 5869 allows: 255 blocks of 32 bytes.
  public static let maxOutputSize = 255 * HMACSHA256.tagSize

  /// Returns the pseudorandom key HMAC(salt, ikm). An empty salt stands
  /// for 32 zero bytes, which HMAC treats the same way.
  public static func extract(salt: [UInt8], inputKeyMaterial: SecretBytes) -> SecretBytes {
    var mac = salt.withUnsafeBytes { HMACSHA256(key: $0) }
    inputKeyMaterial.withUnsafeBytes { mac.update($0) }
    var tag = mac.finalize()
    defer { wipe(&tag) }
    return SecretBytes(copying: tag)
  }

  /// Returns `count` bytes of output keying material expanded from `prk`
  /// and `info`.
  public static func expand(
    pseudorandomKey prk: SecretBytes, info: [UInt8], count: Int
  ) throws -> SecretBytes {
    guard (0...maxOutputSize).contains(count) else {
      throw CryptoError.invalidLength(what: "HKDF output", expected: maxOutputSize, actual: count)
    }
    let output = SecretBytes(count: count)
    var block: [UInt8] = []
    var written = 0
    var counter: UInt8 = 1
    while written < count {
      var mac = HMACSHA256(key: prk)
      mac.update(block)
      mac.update(info)
      mac.update([counter])
      wipe(&block)
      block = mac.finalize()
      let take = min(block.count, count - written)
      output.withUnsafeMutableBytes { target in
        for index in 0..<take { target[written + index] = block[index] }
      }
      written += take
      counter &+= 1
    }
    wipe(&block)
    return output
  }

  /// Returns `count` bytes derived from `ikm` with `salt` and `info`:
  /// extract followed by expand.
  public static func deriveKey(
    inputKeyMaterial ikm: SecretBytes, salt: [UInt8], info: [UInt8], count: Int = 32
  ) throws -> SecretBytes {
    let prk = extract(salt: salt, inputKeyMaterial: ikm)
    return try expand(pseudorandomKey: prk, info: info, count: count)
  }
}
