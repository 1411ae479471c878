import Core

/// Turns a site's tables and periods into a `SiteReport`.
public struct ReportBuilder: Sendable {
  public var analyzer: Analyzer

  public init(analyzer: Analyzer = Analyzer()) {
    self.analyzer = analyzer
  }

  /// Builds the report on the last of `periods`, adding the history
  /// events of its bundle (sequence gaps and repeats, key changes) as
  /// findings.
  public func build(
    siteID: String, siteName: String, sequence: Int?, tables: TableSet,
    periods: [ClosedRange<Day>], pinnedBaseline: ClosedRange<Day>? = nil,
    events: [HistoryEvent] = []
  ) -> SiteReport {
    let current = periods.last!
    let baseline = analyzer.baseline(
      periods: periods, index: periods.count - 1, pinned: pinnedBaseline)
    var findings = analyzer.analyze(
      tables: tables, periods: periods, pinnedBaseline: pinnedBaseline)
    findings += events.map { eventFinding($0, period: current) }
    findings.sort(by: Finding.reportOrder)
    let chartStart = baseline.map { min($0.lowerBound, current.lowerBound) } ?? current.lowerBound
    let days = AnalysisContext.days(in: chartStart...current.upperBound)
    let context = AnalysisContext(
      tables: tables, current: current, baseline: baseline, options: analyzer.options)
    let studies = context.studiesPerDay()
    return SiteReport(
      siteID: siteID, siteName: siteName, sequence: sequence, period: current, baseline: baseline,
      baselinePinned: pinnedBaseline != nil,
      studies: context.currentDays.reduce(0) { $0 + (studies[$1] ?? 0) },
      baselineStudies: context.baselineDays.reduce(0) { $0 + (studies[$1] ?? 0) },
      findings: findings,
      charts: ChartBuilder(tables: tables, days: days, current: current, baseline: baseline).build()
    )
  }

  func eventFinding(_ event: HistoryEvent, period: ClosedRange<Day>) -> Finding {
    let severity: Severity
    let sentence: String
    switch event.kind {
    case .signingKeyChanged:
      severity = .incident
      sentence =
        "Bundle \(event.sequence) is signed by a key other than the site's pinned key and was not ingested; \(event.detail)."
    case .sequenceGap:
      severity = .warning
      sentence = "Bundles are missing: \(event.detail)."
    case .sequenceRepeat:
      severity = .info
      sentence = "A bundle arrived twice: \(event.detail)."
    }
    return Finding(
      category: .incident, kind: event.kind.rawValue, subject: "bundle \(event.sequence)",
      severity: severity, firstDay: period.lowerBound, lastDay: period.upperBound,
      sentence: sentence,
      evidence: ["sequence": Double(event.sequence)])
  }
}
