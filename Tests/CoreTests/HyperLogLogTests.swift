import Foundation
import Testing

@testable import Core

@Suite struct HyperLogLogTests {
  @Test func emptyEstimateIsZero() {
    let sketch = HyperLogLog()
    #expect(sketch.isEmpty)
    #expect(sketch.estimate == 0)
  }

  @Test func smallCountsAreNearlyExact() {
    var sketch = HyperLogLog()
    for index in 0..<50 { sketch.add("station-\(index)") }
    for index in 0..<50 { sketch.add("station-\(index)") }
    #expect(abs(sketch.estimate - 50) < 1)
  }

  @Test(arguments: [12, 14])
  func largeCountsWithinFourStandardErrors(precision: Int) throws {
    let distinct = StatisticsFixtures.largeRuns ? 1_000_000 : 100_000
    var sketch = try HyperLogLog(precision: precision)
    for index in 0..<distinct { sketch.add("study-\(index)") }
    let standardError = 1.04 / Double(1 << precision).squareRoot()
    let relative = abs(sketch.estimate - Double(distinct)) / Double(distinct)
    #expect(relative < 4 * standardError, "relative error \(relative)")
  }

  @Test func mergeIsUnionAndIdempotent() throws {
    var first = HyperLogLog()
    var second = HyperLogLog()
    var both = HyperLogLog()
    for index in 0..<3000 {
      let value = "v\(index)"
      if index < 2000 { first.add(value) }
      if index >= 1000 { second.add(value) }
      both.add(value)
    }
    var merged = first
    try merged.merge(second)
    #expect(merged == both)
    try merged.merge(second)
    #expect(merged == both)
    var reversed = second
    try reversed.merge(first)
    #expect(reversed.serialized() == merged.serialized())
  }

  @Test func mergeRejectsOtherPrecision() throws {
    var first = HyperLogLog()
    #expect(throws: StatisticsError.self) { try first.merge(try HyperLogLog(precision: 14)) }
  }

  @Test(arguments: [3, 19, -1])
  func rejectsPrecisionOutsideRange(precision: Int) {
    #expect(throws: StatisticsError.self) { try HyperLogLog(precision: precision) }
  }

  @Test func sparseFormIsShortAndRoundTrips() throws {
    var sketch = HyperLogLog()
    for index in 0..<10 { sketch.add("x\(index)") }
    let bytes = sketch.serialized()
    #expect(bytes[2] == 0)
    #expect(bytes.count <= 4 + 10 * 3)
    #expect(try HyperLogLog(serialized: bytes) == sketch)
    #expect(try HyperLogLog(base64: sketch.base64()) == sketch)
  }

  @Test func denseFormIsSixBitsPerRegister() throws {
    var sketch = HyperLogLog()
    for index in 0..<20_000 { sketch.add("x\(index)") }
    let bytes = sketch.serialized()
    #expect(bytes[2] == 1)
    #expect(bytes.count == 3 + 4096 * 6 / 8)
    #expect(try HyperLogLog(serialized: bytes) == sketch)
  }

  @Test func decodingRejectsMalformedInput() {
    var sketch = HyperLogLog()
    sketch.add("a")
    let good = sketch.serialized()
    #expect(throws: StatisticsError.self) { try HyperLogLog(serialized: Array(good.dropLast())) }
    #expect(throws: StatisticsError.self) { try HyperLogLog(serialized: good + [1]) }
    #expect(throws: StatisticsError.unsupportedVersion(kind: "HyperLogLog", version: 9)) {
      try HyperLogLog(serialized: [9] + good.dropFirst())
    }
    var badRank = good
    badRank[badRank.count - 1] = 60
    #expect(throws: StatisticsError.self) { try HyperLogLog(serialized: badRank) }
    var badForm = good
    badForm[2] = 7
    #expect(throws: StatisticsError.self) { try HyperLogLog(serialized: badForm) }
  }

  @Test func encodesAsBase64StringInJSON() throws {
    var sketch = HyperLogLog()
    sketch.add("station-7")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let data = try encoder.encode([sketch])
    #expect(String(decoding: data, as: UTF8.self) == "[\"\(sketch.base64())\"]")
    #expect(try JSONDecoder().decode([HyperLogLog].self, from: data) == [sketch])
  }
}
