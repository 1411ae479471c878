import Testing

@testable import Core

@Suite struct ExactSumTests {
  static func encoded(_ sum: ExactSum) -> [UInt8] {
    var writer = ByteWriter()
    sum.encode(into: &writer)
    return writer.bytes
  }

  @Test func sumOfTenthsIsExactlyRounded() {
    var sum = ExactSum()
    for _ in 0..<10 { sum.add(0.1) }
    // The exact sum of ten copies of the double nearest 0.1 rounds to 1.
    #expect(sum.value == 1)
  }

  @Test func orderDoesNotChangeValueOrBytes() {
    var random = SplitMix64(seed: 77)
    let values = (0..<5000).map { _ in
      (random.nextUnit() - 0.5)
        * Double(sign: .plus, exponent: Int(random.next() % 200) - 100, significand: 1)
    }
    var forward = ExactSum()
    for value in values { forward.add(value) }
    var shuffled = ExactSum()
    for value in values.shuffled(using: &random) { shuffled.add(value) }
    #expect(forward == shuffled)
    #expect(Self.encoded(forward) == Self.encoded(shuffled))
    #expect(forward.value == shuffled.value)
  }

  @Test func extremesAndCancellation() {
    var sum = ExactSum()
    sum.add(Double.greatestFiniteMagnitude)
    sum.add(Double.leastNonzeroMagnitude)
    sum.add(-Double.greatestFiniteMagnitude)
    #expect(sum.value == Double.leastNonzeroMagnitude)
    var overflow = ExactSum()
    overflow.add(Double.greatestFiniteMagnitude)
    overflow.add(Double.greatestFiniteMagnitude)
    #expect(overflow.value == .infinity)
  }

  @Test func negativeSumEncodesAsShortAsPositive() throws {
    var positive = ExactSum()
    positive.add(123.25)
    var negative = ExactSum()
    negative.add(-123.25)
    #expect(Self.encoded(positive).count == Self.encoded(negative).count)
    var reader = ByteReader(Self.encoded(negative), kind: "test")
    let decoded = try ExactSum.decode(from: &reader)
    #expect(decoded == negative)
    #expect(decoded.value == -123.25)
  }

  @Test func mergeEqualsAddingValues() {
    var first = ExactSum()
    var second = ExactSum()
    var both = ExactSum()
    for index in 0..<100 {
      let value = Double(index) * 0.37 - 11
      if index % 2 == 0 { first.add(value) } else { second.add(value) }
      both.add(value)
    }
    first.add(second)
    #expect(first == both)
  }

  @Test func decodingRejectsZeroEdgeLimbs() {
    // Header 2 (one limb, positive), first limb index 5, limb value 0.
    var reader = ByteReader([2, 5, 0], kind: "test")
    #expect(throws: StatisticsError.self) { try ExactSum.decode(from: &reader) }
  }
}
