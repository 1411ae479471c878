/// A 64-bit hash for `HyperLogLog` that gives the same value on every
/// platform and in every release. It applies FNV-1a 64 (offset basis
/// 0xcbf29ce484222325, prime 0x100000001b3) to the UTF-8 bytes, then the
/// SplitMix64 finaliser, so that every output bit depends on every input
/// bit. It is not a cryptographic hash. Swift's `Hasher` cannot be used
/// here because it is seeded per process.
public enum StableHash {
  /// Hashes the UTF-8 bytes of a string.
  public static func hash(_ text: String) -> UInt64 {
    hash(bytes: text.utf8)
  }

  /// Hashes a byte sequence.
  public static func hash<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      state ^= UInt64(byte)
      state &*= 0x0000_0100_0000_01b3
    }
    return finalise(state)
  }

  /// Mixes the bits of a 64-bit value with the SplitMix64 output
  /// function.
  public static func finalise(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
