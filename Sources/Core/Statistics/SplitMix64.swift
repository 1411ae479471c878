/// A seeded pseudo-random generator (SplitMix64) that gives the same
/// sequence on every platform, for reproducible sampling, tests and
/// benchmarks. Not for secrets.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    return StableHash.finalise(state)
  }

  /// Returns a double uniform in [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}
