import Core
import Testing

@testable import Report

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AnalysisRunTests {
  /// Writes the bundle files of a generated site and returns the fixture
  /// and the paths in sequence order.
  static func writeSite(_ event: InjectedEvent, months: Int = 10) throws -> (
    BundleFixture, [String]
  ) {
    let fixture = try BundleFixture()
    var generator = AnalyzerTests.generator(event, seed: 42)
    generator.months = months
    generator.start = Day(year: 2026, month: 11 - months, day: 1)!
    let paths = try generator.bundles().map { try fixture.write($0) }
    _ = try fixture.identityFile()
    return (fixture, paths)
  }

  @Test func analyzesBundleFilesIntoHistory() throws {
    let (fixture, paths) = try Self.writeSite(.newError)
    defer { fixture.remove() }
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    let history = try HistoryDatabase(path: FileSystem.join(fixture.folder, "history.db"))
    let report = try run.analyze(paths: paths, history: history)
    #expect(report.sites.count == 1)
    let site = try #require(report.sites.first)
    #expect(site.sequence == 10)
    #expect(site.period == AnalyzerTests.october...Day(year: 2026, month: 10, day: 31)!)
    let newError = site.findings.first { $0.kind == "new_error_template" }
    #expect(newError?.firstDay == AnalyzerTests.eventDay)
    #expect(site.highestSeverity == .incident)
  }

  @Test func sameBundlesGiveIdenticalReports() throws {
    let (fixture, paths) = try Self.writeSite(.newVendor, months: 5)
    defer { fixture.remove() }
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    for format in ReportFormat.allCases {
      let first = format.render(
        try run.analyze(paths: paths, history: try HistoryDatabase(path: ":memory:")))
      let second = format.render(
        try run.analyze(paths: paths.reversed(), history: try HistoryDatabase(path: ":memory:")))
      #expect(first == second, "format \(format)")
      #expect(first.contains("Delta Imaging"), "format \(format)")
    }
  }

  @Test func reanalyzingChangesNothing() throws {
    let (fixture, paths) = try Self.writeSite(.newVendor, months: 5)
    defer { fixture.remove() }
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    let history = try HistoryDatabase(path: ":memory:")
    let first = ReportFormat.json.render(try run.analyze(paths: paths, history: history))
    let second = ReportFormat.json.render(try run.analyze(paths: paths, history: history))
    #expect(first == second)
  }

  @Test func diffComparesTwoBundles() throws {
    let (fixture, paths) = try Self.writeSite(.newVendor)
    defer { fixture.remove() }
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    let report = try run.diff(old: paths[8], new: paths[9])
    let site = try #require(report.sites.first)
    #expect(
      site.baseline == Day(year: 2026, month: 9, day: 1)!...Day(year: 2026, month: 9, day: 30)!)
    let appearance = site.findings.first { $0.kind == "first_appearance" }
    #expect(appearance?.subject == "manufacturer=Delta Imaging")
    #expect(!site.findings.contains { $0.kind == "sequence_gap" })
  }

  @Test func reportsKeyChangeAsIncident() throws {
    let (fixture, paths) = try Self.writeSite(.none, months: 2)
    defer { fixture.remove() }
    let forger = try BundleFixture(seed: 3)
    defer { forger.remove() }
    var generator = SiteGenerator(seed: 42)
    generator.months = 3
    generator.start = Day(year: 2026, month: 9, day: 1)!
    let forged = try forger.write(generator.bundles()[2])
    let run = AnalysisRun(identities: [fixture.identity, forger.identity], logger: .silent)
    let history = try HistoryDatabase(path: ":memory:")
    _ = try run.analyze(paths: paths, history: history)
    let report = try run.analyze(paths: [forged], history: history)
    let site = try #require(report.sites.first)
    #expect(site.sequence == 2)
    let keyChange = site.findings.first { $0.kind == "signing_key_changed" }
    #expect(keyChange?.severity == .incident)
  }

  /// Writes two generated sites' bundles and the vendor key into
  /// MEDMON_REPORT_DEMO_DIR (or a temporary folder) for `make check-html`
  /// and for trying the commands by hand.
  @Test func writesDemoBundles() throws {
    let folder = getenv("MEDMON_REPORT_DEMO_DIR").map { String(cString: $0) }
    let fixture = try BundleFixture(folder: folder)
    defer { if folder == nil { fixture.remove() } }
    var paths: [String] = []
    for (index, event) in [InjectedEvent.newVendor, .latencyRegression].enumerated() {
      var generator = AnalyzerTests.generator(event, seed: 42 + UInt64(index))
      generator.siteName = index == 0 ? "North Clinic" : "South Hospital"
      generator.siteID = index == 0 ? generator.siteID : "7c4e9a10-2b3d-4f5e-8a6b-0c1d2e3f4a5b"
      paths += try generator.bundles().map { try fixture.write($0) }
    }
    let key = try fixture.identityFile()
    #expect(paths.count == 26)
    #expect(FileSystem.exists(key))
    let report = try AnalysisRun(identities: [fixture.identity], logger: .silent)
      .analyze(paths: paths, history: try HistoryDatabase(path: ":memory:"))
    #expect(report.sites.map(\.siteName) == ["North Clinic", "South Hospital"])
  }
}
