import Glibc
import Testing

@testable import Core

/// Bulk upserts as a snapshot writes them: many rows in one transaction
/// through one cached statement. `make bench-sqlite` runs this suite in a
/// release build with MEDMON_BENCH_REPORT=1, which prints the rate.
@Suite struct DatabaseBulkTests {
  static let upserts = 200_000
  static let distinctKeys = 50_000

  @Test func bulkUpsertKeepsEveryCount() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.file("bulk.db"))
    try database.migrate([
      """
      CREATE TABLE daily (
        day INTEGER NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (day, dimension, value)
      ) WITHOUT ROWID;
      """
    ])
    let sql = """
      INSERT INTO daily (day, dimension, value, count) VALUES (?, ?, ?, ?)
      ON CONFLICT (day, dimension, value) DO UPDATE SET count = count + excluded.count
      """

    let clock = ContinuousClock()
    let start = clock.now
    try database.transaction(.immediate) {
      for index in 0..<Self.upserts {
        let key = index % Self.distinctKeys
        try database.execute(
          sql,
          [.integer(20_000 + key % 365), "manufacturer", .text("vendor-\(key)"), 1])
      }
    }
    let elapsed = clock.now - start

    #expect(try database.scalar("SELECT count(*) FROM daily") == .integer(Self.distinctKeys))
    let total = try database.scalar("SELECT sum(count) FROM daily")
    #expect(total == .integer(Int64(Self.upserts)))
    let perKey = try database.scalar("SELECT max(count) - min(count) FROM daily")
    #expect(perKey == .integer(0))
    report(elapsed)
  }

  private func report(_ elapsed: Duration) {
    guard getenv("MEDMON_BENCH_REPORT") != nil else { return }
    let seconds =
      Double(elapsed.components.seconds)
      + Double(elapsed.components.attoseconds) / 1e18
    let rate = Int(Double(Self.upserts) / seconds)
    print("bulk upsert: \(Self.upserts) rows in \(seconds) s, \(rate) rows/s")
  }
}
