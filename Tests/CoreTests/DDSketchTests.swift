import Foundation
import Testing

@testable import Core

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct DDSketchTests {
  @Test func bucketBoundsRatioAtMostGamma() {
    let mapping = SketchIndexMapping(relativeAccuracy: 0.01)
    let gamma = 1.01 / 0.99
    var worst = 0.0
    for index in stride(from: -4000, through: 4000, by: 1) {
      let ratio = mapping.lowerBound(index + 1) / mapping.lowerBound(index)
      worst = max(worst, ratio)
    }
    #expect(worst <= gamma * (1 + 1e-12))
    #expect(worst > gamma * (1 - 1e-3))
  }

  @Test func indexOfLowerBoundIsThatIndex() {
    let mapping = SketchIndexMapping(relativeAccuracy: 0.01)
    for index in stride(from: -3000, through: 3000, by: 7) {
      let representative = mapping.representative(index)
      #expect(mapping.index(of: representative) == index)
    }
  }

  @Test(arguments: [1e-300, 1e-9, 0.5, 1, 3, 1234.5678, 1e200, Double.greatestFiniteMagnitude])
  func singleValueWithinAccuracy(value: Double) throws {
    var sketch = DDSketch()
    sketch.add(value)
    let mapping = sketch.mapping
    let representative = mapping.representative(mapping.index(of: value))
    if representative.isFinite {
      #expect(abs(representative - value) <= 0.01 * value * (1 + 1e-12))
    } else {
      #expect(value > Double.greatestFiniteMagnitude / 1.02)
    }
    #expect(sketch.quantile(0.5) == value)
  }

  @Test(arguments: StatisticsFixtures.Distribution.allCases)
  func quantilesWithinRelativeAccuracy(distribution: StatisticsFixtures.Distribution) {
    let values = StatisticsFixtures.sample(
      distribution, count: StatisticsFixtures.propertySampleSize, seed: 42)
    var sketch = DDSketch()
    for value in values { sketch.add(value) }
    let sorted = values.sorted()
    var worst = 0.0
    for step in 0...1000 {
      let q = Double(step) / 1000
      let exact = sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
      let estimate = sketch.quantile(q)!
      let error = exact == 0 ? abs(estimate) : abs(estimate - exact) / abs(exact)
      worst = max(worst, error)
    }
    #expect(worst <= 0.01 * (1 + 1e-9), "worst relative error \(worst)")
    #expect(sketch.count == UInt64(values.count))
    #expect(sketch.min == sorted.first)
    #expect(sketch.max == sorted.last)
  }

  @Test func countSumMinMaxMeanAreExact() {
    var sketch = DDSketch()
    let tiny = Double.leastNonzeroMagnitude * 7
    for value in [0.1, 0.2, 0.3, -5, 0, tiny] { sketch.add(value) }
    #expect(sketch.count == 6)
    #expect(sketch.sum == (0.1 + 0.2 + 0.3 - 5) + tiny)
    #expect(sketch.min == -5)
    #expect(sketch.max == 0.3)
    #expect(sketch.mean == sketch.sum / 6)
    #expect(sketch.zeroCount == 2)
  }

  @Test func exactSumIgnoresCancellation() {
    var sketch = DDSketch()
    sketch.add(1e300)
    sketch.add(1)
    sketch.add(-1e300)
    #expect(sketch.sum == 1)
  }

  @Test func emptySketchHasNoStatistics() {
    let sketch = DDSketch()
    #expect(sketch.isEmpty)
    #expect(sketch.quantile(0.5) == nil)
    #expect(sketch.min == nil)
    #expect(sketch.mean == nil)
    #expect(sketch.cdf(1) == nil)
    #expect(sketch.sum == 0)
  }

  @Test func rejectsNonFiniteValuesAndBadQuantiles() {
    var sketch = DDSketch()
    #expect(sketch.add(.nan) == false)
    #expect(sketch.add(.infinity) == false)
    #expect(sketch.add(-.infinity) == false)
    #expect(sketch.isEmpty)
    sketch.add(2)
    #expect(sketch.quantile(-0.1) == nil)
    #expect(sketch.quantile(1.1) == nil)
    #expect(sketch.quantile(.nan) == nil)
  }

  @Test func weightedAddEqualsRepeatedAdd() {
    var repeated = DDSketch()
    for _ in 0..<1000 { repeated.add(0.1) }
    var weighted = DDSketch()
    weighted.add(0.1, count: 1000)
    #expect(repeated.serialized() == weighted.serialized())
    #expect(repeated.sum == weighted.sum)
  }

  @Test func cdfCountsBucketsAtOrBelow() throws {
    var sketch = DDSketch()
    for value in 1...100 { sketch.add(Double(value)) }
    #expect(sketch.cdf(0) == 0)
    #expect(sketch.cdf(100) == 1)
    let half = try #require(sketch.cdf(50.2))
    #expect(half == 0.5)
  }

  @Test func collapsingKeepsHighestBuckets() throws {
    var sketch = try DDSketch(relativeAccuracy: 0.01, maxBucketCount: 16)
    for exponent in 0..<100 { sketch.add(pow(2, Double(exponent))) }
    #expect(sketch.positive.nonemptyCount == 16)
    #expect(sketch.count == 100)
    #expect(sketch.quantile(1) == pow(2, 99))
    #expect(sketch.quantile(0) == 1)
    let p90 = try #require(sketch.quantile(0.9))
    #expect(abs(p90 - pow(2, 89)) <= 0.01 * pow(2, 89))
  }

  @Test func mergeInRandomOrdersGivesIdenticalBytes() throws {
    let values =
      StatisticsFixtures.sample(.latency, count: 20_000, seed: 7)
      + StatisticsFixtures.sample(.negative, count: 5_000, seed: 8)
    var random = SplitMix64(seed: 99)
    let parts = (0..<16).map { part in
      var sketch = try! DDSketch(relativeAccuracy: 0.01, maxBucketCount: 64)
      for (index, value) in values.enumerated() where index % 16 == part { sketch.add(value) }
      return sketch
    }
    var reference: [UInt8]?
    for _ in 0..<20 {
      var merged = parts.shuffled(using: &random)
      while merged.count > 1 {
        let pick = Int(random.next() % UInt64(merged.count - 1))
        let right = merged.remove(at: pick + 1)
        try merged[pick].merge(right)
      }
      let bytes = merged[0].serialized()
      if let reference { #expect(bytes == reference) } else { reference = bytes }
    }
    var direct = try DDSketch(relativeAccuracy: 0.01, maxBucketCount: 64)
    for value in values.reversed() { direct.add(value) }
    #expect(direct.serialized() == reference)
  }

  @Test func mergeRejectsDifferentParameters() throws {
    var first = DDSketch()
    let second = try DDSketch(relativeAccuracy: 0.02, maxBucketCount: 2048)
    #expect(throws: StatisticsError.self) { try first.merge(second) }
  }

  @Test func serialisationRoundTrips() throws {
    var sketch = DDSketch()
    for value in StatisticsFixtures.sample(.negative, count: 10_000, seed: 3) { sketch.add(value) }
    sketch.add(0)
    let decoded = try DDSketch(serialized: sketch.serialized())
    #expect(decoded == sketch)
    #expect(decoded.serialized() == sketch.serialized())
    #expect(try DDSketch(base64: sketch.base64()) == sketch)
  }

  @Test func encodingOfSmallSketchIsFixed() {
    var sketch = DDSketch()
    sketch.add(1)
    sketch.add(-2)
    let hex = sketch.serialized().map { String($0, radix: 16) }.joined(separator: " ")
    // version, mapping, 0.01 as little-endian double, 2048, zero count 0,
    // one positive bucket (index 0), one negative (index 34), exact sum
    // -1 as one negative limb (index 33, value 2^18), min -2, max 1.
    #expect(
      hex
        == "1 1 7b 14 ae 47 e1 7a 84 3f 80 10 0 1 0 1 1 44 1 3 21 80 80 10 0 0 0 0 0 0 0 c0 0 0 0 0 0 0 f0 3f"
    )
  }

  @Test func decodingRejectsMalformedInput() throws {
    var sketch = DDSketch()
    sketch.add(3)
    let good = sketch.serialized()
    #expect(throws: StatisticsError.self) { try DDSketch(serialized: []) }
    #expect(throws: StatisticsError.self) { try DDSketch(serialized: Array(good.dropLast())) }
    #expect(throws: StatisticsError.self) { try DDSketch(serialized: good + [0]) }
    var badVersion = good
    badVersion[0] = 2
    #expect(throws: StatisticsError.unsupportedVersion(kind: "DDSketch", version: 2)) {
      try DDSketch(serialized: badVersion)
    }
    var badAccuracy = good
    badAccuracy[9] = 0x7f
    #expect(throws: StatisticsError.self) { try DDSketch(serialized: badAccuracy) }
  }

  @Test func decodingRejectsRandomBytesWithoutCrashing() {
    var random = SplitMix64(seed: 5)
    var sketch = DDSketch()
    for value in StatisticsFixtures.sample(.uniform, count: 200, seed: 1) { sketch.add(value) }
    let good = sketch.serialized()
    var accepted = 0
    for _ in 0..<2000 {
      var bytes = good
      let position = Int(random.next() % UInt64(bytes.count))
      bytes[position] = UInt8(truncatingIfNeeded: random.next())
      if let decoded = try? DDSketch(serialized: bytes) {
        accepted += 1
        #expect(decoded.count > 0)
      }
    }
    #expect(accepted < 2000)
  }

  @Test func latencySketchOfTenMillionFitsInEightKilobytes() {
    let count = StatisticsFixtures.largeRuns ? 10_000_000 : 200_000
    var random = SplitMix64(seed: 11)
    var sketch = DDSketch()
    for _ in 0..<count { sketch.add(StatisticsFixtures.draw(.latency, &random)) }
    #expect(sketch.count == UInt64(count))
    #expect(sketch.serialized().count < 8192)
  }
}

@Suite struct DDSketchCodableTests {
  @Test func encodesAsBase64String() throws {
    var sketch = DDSketch()
    sketch.add(1)
    sketch.add(-2)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let data = try encoder.encode([sketch])
    let text = String(decoding: data, as: UTF8.self)
    #expect(text == "[\"\(sketch.base64())\"]")
    #expect(try JSONDecoder().decode([DDSketch].self, from: data) == [sketch])
  }

  @Test func rejectsInvalidBase64InJSON() {
    let data = Array(#"["AQ=="]"#.utf8)
    #expect(throws: StatisticsError.self) {
      try JSONDecoder().decode([DDSketch].self, from: Data(data))
    }
  }
}

@Suite struct DDSketchOverflowTests {
  @Test func weightedAddRejectsCountOverflow() {
    var sketch = DDSketch()
    let first = sketch.add(1, count: UInt64.max - 1)
    let second = sketch.add(2, count: 2)
    #expect(first)
    #expect(second == false)
    #expect(sketch.count == UInt64.max - 1)
    #expect(sketch.max == 1)
  }
}
