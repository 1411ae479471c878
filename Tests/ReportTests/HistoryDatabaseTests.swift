import Core
import Testing

@testable import Report

@Suite struct HistoryDatabaseTests {
  static func bundles(months: Int = 3, seed: UInt64 = 11) -> [BundleContent] {
    var generator = SiteGenerator(seed: seed)
    generator.months = months
    return generator.bundles()
  }

  static func rowCount(_ history: HistoryDatabase) throws -> Int {
    try history.database.scalar("SELECT count(*) FROM table_rows")?.intValue ?? -1
  }

  @Test func ingestIsIdempotent() throws {
    let history = try HistoryDatabase(path: ":memory:")
    let bundles = Self.bundles()
    #expect(try history.ingest(bundles[0]) == .ingested(events: []))
    let rows = try Self.rowCount(history)
    #expect(rows == bundles[0].tables.values.reduce(0) { $0 + $1.count })
    #expect(try history.ingest(bundles[0]) == .duplicate)
    #expect(try Self.rowCount(history) == rows)
    #expect(try history.bundles(siteID: bundles[0].manifest.siteID).count == 1)
  }

  @Test func loadsTypedTablesBack() throws {
    let history = try HistoryDatabase(path: ":memory:")
    let bundle = Self.bundles(months: 1)[0]
    try history.ingest(bundle)
    let tables = try history.tables(siteID: bundle.manifest.siteID)
    #expect(tables.dicomCounts.count == bundle.tables[.dicomCounts]!.count)
    #expect(tables.latency.count == 31)
    #expect(tables.snapshots.count == bundle.tables[.snapshots]!.count)
  }

  @Test func newerBundleReplacesOverlappingDays() throws {
    let history = try HistoryDatabase(path: ":memory:")
    let bundles = Self.bundles(months: 2)
    var replacement = bundles[1]
    let day = bundles[0].manifest.periodEnd
    replacement.manifest.periodStart = day
    replacement.manifest.payloadSHA256 = String(repeating: "e", count: 64)
    replacement.tables = [
      .logLevels: [
        .sortedObject([
          "day": .string(day.description), "level": .string("error"), "count": .integer(99),
        ])
      ]
    ]
    try history.ingest(bundles[0])
    try history.ingest(replacement)
    let site = bundles[0].manifest.siteID
    let rows = try history.tables(siteID: site, days: day...day)
    #expect(rows.logLevels.map(\.count) == [99])
    #expect(rows.dicomCounts.isEmpty)
    let before = try history.tables(siteID: site, days: day.adding(days: -1)...day.adding(days: -1))
    #expect(!before.dicomCounts.isEmpty)
  }

  @Test func olderBundleDoesNotReplaceNewerDays() throws {
    let history = try HistoryDatabase(path: ":memory:")
    let bundles = Self.bundles(months: 2)
    var late = bundles[1]
    let day = bundles[0].manifest.periodEnd
    late.manifest.periodStart = day
    late.tables = [
      .logLevels: [
        .sortedObject([
          "day": .string(day.description), "level": .string("error"), "count": .integer(99),
        ])
      ]
    ]
    try history.ingest(late)
    try history.ingest(bundles[0])
    let rows = try history.tables(siteID: late.manifest.siteID, days: day...day)
    #expect(rows.logLevels.map(\.count) == [99])
  }

  @Test func recordsSequenceGapAndRepeat() throws {
    let history = try HistoryDatabase(path: ":memory:")
    let bundles = Self.bundles(months: 3)
    try history.ingest(bundles[0])
    let gap = try history.ingest(bundles[2])
    guard case .ingested(let events) = gap else {
      Issue.record("expected ingest, got \(gap)")
      return
    }
    #expect(events.map(\.kind) == [.sequenceGap])
    #expect(events.first?.detail == "bundles 2 are missing before sequence 3")
    var again = bundles[2]
    again.manifest.payloadSHA256 = String(repeating: "a", count: 64)
    #expect(
      try history.ingest(again)
        == .ingested(events: [
          HistoryEvent(
            siteID: again.manifest.siteID, sequence: 3, kind: .sequenceRepeat,
            detail: "sequence 3 arrived again with a different payload")
        ]))
    #expect(
      try history.events(siteID: again.manifest.siteID).map(\.kind) == [
        .sequenceGap, .sequenceRepeat,
      ])
  }

  @Test func pinsSigningKeyOnFirstSight() throws {
    let history = try HistoryDatabase(path: ":memory:")
    let bundles = Self.bundles(months: 2)
    try history.ingest(bundles[0])
    var forged = bundles[1]
    forged.manifest.signingKey = [UInt8](repeating: 9, count: 32)
    let outcome = try history.ingest(forged)
    guard case .untrusted(let event) = outcome else {
      Issue.record("expected untrusted, got \(outcome)")
      return
    }
    #expect(event.kind == .signingKeyChanged)
    let site = forged.manifest.siteID
    let stored = try history.tables(
      siteID: site, days: forged.manifest.periodStart...forged.manifest.periodEnd)
    #expect(stored.dicomCounts.isEmpty)
    #expect(try history.bundles(siteID: site).map(\.trusted) == [true, false])
    #expect(try history.sites().first?.lastBundle?.sequence == 1)
  }

  @Test func storesAndClearsBaseline() throws {
    let history = try HistoryDatabase(path: ":memory:")
    let period = Day(year: 2026, month: 1, day: 1)!...Day(year: 2026, month: 3, day: 31)!
    try history.setBaseline(siteID: "site", period: period)
    #expect(try history.baseline(siteID: "site") == period)
    #expect(try history.clearBaseline(siteID: "site"))
    #expect(try history.baseline(siteID: "site") == nil)
    #expect(try !history.clearBaseline(siteID: "site"))
  }

  @Test func defaultPathFollowsXDG() {
    #expect(
      HistoryDatabase.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/v"])
        == "/data/medmon/history.db")
    #expect(
      HistoryDatabase.defaultPath(environment: ["HOME": "/home/v"])
        == "/home/v/.local/share/medmon/history.db")
    #expect(HistoryDatabase.defaultPath(environment: [:]) == nil)
  }

  @Test func findsSiteByNameOrPrefix() throws {
    let history = try HistoryDatabase(path: ":memory:")
    try history.ingest(Self.bundles(months: 1)[0])
    #expect(
      try history.site(matching: "North Clinic")?.siteID == "0b7d2c8e-5f1a-4e39-9a57-3f7c1d2e8b40")
    #expect(try history.site(matching: "0b7d")?.name == "North Clinic")
    #expect(try history.site(matching: "zz") == nil)
  }
}
