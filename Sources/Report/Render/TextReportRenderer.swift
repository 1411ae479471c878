import Core

/// Renders a terminal summary that fits one screen: a header per site
/// and its findings, most severe first, two lines each.
public enum TextReportRenderer {
  /// The maximum number of findings listed per site; the rest are counted.
  public static let findingLimit = 9
  public static let width = 100

  public static func render(_ report: AnalysisReport) -> String {
    guard !report.sites.isEmpty else { return "No site to report.\n" }
    return report.sites.map(site).joined(separator: "\n")
  }

  static func site(_ report: SiteReport) -> String {
    var lines = [header(report)]
    let counts = Severity.allCases.reversed().map { severity in
      let count = report.count(severity)
      // "info" is a mass noun: "3 info", but "3 warnings".
      return severity == .info || count == 1 ? "\(count) \(severity.label)" : "\(count) \(severity.label)s"
    }
    lines.append("  " + counts.joined(separator: ", ") + ".")
    for finding in report.findings.prefix(findingLimit) {
      let days =
        finding.firstDay == finding.lastDay
        ? finding.firstDay.description : "\(finding.firstDay)..\(finding.lastDay)"
      let tag = "\(finding.severity.label.uppercased()) (\(finding.state.rawValue))"
      lines.append(clip("  \(tag) \(days) \(finding.kind) \(finding.subject)"))
      lines.append(clip("      " + finding.sentence))
    }
    if report.findings.count > findingLimit {
      lines.append(
        "  ... and \(report.findings.count - findingLimit) more; use --format markdown or html for all."
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func header(_ report: SiteReport) -> String {
    let sequence = report.sequence.map { ", bundle \($0)" } ?? ""
    let baseline =
      report.baseline.map {
        " against \($0.lowerBound)..\($0.upperBound)\(report.baselinePinned ? " (pinned)" : "")"
      } ?? " (no baseline yet)"
    return
      "\(report.siteName) (\(report.siteID.prefix(8))\(sequence)): \(report.period.lowerBound)..\(report.period.upperBound), \(report.studies) studies\(baseline)"
  }

  static func clip(_ line: String) -> String {
    guard line.count > width else { return line }
    return String(line.prefix(width - 3)) + "..."
  }
}
