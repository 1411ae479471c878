import Testing

@testable import Core

/// Sketch sizes and update throughput. `make bench-stats` runs these in a
/// release build with MEDMON_STATS_LARGE=1 (10^7 values) and prints the
/// figures recorded in docs/benchmarks.md; the default run uses fewer
/// values and checks the same bounds.
@Suite(.serialized) struct StatisticsBenchmarkTests {
  static var valueCount: Int { StatisticsFixtures.largeRuns ? 10_000_000 : 100_000 }

  static func report(_ line: String) {
    print("bench-stats: \(line)")
  }

  static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  static func format(_ value: Double, digits: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return String(rounded)
  }

  @Test func addThroughputAndSize() {
    let values = StatisticsFixtures.sample(.latency, count: Self.valueCount, seed: 17)
    var sketch = DDSketch()
    let elapsed = ContinuousClock().measure {
      for value in values { sketch.add(value) }
    }
    let bytes = sketch.serialized()
    let rate = Double(values.count) / Self.seconds(elapsed) / 1e6
    Self.report(
      "latency sketch of \(values.count) values: \(bytes.count) bytes, "
        + "\(sketch.base64().utf8.count) base64 characters, \(sketch.bucketCount) buckets")
    Self.report("add: \(Self.format(rate)) million values per second")
    #expect(sketch.count == UInt64(values.count))
    #expect(bytes.count < 8192)
  }

  @Test(arguments: StatisticsFixtures.Distribution.allCases)
  func sizeByDistribution(distribution: StatisticsFixtures.Distribution) {
    let count = StatisticsFixtures.propertySampleSize
    var sketch = DDSketch()
    for value in StatisticsFixtures.sample(distribution, count: count, seed: 23) {
      sketch.add(value)
    }
    let size = sketch.serialized().count
    Self.report("\(distribution.rawValue) sketch of \(count) values: \(size) bytes")
    #expect(size < 8192)
  }

  @Test func mergeAndDecodeThroughput() throws {
    let parts = (0..<200).map { part -> DDSketch in
      var sketch = DDSketch()
      for value in StatisticsFixtures.sample(.latency, count: 5_000, seed: UInt64(part)) {
        sketch.add(value)
      }
      return sketch
    }
    let encoded = parts.map { $0.serialized() }
    var merged = DDSketch()
    let clock = ContinuousClock()
    let mergeTime = try clock.measure {
      for part in parts { try merged.merge(part) }
    }
    var decoded: [DDSketch] = []
    let decodeTime = try clock.measure {
      decoded = try encoded.map { try DDSketch(serialized: $0) }
    }
    Self.report("merge: \(Self.format(Self.seconds(mergeTime) / 200 * 1e6)) µs per sketch")
    Self.report("decode: \(Self.format(Self.seconds(decodeTime) / 200 * 1e6)) µs per sketch")
    #expect(decoded == parts)
    #expect(merged.count == 1_000_000)
  }

  @Test func distinctCountThroughputAndSize() {
    let count = StatisticsFixtures.largeRuns ? 1_000_000 : 100_000
    let keys = (0..<count).map { "study-\($0)" }
    var sketch = HyperLogLog()
    let elapsed = ContinuousClock().measure {
      for key in keys { sketch.add(key) }
    }
    let rate = Double(count) / Self.seconds(elapsed) / 1e6
    Self.report(
      "HyperLogLog p=12 of \(count) keys: \(sketch.serialized().count) bytes, "
        + "\(Self.format(rate)) million adds per second")
    #expect(sketch.serialized().count == 3 + 3072)
  }

  @Test func exactKolmogorovSmirnovAtLimit() {
    let first = StatisticsFixtures.sample(.latency, count: 10_000, seed: 31)
    let second = StatisticsFixtures.sample(.latency, count: 9_999, seed: 32)
    var outcome = StatisticOutcome.undefined(.empty)
    let elapsed = ContinuousClock().measure {
      outcome = KolmogorovSmirnov.test(first, second)
    }
    Self.report(
      "exact KS p-value for 10000 vs 9999 values: "
        + "\(Self.format(Self.seconds(elapsed) * 1e3)) ms")
    #expect(outcome.pValue != nil)
  }
}
