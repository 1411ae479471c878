import Testing

@testable import Core

@Suite struct StableHashTests {
  // FNV-1a 64 values from the published FNV test suite.
  @Test(arguments: [
    ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c),
    ("foobar", 0x8594_4171_f739_67e8),
  ])
  func hashIsFinalisedFNV1a(text: String, fnv: UInt64) {
    #expect(StableHash.hash(text) == StableHash.finalise(fnv))
  }

  @Test func hashValuesArePinned() {
    #expect(StableHash.hash("") == 0xf52a_15e9_a9b5_e89b)
    #expect(StableHash.hash("GE MEDICAL SYSTEMS") == 0xb284_4c0c_fb60_7295)
  }

  @Test func hashOfStringEqualsHashOfItsBytes() {
    #expect(StableHash.hash("Ünïcode") == StableHash.hash(bytes: Array("Ünïcode".utf8)))
  }
}

@Suite struct SplitMix64Tests {
  // The first outputs of the reference SplitMix64 for seed 0.
  @Test func matchesReferenceSequence() {
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xe220_a839_7b1d_cdaf)
    #expect(random.next() == 0x6e78_9e6a_a1b9_65f4)
    #expect(random.next() == 0x06c4_5d18_8009_454f)
  }

  @Test func unitValuesStayInHalfOpenInterval() {
    var random = SplitMix64(seed: 123)
    for _ in 0..<10_000 {
      let value = random.nextUnit()
      #expect(value >= 0 && value < 1)
    }
  }
}
