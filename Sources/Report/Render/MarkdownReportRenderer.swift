import Core

/// Renders a report as Markdown for a ticket: a findings table per site
/// and the details of each finding.
public enum MarkdownReportRenderer {
  public static func render(_ report: AnalysisReport) -> String {
    var text = "# medmon report\n"
    if report.sites.isEmpty { text += "\nNo site to report.\n" }
    for site in report.sites { text += "\n" + render(site) }
    return text
  }

  static func render(_ report: SiteReport) -> String {
    var lines = ["## \(escape(report.siteName))", ""]
    lines.append("- Site id: `\(report.siteID)`")
    if let sequence = report.sequence { lines.append("- Bundle: \(sequence)") }
    lines.append(
      "- Period: \(report.period.lowerBound) to \(report.period.upperBound), \(report.studies) studies"
    )
    if let baseline = report.baseline {
      let pinned = report.baselinePinned ? " (pinned)" : ""
      lines.append(
        "- Baseline: \(baseline.lowerBound) to \(baseline.upperBound)\(pinned), \(report.baselineStudies) studies"
      )
    } else {
      lines.append("- Baseline: none yet, so only checks without history ran")
    }
    lines.append("")
    guard !report.findings.isEmpty else {
      return (lines + ["No findings.", ""]).joined(separator: "\n")
    }
    lines += [
      "| severity | state | kind | subject | first day | last day |",
      "| --- | --- | --- | --- | --- | --- |",
    ]
    for finding in report.findings {
      lines.append(
        "| \(finding.severity.label) | \(finding.state.rawValue) | \(finding.kind) | \(escape(finding.subject)) | \(finding.firstDay) | \(finding.lastDay) |"
      )
    }
    lines.append("")
    for finding in report.findings { lines += details(finding) }
    return lines.joined(separator: "\n")
  }

  static func details(_ finding: Finding) -> [String] {
    var lines = [
      "### \(finding.kind): \(escape(finding.subject))", "", escape(finding.sentence), "",
    ]
    if let test = finding.test {
      let p = test.pValue.map { ", p = \(Format.pValue($0))" } ?? ""
      lines.append(
        "- Test: \(test.name)\(p), \(test.effectName) \(Format.decimal(test.effectSize, digits: 3))"
      )
    }
    for key in finding.evidence.keys.sorted() {
      lines.append("- \(key): \(Format.decimal(finding.evidence[key]!, digits: 4))")
    }
    if !finding.studies.isEmpty {
      lines.append(
        "- Studies (resolve on the site with `medmon lookup`): "
          + finding.studies.map { "`\($0)`" }.joined(separator: ", "))
    }
    return lines + [""]
  }

  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      if "|*_`<>[]#\\".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
