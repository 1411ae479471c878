import Core

/// Renders one self-contained HTML page: inline CSS and inline SVG
/// charts, nothing loaded from the network, readable when printed.
public enum HTMLReportRenderer {
  static let style = """
    body { font: 14px/1.45 system-ui, sans-serif; color: #1a1a1a; margin: 2em auto; max-width: 60em; padding: 0 1em; }
    h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
    table { border-collapse: collapse; width: 100%; margin: 1em 0; }
    th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #f2f2f2; }
    .incident { color: #b00020; font-weight: bold; } .warning { color: #8a5a00; font-weight: bold; }
    .info { color: #555; }
    figure { margin: 1.5em 0; page-break-inside: avoid; break-inside: avoid; }
    figcaption { font-weight: bold; margin-bottom: .3em; }
    svg { width: 100%; height: auto; background: #fff; }
    .axis { stroke: #333; } .grid { stroke: #e3e3e3; }
    .tick, .legend { font-size: 11px; fill: #333; }
    .empty { color: #777; font-style: italic; }
    @media print { body { margin: 0; max-width: none; } h2 { page-break-before: always; } }
    """

  public static func render(_ report: AnalysisReport) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>medmon report</title>
      <style>
      \(style)
      </style>
      </head>
      <body>
      <h1>medmon report</h1>

      """
    if report.sites.isEmpty { html += "<p class=\"empty\">No site to report.</p>\n" }
    for site in report.sites { html += render(site) }
    return html + "</body>\n</html>\n"
  }

  static func render(_ report: SiteReport) -> String {
    var html = "<section class=\"site\">\n<h2>\(HTMLText.escape(report.siteName))</h2>\n<p>"
    html += "Site <code>\(HTMLText.escape(report.siteID))</code>"
    if let sequence = report.sequence { html += ", bundle \(sequence)" }
    html +=
      ". Period \(report.period.lowerBound) to \(report.period.upperBound), \(report.studies) studies. "
    if let baseline = report.baseline {
      html +=
        "Baseline \(baseline.lowerBound) to \(baseline.upperBound)\(report.baselinePinned ? " (pinned)" : ""), \(report.baselineStudies) studies.</p>\n"
    } else {
      html += "No baseline yet.</p>\n"
    }
    html += findingsTable(report.findings)
    html += chart(report.charts.vendorMonths, id: "vendor_months", draw: SVGChart.stackedBars)
    html += chart(report.charts.errorsPerDay, id: "errors_per_day", draw: SVGChart.lines)
    html += chart(report.charts.latency, id: "latency", draw: SVGChart.lines)
    html += chart(report.charts.ageHistogram, id: "age_histogram", draw: SVGChart.groupedBars)
    html += chart(report.charts.predictionRates, id: "prediction_rates", draw: SVGChart.lines)
    return html + "</section>\n"
  }

  static func findingsTable(_ findings: [Finding]) -> String {
    guard !findings.isEmpty else { return "<p class=\"empty\">No findings.</p>\n" }
    var html =
      "<table>\n<tr><th>severity</th><th>state</th><th>kind</th><th>days</th><th>what happened</th><th>evidence</th></tr>\n"
    for finding in findings {
      var evidence = finding.evidence.keys.sorted().map {
        "\($0) \(Format.decimal(finding.evidence[$0]!, digits: 4))"
      }
      if let test = finding.test {
        let p = test.pValue.map { ", p \(Format.pValue($0))" } ?? ""
        evidence.insert(
          "\(test.name)\(p), \(test.effectName) \(Format.decimal(test.effectSize, digits: 3))",
          at: 0)
      }
      if !finding.studies.isEmpty {
        evidence.append("studies " + finding.studies.joined(separator: " "))
      }
      html +=
        "<tr><td class=\"\(finding.severity.label)\">\(finding.severity.label)</td><td>\(finding.state.rawValue)</td>"
      html +=
        "<td>\(HTMLText.escape(finding.kind))<br><small>\(HTMLText.escape(finding.subject))</small></td>"
      html +=
        "<td>\(finding.firstDay)<br>\(finding.lastDay)</td><td>\(HTMLText.escape(finding.sentence))</td>"
      html +=
        "<td><small>\(evidence.map(HTMLText.escape).joined(separator: "<br>"))</small></td></tr>\n"
    }
    return html + "</table>\n"
  }

  static func chart(_ data: ChartData, id: String, draw: (ChartData) -> String) -> String {
    var html =
      "<figure class=\"chart\" id=\"\(id)\">\n<figcaption>\(HTMLText.escape(data.title)) (\(HTMLText.escape(data.unit)))</figcaption>\n"
    html += data.isEmpty ? "<p class=\"empty\">No data in this period.</p>\n" : draw(data)
    return html + "</figure>\n"
  }
}
