import Core

/// Renders a report as JSON with sorted keys, in the schema that
/// docs/report-format.md documents.
public enum JSONReportRenderer {
  public static let formatVersion: Int64 = 1

  public static func render(_ report: AnalysisReport) -> String {
    let value: JSONValue = .sortedObject([
      "format": .string("medmon-report"),
      "format_version": .integer(formatVersion),
      "highest_severity": report.highestSeverity.map { .string($0.label) } ?? .null,
      "sites": .array(report.sites.map(site)),
    ])
    return value.serialized(indent: 2) + "\n"
  }

  static func site(_ report: SiteReport) -> JSONValue {
    .sortedObject([
      "site": .sortedObject(["id": .string(report.siteID), "name": .string(report.siteName)]),
      "sequence": report.sequence.map { .integer(Int64($0)) } ?? .null,
      "period": range(report.period),
      "baseline": report.baseline.map(range) ?? .null,
      "baseline_pinned": .bool(report.baselinePinned),
      "studies": .integer(Int64(report.studies)),
      "baseline_studies": .integer(Int64(report.baselineStudies)),
      "counts": .sortedObject(
        Dictionary(
          uniqueKeysWithValues: Severity.allCases.map {
            ($0.label, .integer(Int64(report.count($0))))
          })),
      "findings": .array(report.findings.map(finding)),
      "charts": .sortedObject([
        "vendor_months": chart(report.charts.vendorMonths),
        "errors_per_day": chart(report.charts.errorsPerDay),
        "latency": chart(report.charts.latency),
        "age_histogram": chart(report.charts.ageHistogram),
        "prediction_rates": chart(report.charts.predictionRates),
      ]),
    ])
  }

  static func range(_ days: ClosedRange<Day>) -> JSONValue {
    .sortedObject([
      "start": .string(days.lowerBound.description), "end": .string(days.upperBound.description),
    ])
  }

  static func number(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .double(Format.round(value))
  }

  static func finding(_ finding: Finding) -> JSONValue {
    var members: [String: JSONValue] = [
      "category": .string(finding.category.rawValue),
      "kind": .string(finding.kind),
      "subject": .string(finding.subject),
      "severity": .string(finding.severity.label),
      "state": .string(finding.state.rawValue),
      "first_day": .string(finding.firstDay.description),
      "last_day": .string(finding.lastDay.description),
      "sentence": .string(finding.sentence),
      "evidence": .sortedObject(finding.evidence.mapValues { number($0) }),
      "studies": .array(finding.studies.map { .string($0) }),
      "test": .null,
    ]
    if let test = finding.test {
      members["test"] = .sortedObject([
        "name": .string(test.name), "statistic": number(test.statistic),
        "p_value": test.pValue.map { .double($0 == 0 ? 0 : Format.round($0)) } ?? .null,
        "effect_name": .string(test.effectName), "effect_size": number(test.effectSize),
      ])
    }
    return .sortedObject(members)
  }

  static func chart(_ chart: ChartData) -> JSONValue {
    .sortedObject([
      "title": .string(chart.title), "unit": .string(chart.unit),
      "labels": .array(chart.labels.map { .string($0) }),
      "series": .array(
        chart.series.map {
          .sortedObject(["name": .string($0.name), "values": .array($0.values.map { number($0) })])
        }),
    ])
  }
}
