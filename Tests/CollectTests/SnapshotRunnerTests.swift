import Core
import TestSupport
import Testing

@testable import Collect

@Suite struct SnapshotRunnerTests {
  @Test func countsEqualIndependentCount() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 120, seed: 42)
    let config = testConfig(folder)
    let summary = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds)
    #expect(summary.filesNew == store.instances.count)
    #expect(summary.instancesCounted == store.instances.count)

    let database = try StateDatabase.open(config.statePath)
    for manufacturer in ["SIEMENS", "GE MEDICAL SYSTEMS", "Philips"] {
      let expected = store.instances.filter { $0.manufacturer == manufacturer }
      let row = try database.query(
        "SELECT SUM(studies), SUM(series), SUM(instances) FROM dicom_counts WHERE dimension = 'manufacturer' AND value = ?",
        [.text(manufacturer)]
      ).first
      #expect(row?[2].intValue == expected.count, "instances of \(manufacturer)")
      #expect(row?[1].intValue == Set(expected.map(\.series)).count, "series of \(manufacturer)")
      #expect(row?[0].intValue == Set(expected.map(\.study)).count, "studies of \(manufacturer)")
    }
  }

  @Test func perDayCountsUseArrivalDay() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 60, seed: 7)
    let config = testConfig(folder)
    _ = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds)
    let database = try StateDatabase.open(config.statePath)
    var expected: [Int: Int] = [:]
    for instance in store.instances { expected[instance.day.daysSinceEpoch, default: 0] += 1 }
    let rows = try database.query(
      "SELECT day, SUM(instances) FROM dicom_counts WHERE dimension = 'modality' GROUP BY day")
    var actual: [Int: Int] = [:]
    for row in rows { actual[row[0].intValue!] = row[1].intValue! }
    #expect(actual == expected)
  }

  @Test func secondRunCountsNothingTwice() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 30, seed: 3)
    let config = testConfig(folder)
    _ = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds)
    let again = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds + 900)
    #expect(again.filesSeen == store.instances.count)
    #expect(again.filesNew == 0)
    #expect(again.instancesCounted == 0)
    let database = try StateDatabase.open(config.statePath)
    let total = try database.scalar("SELECT SUM(instances) FROM dicom_counts WHERE dimension = 'modality'")
    #expect(total?.intValue == store.instances.count)
  }

  @Test func lateFileOfKnownStudyCountsOnItsDay() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 5, seed: 11)
    let config = testConfig(folder)
    _ = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds)
    var extra = store.instances[0]
    extra.path += "-extra"
    TestDICOMWriter.write(extra.bytes(), to: extra.path, modified: extra.day.unixSeconds + 7200)
    let summary = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds + 900)
    #expect(summary.filesNew == 1)
    let database = try StateDatabase.open(config.statePath)
    // The old mtime predates the first snapshot, so the file counts on the
    // day the second snapshot saw it, as one more study-day for the study.
    let snapshotDay = Day("2026-12-01")!.daysSinceEpoch
    let late = try database.query(
      "SELECT studies, series, instances FROM dicom_counts WHERE dimension = 'modality' AND day = ?",
      [.integer(snapshotDay)]
    ).first
    #expect(late?[0].intValue == 1)
    #expect(late?[1].intValue == 1)
    #expect(late?[2].intValue == 1)
    let total = try database.scalar("SELECT SUM(instances) FROM dicom_counts WHERE dimension = 'modality'")
    #expect(total?.intValue == store.instances.count + 1)
  }

  @Test func oldMtimeCopiedLaterCountsOnSnapshotDay() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 3, seed: 5)
    let config = testConfig(folder)
    let first = Day("2026-12-01")!
    _ = try runSnapshot(config, now: first.unixSeconds)
    var copied = store.instances[0]
    copied.path += "-copy"
    copied.study += ".99"
    TestDICOMWriter.write(copied.bytes(), to: copied.path, modified: Day("2024-01-01")!.unixSeconds)
    _ = try runSnapshot(config, now: first.adding(days: 2).unixSeconds)
    let database = try StateDatabase.open(config.statePath)
    let day = try database.scalar("SELECT day FROM files WHERE path = ?", [.text(copied.path)])
    #expect(day?.intValue == first.adding(days: 2).daysSinceEpoch)
  }

  @Test func outlierPseudonymsResolveWithLookup() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 40, seed: 9)
    let config = testConfig(folder)
    _ = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds)
    let database = try StateDatabase.open(config.statePath)
    let hits = try database.query("SELECT DISTINCT study FROM outliers").compactMap { $0[0].stringValue }
    #expect(!hits.isEmpty)
    let queries = SiteQueries(database: database)
    for reference in hits {
      let study = try queries.lookup(reference)
      let files = store.instances.filter { $0.study == study.studyUID }
      #expect(!files.isEmpty, "reference \(reference) resolves to a generated study")
      #expect(Set(study.paths) == Set(files.map(\.path)))
    }
    let footStudies = Set(store.instances.filter { $0.bodyPart == "FOOT" }.map(\.study))
    let flagged = try database.query("SELECT study FROM outliers WHERE rule = 'unexpected_body_part'")
      .compactMap { $0[0].stringValue }.map { try queries.lookup($0).studyUID }
    #expect(Set(flagged) == footStudies)
  }

  @Test func exportedTablesCarryNoIdentifiers() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 40, seed: 13)
    var config = testConfig(folder)
    config.privacy.minimumCellCount = 1
    _ = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds)
    let database = try StateDatabase.open(config.statePath)
    let tables = try PayloadBuilder(
      database: database, config: config, start: Day("2025-01-01")!, end: Day("2026-12-31")!
    ).build()
    #expect(PrivacyGate().check(tables) == [])
    let text = PayloadTable.allCases.flatMap { tables[$0] ?? [] }.map { $0.serialized() }.joined()
    for instance in store.instances {
      #expect(!text.contains(instance.study), "study UID leaked")
      #expect(!text.contains(instance.patientName), "patient name leaked")
      #expect(!text.contains("TESTPATIENT"), "patient name leaked")
      #expect(!text.contains("PID-"), "patient ID leaked")
      #expect(!text.contains("19600101"), "birth date leaked")
    }
  }

  @Test func lockHeldSkipsQuietly() throws {
    let folder = TemporaryFolder()
    _ = GeneratedStore.make(in: folder, studies: 2, seed: 1)
    let config = testConfig(folder)
    try FileSystem.createDirectory(folder.path + "/state")
    let lock = try #require(try FileLock.tryAcquire(config.statePath + ".lock"))
    let summary = try runSnapshot(config, now: Day("2026-12-01")!.unixSeconds)
    #expect(summary.skippedBecauseLocked)
    lock.release()
    #expect(try !runSnapshot(config, now: Day("2026-12-01")!.unixSeconds).skippedBecauseLocked)
  }
}
