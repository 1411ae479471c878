import Core
import Testing

@testable import Report

@Suite struct HTMLReportRendererTests {
  static func report(_ event: InjectedEvent) throws -> AnalysisReport {
    let generator = AnalyzerTests.generator(event, seed: 42)
    let site = ReportBuilder().build(
      siteID: generator.siteID, siteName: generator.siteName, sequence: 13,
      tables: try generator.tableSet(), periods: generator.periods)
    return AnalysisReport(sites: [site])
  }

  /// Returns the markup of the figure with `id`.
  static func figure(_ id: String, in html: String) -> String? {
    let parts = html.split(
      separator: "<figure class=\"chart\" id=\"", omittingEmptySubsequences: false)
    guard let part = parts.dropFirst().first(where: { $0.hasPrefix(id + "\"") }) else { return nil }
    return String(
      part.split(separator: "</figure>", maxSplits: 1, omittingEmptySubsequences: false)[0])
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.split(separator: needle, omittingEmptySubsequences: false).count - 1
  }

  @Test func everyChartDrawsMarks() throws {
    let html = HTMLReportRenderer.render(try Self.report(.newVendor))
    let expected = [
      ("vendor_months", "<rect class=\"mark\"", 13 * 3 + 1),
      ("errors_per_day", "<polyline class=\"mark\"", 2),
      ("latency", "<polyline class=\"mark\"", 3),
      ("age_histogram", "<rect class=\"mark\"", 8),
      ("prediction_rates", "<polyline class=\"mark\"", 2),
    ]
    for (id, mark, minimum) in expected {
      let figure = try #require(Self.figure(id, in: html), "figure \(id)")
      #expect(Self.count(mark, in: figure) >= minimum, "figure \(id)")
      #expect(figure.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "figure \(id)")
    }
  }

  @Test func pageLoadsNothingFromNetwork() throws {
    let html = HTMLReportRenderer.render(try Self.report(.latencyRegression))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("src="))
    #expect(!html.contains("url("))
    #expect(Self.count("http", in: html) == Self.count("http://www.w3.org/2000/svg", in: html))
  }

  @Test func escapesSiteText() {
    var site = SiteReport(
      siteID: "id", siteName: "<b>&\"x\"", sequence: nil,
      period: Day(daysSinceEpoch: 0)...Day(daysSinceEpoch: 0),
      baseline: nil, baselinePinned: false, studies: 0, baselineStudies: 0, findings: [],
      charts: ChartSet(
        vendorMonths: ChartData(title: "a<b", unit: "u", labels: [], series: []),
        errorsPerDay: ChartData(title: "t", unit: "u", labels: [], series: []),
        latency: ChartData(title: "t", unit: "u", labels: [], series: []),
        ageHistogram: ChartData(title: "t", unit: "u", labels: [], series: []),
        predictionRates: ChartData(title: "t", unit: "u", labels: [], series: [])))
    site.findings = []
    let html = HTMLReportRenderer.render(AnalysisReport(sites: [site]))
    #expect(html.contains("&lt;b&gt;&amp;&quot;x&quot;"))
    #expect(html.contains("a&lt;b"))
    #expect(!html.contains("<b>&"))
  }

  @Test func niceMaximumRoundsUp() {
    #expect(SVGChart.niceMaximum(0) == 1)
    #expect(SVGChart.niceMaximum(7) == 10)
    #expect(SVGChart.niceMaximum(140) == 200)
    #expect(SVGChart.niceMaximum(0.031) == 0.05)
  }

  @Test func lineBreaksAtMissingDays() {
    let chart = ChartData(
      title: "latency", unit: "ms", labels: ["a", "b", "c", "d"],
      series: [ChartSeries(name: "p95", values: [1, .nan, 2, 3])])
    let svg = SVGChart.lines(chart)
    #expect(Self.count("<polyline class=\"mark\"", in: svg) == 2)
    #expect(!svg.contains("nan"))
  }
}
