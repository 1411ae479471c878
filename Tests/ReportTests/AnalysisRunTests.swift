import Core
import Testing

@testable import Report

@Suite struct AnalysisRunTests {
  /// Writes the bundle files of a generated site and returns the fixture
  /// and the paths in sequence order.
  static func writeSite(_ event: InjectedEvent, months: Int = 10) throws -> (BundleFixture, [String]) {
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
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    let history = try HistoryDatabase(path: FileSystem.join(fixture.folder, "history.db"))
    let report = try run.analyze(paths: paths, history: history)
    #expect(report.sites.count == 1)
    let site = try #require(report.sites.first)
    #expect(site.sequence == 10)
    #expect(site.period == AnalyzerTests.october...Day(year: 2026, month: 10, day: 31)!)
    #expect(site.findings.contains { $0.kind == "new_error_template" && $0.firstDay == AnalyzerTests.eventDay })
    #expect(site.highestSeverity == .incident)
  }

  @Test func sameBundlesGiveIdenticalReports() throws {
    let (fixture, paths) = try Self.writeSite(.newVendor, months: 5)
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    for format in ReportFormat.allCases {
      let first = format.render(try run.analyze(paths: paths, history: try HistoryDatabase(path: ":memory:")))
      let second = format.render(try run.analyze(paths: paths.reversed(), history: try HistoryDatabase(path: ":memory:")))
      #expect(first == second, "format \(format)")
      #expect(first.contains("Delta Imaging"), "format \(format)")
    }
  }

  @Test func reanalyzingChangesNothing() throws {
    let (fixture, paths) = try Self.writeSite(.newVendor, months: 5)
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    let history = try HistoryDatabase(path: ":memory:")
    let first = ReportFormat.json.render(try run.analyze(paths: paths, history: history))
    let second = ReportFormat.json.render(try run.analyze(paths: paths, history: history))
    #expect(first == second)
  }

  @Test func diffComparesTwoBundles() throws {
    let (fixture, paths) = try Self.writeSite(.newVendor)
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)
    let report = try run.diff(old: paths[8], new: paths[9])
    let site = try #require(report.sites.first)
    #expect(site.baseline == Day(year: 2026, month: 9, day: 1)!...Day(year: 2026, month: 9, day: 30)!)
    #expect(site.findings.contains { $0.kind == "first_appearance" && $0.subject == "manufacturer=Delta Imaging" })
    #expect(!site.findings.contains { $0.kind == "sequence_gap" })
  }

  @Test func reportsKeyChangeAsIncident() throws {
    let (fixture, paths) = try Self.writeSite(.none, months: 2)
    let forger = try BundleFixture(seed: 3)
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
    #expect(site.findings.contains { $0.kind == "signing_key_changed" && $0.severity == .incident })
  }
}
