/// A 64-bit hash that is the same on every platform and in every run,
/// unlike Swift's `Hasher`, which is seeded per process. It is FNV-1a
/// followed by the SplitMix64 finalizer to spread FNV's weak low bits.
/// It is not a cryptographic hash.
enum StableHash {
  static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0) -> UInt64 {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325 ^ mix(seed)
    for byte in bytes {
      state ^= UInt64(byte)
      state = state &* 0x100_0000_01b3
    }
    return mix(state)
  }

  static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
    hash(text.utf8, seed: seed)
  }

  /// The SplitMix64 output function.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
