import Core

/// The report on one site's current period: its findings and the series
/// behind the charts.
public struct SiteReport: Sendable {
  public var siteID: String
  public var siteName: String
  /// The sequence number of the bundle whose period is reported, or nil
  /// for a comparison of two bundles outside the history.
  public var sequence: Int?
  public var period: ClosedRange<Day>
  public var baseline: ClosedRange<Day>?
  /// Whether the baseline was pinned with `medmon baseline set`.
  public var baselinePinned: Bool
  /// Studies that reached the site in the current and baseline periods.
  public var studies: Int
  public var baselineStudies: Int
  public var findings: [Finding]
  public var charts: ChartSet

  public func count(_ severity: Severity) -> Int {
    findings.filter { $0.severity == severity }.count
  }

  /// The highest severity among the findings, nil when there are none.
  public var highestSeverity: Severity? { findings.map(\.severity).max() }
}

/// The reports of one `analyze` or `diff` run, ordered by site name.
public struct AnalysisReport: Sendable {
  public var sites: [SiteReport]

  public init(sites: [SiteReport]) {
    self.sites = sites.sorted { ($0.siteName, $0.siteID) < ($1.siteName, $1.siteID) }
  }

  public var highestSeverity: Severity? { sites.compactMap(\.highestSeverity).max() }
}

/// One named series of values over labelled points (days or months). A
/// NaN value marks a point without data, which charts leave out.
public struct ChartSeries: Sendable, Equatable {
  public var name: String
  public var values: [Double]
}

/// Labelled points with one or more series, the data of one chart.
public struct ChartData: Sendable, Equatable {
  public var title: String
  /// The unit of a value, such as `studies` or `ms`.
  public var unit: String
  public var labels: [String]
  public var series: [ChartSeries]

  public var isEmpty: Bool { labels.isEmpty || series.isEmpty }
}

/// The charts of a site report.
public struct ChartSet: Sendable, Equatable {
  /// Studies per month by manufacturer, drawn as stacked bars.
  public var vendorMonths: ChartData
  /// Error messages per day by template, drawn as lines.
  public var errorsPerDay: ChartData
  /// Latency p50, p95 and p99 per day, drawn as lines.
  public var latency: ChartData
  /// Share of studies per age band, baseline against current, as bars.
  public var ageHistogram: ChartData
  /// Positive rate per day by model and finding, drawn as lines.
  public var predictionRates: ChartData

  public var all: [ChartData] {
    [vendorMonths, errorsPerDay, latency, ageHistogram, predictionRates]
  }
}
