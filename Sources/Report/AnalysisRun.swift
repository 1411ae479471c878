import Core

/// The work behind `medmon analyze` and `medmon diff`: read bundles,
/// store them in the history, and report on each site's newest period.
public struct AnalysisRun {
  public var reader: BundleReader
  public var builder: ReportBuilder
  public var logger: Logger
  /// Whether reports list sequence gaps, repeats and key changes; `diff`
  /// turns it off because two chosen bundles need not be adjacent.
  public var includesHistoryEvents = true

  public init(
    identities: [X25519Identity], options: AnalysisOptions = AnalysisOptions(), logger: Logger
  ) {
    self.reader = BundleReader(identities: identities)
    self.builder = ReportBuilder(analyzer: Analyzer(options: options))
    self.logger = logger
  }

  /// Reads every bundle first, so that one bad bundle stores nothing,
  /// then ingests them in sequence order and reports on each site's
  /// newest given bundle.
  public func analyze(paths: [String], history: HistoryDatabase) throws -> AnalysisReport {
    let contents = try paths.map { path in
      logger.debug("reading bundle \(path)")
      return try reader.read(path: path)
    }
    return try analyze(contents, history: history)
  }

  /// Ingests already read bundles and reports on them.
  public func analyze(_ contents: [BundleContent], history: HistoryDatabase) throws
    -> AnalysisReport
  {
    var requested: [String: [Int]] = [:]
    for content in contents.sorted(by: { $0.manifest.sequence < $1.manifest.sequence }) {
      let manifest = content.manifest
      switch try history.ingest(content) {
      case .duplicate:
        logger.info(
          "bundle \(manifest.sequence) of site \(manifest.siteName) is already in the history")
      case .untrusted(let event):
        logger.warning("bundle \"\(content.source)\" was not ingested: \(event.detail)")
      case .ingested:
        logger.debug("ingested bundle \(manifest.sequence) of site \(manifest.siteName)")
      }
      requested[manifest.siteID, default: []].append(Int(manifest.sequence))
    }
    let reports = try requested.keys.sorted().compactMap { site in
      try siteReport(site, sequences: requested[site]!, history: history)
    }
    return AnalysisReport(sites: reports)
  }

  func siteReport(_ siteID: String, sequences: [Int], history: HistoryDatabase) throws
    -> SiteReport?
  {
    guard let site = try history.sites().first(where: { $0.siteID == siteID }) else { return nil }
    var bySequence: [Int: BundleRecord] = [:]
    for record in try history.bundles(siteID: siteID) where record.trusted {
      bySequence[record.sequence] = record
    }
    let newest = sequences.filter { bySequence[$0] != nil }.max() ?? bySequence.keys.max()
    guard let newest else { return nil }
    let periods = bySequence.keys.sorted().filter { $0 <= newest }.map { bySequence[$0]!.period }
    let tables = try history.tables(siteID: siteID, days: nil)
    let events = try history.events(siteID: siteID).filter {
      includesHistoryEvents && sequences.contains($0.sequence)
    }
    return builder.build(
      siteID: siteID, siteName: site.name, sequence: newest, tables: tables, periods: periods,
      pinnedBaseline: try history.baseline(siteID: siteID), events: events)
  }

  /// Compares two bundles of one site without the history database: the
  /// older is the baseline of the newer. A private in-memory history
  /// merges their days, so overlapping periods count once.
  public func diff(old: String, new: String) throws -> AnalysisReport {
    let before = try reader.read(path: old)
    let after = try reader.read(path: new)
    if before.manifest.siteID != after.manifest.siteID {
      logger.warning(
        "\"\(old)\" and \"\(new)\" come from different sites, so each is reported alone")
    }
    var builder = self.builder
    builder.analyzer.options.baselinePeriods = 1
    var run = self
    run.builder = builder
    run.includesHistoryEvents = false
    return try run.analyze([before, after], history: try HistoryDatabase(path: ":memory:"))
  }
}
