import Core
import Glibc
import Testing
import TestSupport

@testable import Collect

/// Snapshots of a log folder with appends, a rename rotation and a gzip
/// rotation in between, checked against the test's own count.
@Suite struct LogSnapshotCollectorTests {
  static let names = ["Ivanov Ivan", "Петров Пётр", "SMIRNOVA^ANNA"]

  /// Appends Python logging events and returns their count by level.
  private func appendEvents(_ path: String, from start: Int, count: Int) -> [String: Int] {
    var expected: [String: Int] = [:]
    var text = ""
    for index in start..<(start + count) {
      let level = ["INFO", "WARNING", "ERROR"][index % 3]
      let name = Self.names[index % Self.names.count]
      text += "2026-10-0\(1 + index % 3) 10:00:\(index % 50 + 10),000 - app - \(level) - "
      text += "study \(index) failed for patient \(name) after \(index * 3) ms\n"
      expected[level == "WARNING" ? "warning" : level.lowercased(), default: 0] += 1
    }
    let file = fopen(path, "a")!
    fputs(text, file)
    fclose(file)
    return expected
  }

  private func snapshot(_ config: SiteConfig, at now: Int64) throws {
    _ = try SnapshotRunner(
      config: config, pseudonymizer: testPseudonymizer(), logger: .silent, now: { now },
      collectors: [LogSnapshotCollector()], parse: { DICOMFileScanner().scan($0, $1) }
    ).run()
  }

  private func levelCounts(_ config: SiteConfig) throws -> [String: Int] {
    let database = try StateDatabase.open(config.statePath)
    var counts: [String: Int] = [:]
    for row in try database.query("SELECT level, SUM(count) FROM log_levels GROUP BY level") {
      counts[row[0].stringValue!] = row[1].intValue!
    }
    return counts
  }

  private func logConfig(_ folder: TemporaryFolder) -> SiteConfig {
    var config = testConfig(folder)
    config.dicom.roots = []
    config.logs.paths = [folder.path + "/logs/*.log"]
    return config
  }

  @Test func rotationsNeitherLoseNorRepeatLines() throws {
    let folder = TemporaryFolder()
    let logs = folder.make("logs")
    let config = logConfig(folder)
    let live = logs + "/app.log"
    var expected: [String: Int] = [:]
    let start = Day("2026-10-05")!.unixSeconds

    expected.merge(appendEvents(live, from: 0, count: 30), uniquingKeysWith: +)
    try snapshot(config, at: start)
    expected.merge(appendEvents(live, from: 30, count: 20), uniquingKeysWith: +)
    try snapshot(config, at: start + 900)
    #expect(try levelCounts(config) == expected)

    // Lines written before a rename are read from the renamed copy.
    expected.merge(appendEvents(live, from: 50, count: 10), uniquingKeysWith: +)
    rename(live, live + ".1")
    expected.merge(appendEvents(live, from: 60, count: 12), uniquingKeysWith: +)
    try snapshot(config, at: start + 1800)
    #expect(try levelCounts(config) == expected)

    // Lines written before gzip compression are read from the .gz copy.
    expected.merge(appendEvents(live, from: 72, count: 9), uniquingKeysWith: +)
    rename(live, live + ".2")
    #expect(system("gzip '\(live).2'") == 0)
    expected.merge(appendEvents(live, from: 81, count: 5), uniquingKeysWith: +)
    try snapshot(config, at: start + 2700)
    try snapshot(config, at: start + 3600)
    #expect(try levelCounts(config) == expected)
  }

  @Test func sameShapeSameFingerprintInTwoDatabases() throws {
    var fingerprints: [Set<String>] = []
    for offset in [0, 7] {
      let folder = TemporaryFolder()
      let logs = folder.make("logs")
      let config = logConfig(folder)
      _ = appendEvents(logs + "/app.log", from: offset, count: 9)
      try snapshot(config, at: Day("2026-10-05")!.unixSeconds)
      let database = try StateDatabase.open(config.statePath)
      let rows = try database.query("SELECT DISTINCT fingerprint FROM log_templates")
      fingerprints.append(Set(rows.compactMap { $0[0].stringValue }))
    }
    #expect(!fingerprints[0].isEmpty)
    #expect(fingerprints[0] == fingerprints[1])
  }

  @Test func exportedLogTablesCarryNoNames() throws {
    let folder = TemporaryFolder()
    let logs = folder.make("logs")
    let config = logConfig(folder)
    _ = appendEvents(logs + "/app.log", from: 0, count: 40)
    try snapshot(config, at: Day("2026-10-05")!.unixSeconds)
    let database = try StateDatabase.open(config.statePath)
    let tables = try PayloadBuilder(
      database: database, config: config, start: Day("2026-09-01")!, end: Day("2026-10-31")!
    ).build()
    #expect((tables[.logTemplates] ?? []).count > 0)
    #expect(PrivacyGate().check(tables) == [])
    let text = PayloadTable.allCases.flatMap { tables[$0] ?? [] }.map { $0.serialized() }.joined()
    for name in Self.names {
      for part in name.split(whereSeparator: { $0 == " " || $0 == "^" }) {
        #expect(!text.contains(String(part)), "\(part) leaked into a payload table")
      }
    }
  }
}
