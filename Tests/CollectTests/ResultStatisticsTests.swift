import Core
import Glibc
import Testing

@testable import Collect

/// One generated result with the facts an independent count needs.
private struct Generated {
  var day: String
  var version: String
  var status: String
  var study: String
  var pneumothorax: Double
  var latency: Double
  var uncertainty: Double?
  var volume: Double
}

/// Generates results from a fixed linear congruential sequence.
private func generate(_ count: Int) -> [Generated] {
  var state: UInt64 = 12_345
  func next(_ bound: UInt64) -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return (state >> 33) % bound
  }
  return (0..<count).map { index in
    Generated(
      day: "2026-10-0\(1 + next(3))", version: next(4) == 0 ? "2.4.0" : "2.3.1",
      status: ["ok", "ok", "ok", "failed", "rejected"][Int(next(5))],
      study: "1.2.826.0.1.\(next(150))", pneumothorax: Double(next(1000)) / 1000,
      latency: Double(50 + next(2000)), uncertainty: next(4) == 0 ? nil : Double(next(100)) / 100,
      volume: Double(3000 + next(3000)))
  }
}

private func json(_ result: Generated) -> String {
  var text = #"{"time":"\#(result.day)T10:00:00Z","study":"\#(result.study)","model":"chest-xr","#
  text +=
    #""version":"\#(result.version)","status":"\#(result.status)","latency_ms":\#(result.latency),"#
  if let uncertainty = result.uncertainty { text += #""uncertainty":\#(uncertainty),"# }
  text += #""findings":{"pneumothorax":{"score":\#(result.pneumothorax),"threshold":0.7}},"#
  return text + #""values":{"lung_volume_ml":\#(result.volume)}}"# + "\n"
}

private func makeFolder() throws -> String {
  var template = Array("/tmp/medmon-stats-XXXXXX".utf8CString)
  let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
  return String(cString: try #require(path))
}

private func removeFolder(_ folder: String) {
  _ = try? Subprocess.run("/bin/rm", arguments: ["-rf", "--", folder])
}

private func append(_ text: String, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
  #expect(descriptor >= 0)
  try FileSystem.writeAll(Array(text.utf8), to: descriptor, path: path)
  close(descriptor)
}

/// Stands for the site's keyed pseudonym, so that the tests can check that
/// no raw identifier reaches the statistics.
private let pseudonymize: @Sendable (String) -> String = {
  "p:" + String(StableHash.hash($0), radix: 32)
}

@Suite struct ResultStatisticsTests {
  @Test func snapshotsAddUpToIndependentCount() throws {
    let results = generate(900)
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    let reader = ResultsReader(pseudonymize: pseudonymize)

    // Snapshots between appends that end mid-line, and a rotation while
    // the old file still has unread lines. Each snapshot is merged into
    // the stored statistics as the state database does.
    var stored = ResultStatistics(siteID: "site-1", reviewSize: 5)
    var cursors: [ResultsCursor] = []
    func snapshot() throws {
      var statistics = ResultStatistics(siteID: "site-1", reviewSize: 5)
      let summary = reader.read([path], cursors: cursors) { statistics.add($0) }
      #expect(summary.rejectedLines == 0)
      cursors = summary.cursors
      try stored.merge(statistics)
    }
    for (part, range) in [0..<250, 250..<600, 600..<900].enumerated() {
      let lines = results[range].map(json).joined()
      let cut = lines.utf8.count / 2
      try append(String(lines.prefix(cut)), to: path)
      try snapshot()
      try append(String(lines.dropFirst(cut)), to: path)
      if part == 1 { #expect(rename(path, path + ".1") == 0) }
    }
    try snapshot()

    var expectedKeys: Set<ResultKey> = []
    for result in results {
      expectedKeys.insert(
        ResultKey(day: Day(result.day)!, model: "chest-xr", version: result.version))
    }
    #expect(Set(stored.aggregates.keys) == expectedKeys)

    for (key, aggregate) in stored.aggregates {
      let group = results.filter {
        Day($0.day)! == key.day && $0.version == key.version
      }
      #expect(aggregate.studies == group.count)
      var statuses: [String: Int] = [:]
      for result in group { statuses[result.status, default: 0] += 1 }
      #expect(aggregate.status == statuses)
      let positives = group.filter { $0.pneumothorax >= 0.7 }.count
      #expect(
        aggregate.findings == [
          "pneumothorax": FindingCount(positives: positives, total: group.count)
        ])

      let latency = try #require(aggregate.sketches["latency_ms"])
      #expect(latency.count == UInt64(group.count))
      #expect(latency.min == group.map(\.latency).min())
      #expect(latency.max == group.map(\.latency).max())
      #expect(latency.sum == group.map(\.latency).reduce(0, +))
      let uncertainty = try #require(aggregate.sketches["uncertainty"])
      #expect(uncertainty.count == UInt64(group.filter { $0.uncertainty != nil }.count))
      let volume = try #require(aggregate.sketches["value:lung_volume_ml"])
      #expect(volume.count == UInt64(group.count))
      let score = try #require(aggregate.sketches["score:pneumothorax"])
      #expect(score.count == UInt64(group.count))
      #expect(Set(aggregate.sketches.keys).count == 4)
    }
  }

  @Test func medianWithinSketchAccuracy() throws {
    let results = generate(901)
    var statistics = ResultStatistics(siteID: "site-1", reviewSize: 5)
    let parser = ResultLineParser(pseudonymize: pseudonymize)
    for result in results {
      let line = json(result).dropLast()
      statistics.add(try parser.parse(Array(line.utf8)[...]).get())
    }
    var merged = ResultAggregate()
    for aggregate in statistics.aggregates.values { try merged.merge(aggregate) }

    let latencies = results.map(\.latency).sorted()
    let median = try #require(merged.sketches["latency_ms"]?.quantile(0.5))
    let exact = latencies[latencies.count / 2]
    #expect(abs(median - exact) <= exact * 0.01)
  }

  @Test func reviewHoldsPseudonymsOnly() throws {
    let results = generate(400)
    var statistics = ResultStatistics(siteID: "site-1", reviewSize: 5)
    let parser = ResultLineParser(pseudonymize: pseudonymize)
    for result in results {
      statistics.add(try parser.parse(Array(json(result).dropLast().utf8)[...]).get())
    }
    #expect(Set(statistics.reviews.keys.map(\.period)) == ["2026-10"])
    #expect(Set(statistics.reviews.keys.map(\.version)) == ["2.3.1", "2.4.0"])
    let rawStudies = Set(results.map(\.study))
    for sample in statistics.reviews.values {
      #expect(sample.random.count == 5)
      #expect(sample.uncertain.count == 5)
      for candidate in sample.random + sample.uncertain {
        #expect(candidate.study.hasPrefix("p:"))
        #expect(!rawStudies.contains(candidate.study))
      }
    }
  }

  @Test func uncertainListIsTopUncertainties() throws {
    let results = generate(400).filter { $0.version == "2.3.1" }
    var statistics = ResultStatistics(siteID: "site-1", reviewSize: 5)
    let parser = ResultLineParser(pseudonymize: pseudonymize)
    for result in results {
      statistics.add(try parser.parse(Array(json(result).dropLast().utf8)[...]).get())
    }
    var highest: [String: Double] = [:]
    for result in results {
      guard let uncertainty = result.uncertainty else { continue }
      highest[pseudonymize(result.study)] = max(
        highest[pseudonymize(result.study)] ?? 0, uncertainty)
    }
    let expected = highest.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
    let sample = try #require(statistics.reviews.values.first)
    #expect(sample.uncertain.map(\.study) == expected.map(\.key))
    #expect(sample.uncertain.map(\.uncertainty) == expected.map(\.value))
  }

  @Test func mergeRejectsIncompatibleSketches() throws {
    var left = ResultAggregate(sketches: ["latency_ms": DDSketch()])
    var odd = try DDSketch(relativeAccuracy: 0.05, maxBucketCount: 64)
    odd.add(1)
    let right = ResultAggregate(sketches: ["latency_ms": odd])
    #expect(throws: StatisticsError.self) { try left.merge(right) }
  }

  @Test func tableRows() throws {
    let parser = ResultLineParser(pseudonymize: { "p:" + $0 })
    var statistics = ResultStatistics(siteID: "site-1", reviewSize: 2)
    let lines = [
      #"{"time":"2026-10-03T10:00:00Z","study":"A","model":"m","version":"1","status":"ok","#
        + #""uncertainty":0.25,"findings":{"nodule":{"score":0.9,"label":true}}}"#,
      #"{"time":"2026-10-03T11:00:00Z","study":"B","model":"m","version":"1","status":"failed"}"#,
    ]
    for line in lines { statistics.add(try parser.parse(Array(line.utf8)[...]).get()) }

    #expect(
      statistics.resultRows().map { $0.serialized() } == [
        #"{"day":"2026-10-03","findings":{"nodule":{"positives":1,"total":1}},"model":"m","#
          + #""status":{"failed":1,"ok":1},"studies":2,"version":"1"}"#
      ])

    let sketchRows = statistics.sketchRows()
    #expect(sketchRows.map { $0["metric"]?.stringValue } == ["score:nodule", "uncertainty"])
    #expect(sketchRows.map { $0["count"]?.integerValue } == [1, 1])
    let encoded = try #require(sketchRows.last?["sketch"]?.stringValue)
    let key = ResultKey(day: Day("2026-10-03")!, model: "m", version: "1")
    #expect(try DDSketch(base64: encoded) == statistics.aggregates[key]?.sketches["uncertainty"])

    let reviewRows = statistics.reviewRows().map { $0.serialized() }
    #expect(reviewRows.count == 3)
    #expect(
      reviewRows.last
        == #"{"day":"2026-10-03","model":"m","reason":"uncertain","study":"p:A","#
        + #""uncertainty":0.25,"version":"1"}"#)
    #expect(reviewRows.filter { $0.contains(#""reason":"random""#) }.count == 2)
  }
}
