import Core
import Glibc
import Testing
import TestSupport

@testable import Collect

/// Results read over several snapshots and stored in the state database
/// must give the same bundle rows as the test's own count.
@Suite struct ResultsCollectorTests {
  private func appendResults(_ path: String, from start: Int, count: Int) {
    var text = ""
    for index in start..<(start + count) {
      let day = 1 + index % 4
      let positive = index % 5 == 0
      let version = index < 60 ? "2.3.1" : "2.4.0"
      text += "{\"time\": \"2026-10-0\(day)T08:00:00Z\", \"study\": \"1.2.826.0.1.3680043.9.\(index)\", "
      text += "\"model\": \"chest-xr\", \"version\": \"\(version)\", \"status\": \"\(index % 9 == 0 ? "failed" : "ok")\", "
      text += "\"uncertainty\": 0.\(index % 10), \"findings\": {\"pneumothorax\": {\"score\": 0.\(index % 10), \"label\": \(positive)}}}\n"
    }
    let file = fopen(path, "a")!
    fputs(text, file)
    fclose(file)
  }

  @Test func storedRowsEqualIndependentCount() throws {
    let folder = TemporaryFolder()
    let results = folder.make("results") + "/results.jsonl"
    var config = testConfig(folder)
    config.dicom.roots = []
    config.results.paths = [results]
    let run = { (now: Int64) in
      _ = try SnapshotRunner(
        config: config, pseudonymizer: testPseudonymizer(), logger: .silent, now: { now },
        collectors: [ResultsCollector()], parse: { DICOMFileScanner().scan($0, $1) }
      ).run()
    }
    appendResults(results, from: 0, count: 50)
    try run(Day("2026-10-05")!.unixSeconds)
    appendResults(results, from: 50, count: 40)
    try run(Day("2026-10-05")!.unixSeconds + 900)
    try run(Day("2026-10-05")!.unixSeconds + 1800)

    let database = try StateDatabase.open(config.statePath)
    let tables = try PayloadBuilder(
      database: database, config: config, start: Day("2026-10-01")!, end: Day("2026-10-31")!
    ).build()
    var studies = 0
    var positives = 0
    var failed = 0
    for row in tables[.results] ?? [] {
      studies += Int(row["studies"]?.integerValue ?? 0)
      positives += Int(row["findings"]?["pneumothorax"]?["positives"]?.integerValue ?? 0)
      failed += Int(row["status"]?["failed"]?.integerValue ?? 0)
    }
    #expect(studies == 90)
    #expect(positives == (0..<90).filter { $0 % 5 == 0 }.count)
    #expect(failed == (0..<90).filter { $0 % 9 == 0 }.count)
    let versions = Set((tables[.results] ?? []).compactMap { $0["version"]?.stringValue })
    #expect(versions == ["2.3.1", "2.4.0"])
    let scoreCount = (tables[.resultSketches] ?? [])
      .filter { $0["metric"]?.stringValue == "score:pneumothorax" }
      .reduce(0) { $0 + Int($1["count"]?.integerValue ?? 0) }
    #expect(scoreCount == 90)
    let review = tables[.review] ?? []
    #expect(!review.isEmpty)
    #expect(PrivacyGate().check(tables) == [])
  }
}
