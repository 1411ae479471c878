/// The output formats of `analyze` and `diff`.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text
  case markdown
  case html
  case json

  public func render(_ report: AnalysisReport) -> String {
    switch self {
    case .text: return TextReportRenderer.render(report)
    case .markdown: return MarkdownReportRenderer.render(report)
    case .html: return HTMLReportRenderer.render(report)
    case .json: return JSONReportRenderer.render(report)
    }
  }
}
