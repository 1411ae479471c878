import Core
import Testing

@testable import Report

#if canImport(Glibc)
  import Glibc
#endif

/// Times `analyze` of one new bundle against a history of many sites
/// with weekly bundles. `make bench-analyze` runs it in release mode at
/// 100 sites x 52 weeks through MEDMON_BENCH_SITES and
/// MEDMON_BENCH_WEEKS; a plain test run uses a small history.
@Suite struct AnalyzeBenchmarkTests {
  static func setting(_ name: String, default value: Int) -> Int {
    guard let text = getenv(name) else { return value }
    return Int(String(cString: text)) ?? value
  }

  static func generator(site: Int, weeks: Int) -> SiteGenerator {
    var generator = SiteGenerator(seed: UInt64(500 + site))
    generator.siteID =
      "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - String(site).count)
      + String(site)
    generator.siteName = "Site \(site)"
    generator.start = Day(year: 2025, month: 10, day: 6)!
    generator.periodLength = 7
    generator.months = weeks
    return generator
  }

  @Test func analyzeOneBundleAgainstHistory() throws {
    let sites = Self.setting("MEDMON_BENCH_SITES", default: 3)
    let weeks = Self.setting("MEDMON_BENCH_WEEKS", default: 4)
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let history = try HistoryDatabase(path: FileSystem.join(fixture.folder, "history.db"))
    var newest: BundleContent?
    for site in 0..<sites {
      var bundles = Self.generator(site: site, weeks: weeks + (site == 0 ? 1 : 0)).bundles()
      if site == 0 { newest = bundles.removeLast() }
      for bundle in bundles { try history.ingest(bundle) }
    }
    let path = try fixture.write(try #require(newest))
    let run = AnalysisRun(identities: [fixture.identity], logger: .silent)

    let clock = ContinuousClock()
    var text = ""
    let elapsed = try clock.measure {
      text = ReportFormat.text.render(try run.analyze(paths: [path], history: history))
    }
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print(
      "bench-analyze: 1 bundle against \(sites) sites x \(weeks) weekly bundles: \(Format.decimal(seconds, digits: 3)) s"
    )
    #expect(text.hasPrefix("Site 0 "))
    #expect(try history.sites().count == sites)
    #expect(seconds < 2)
  }
}
