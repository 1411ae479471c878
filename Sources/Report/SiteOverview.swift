import Core

/// The `medmon sites` listing: each site's last trusted bundle and the
/// findings of its last period at warning or above.
public struct SiteOverview: Sendable {
  public struct Entry: Sendable {
    public var site: SiteRecord
    public var incidents: Int
    public var warnings: Int
  }
  public var entries: [Entry]

  /// Analyzes each site's last period to count its open findings.
  /// NOTE: this runs the full analysis once per site (a whole `analyze`
  /// run took 0.42 s in the release benchmark), so a history of hundreds
  /// of sites lists slowly.
  public static func build(history: HistoryDatabase, options: AnalysisOptions = AnalysisOptions())
    throws
    -> SiteOverview
  {
    let analyzer = Analyzer(options: options)
    let entries = try history.sites().map { site -> Entry in
      let periods = try history.bundles(siteID: site.siteID).filter(\.trusted).map(\.period)
      guard !periods.isEmpty else { return Entry(site: site, incidents: 0, warnings: 0) }
      let findings = analyzer.analyze(
        tables: try history.tables(siteID: site.siteID), periods: periods,
        pinnedBaseline: try history.baseline(siteID: site.siteID))
      return Entry(
        site: site, incidents: findings.filter { $0.severity == .incident }.count,
        warnings: findings.filter { $0.severity == .warning }.count)
    }
    return SiteOverview(entries: entries)
  }

  public func text() -> String {
    guard !entries.isEmpty else { return "No site in the history database.\n" }
    var lines = [
      "site                     id        bundle  period                    incidents  warnings"
    ]
    for entry in entries {
      let bundle = entry.site.lastBundle
      let period = bundle.map { "\($0.period.lowerBound)..\($0.period.upperBound)" } ?? "-"
      lines.append(
        pad(entry.site.name, 24) + " " + pad(String(entry.site.siteID.prefix(8)), 9) + " "
          + pad(bundle.map { String($0.sequence) } ?? "-", 7) + " " + pad(period, 25) + " "
          + pad(String(entry.incidents), 10) + " " + String(entry.warnings))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public func json() -> String {
    let sites: [JSONValue] = entries.map { entry in
      let bundle = entry.site.lastBundle
      return .sortedObject([
        "id": .string(entry.site.siteID), "name": .string(entry.site.name),
        "last_sequence": bundle.map { .integer(Int64($0.sequence)) } ?? .null,
        "period": bundle.map { JSONReportRenderer.range($0.period) } ?? .null,
        "incidents": .integer(Int64(entry.incidents)), "warnings": .integer(Int64(entry.warnings)),
      ])
    }
    return JSONValue.sortedObject(["sites": .array(sites)]).serialized(indent: 2) + "\n"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
