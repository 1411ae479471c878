import Core

/// Runs the incident and drift rules for one site's current period and
/// sets each finding's state from the previous periods.
public struct Analyzer: Sendable {
  public var options: AnalysisOptions

  public init(options: AnalysisOptions = AnalysisOptions()) {
    self.options = options
  }

  /// Analyzes `periods[periods.count - 1]` against the previous
  /// `options.baselinePeriods` periods, or against `pinnedBaseline`.
  /// `periods` are the site's bundle periods in sequence order.
  public func analyze(
    tables: TableSet, periods: [ClosedRange<Day>], pinnedBaseline: ClosedRange<Day>? = nil
  ) -> [Finding] {
    guard !periods.isEmpty else { return [] }
    let last = periods.count - 1
    var findings = evaluate(tables, periods: periods, index: last, pinned: pinnedBaseline)
    let earlier = (max(0, last - 3)..<last).reversed().map {
      evaluate(tables, periods: periods, index: $0, pinned: pinnedBaseline)
    }
    for index in findings.indices {
      findings[index].state = state(of: findings[index], earlier: earlier)
    }
    return findings.sorted(by: Finding.reportOrder)
  }

  /// Returns the baseline days of `periods[index]`: the pinned baseline,
  /// or the span of the previous periods without the current days.
  func baseline(periods: [ClosedRange<Day>], index: Int, pinned: ClosedRange<Day>?)
    -> ClosedRange<Day>?
  {
    if let pinned { return pinned }
    let previous = periods[max(0, index - options.baselinePeriods)..<index]
    let current = periods[index]
    guard let start = previous.map(\.lowerBound).min() else { return nil }
    let end = min(previous.map(\.upperBound).max()!, current.lowerBound.adding(days: -1))
    return start <= end ? start...end : nil
  }

  func evaluate(
    _ tables: TableSet, periods: [ClosedRange<Day>], index: Int, pinned: ClosedRange<Day>?
  ) -> [Finding] {
    let context = AnalysisContext(
      tables: tables, current: periods[index],
      baseline: baseline(periods: periods, index: index, pinned: pinned), options: options)
    return IncidentRules(context: context).evaluate() + DriftRules(context: context).evaluate()
  }

  /// Returns the state of `finding` given the findings of the previous
  /// periods, the most recent first.
  func state(of finding: Finding, earlier: [[Finding]]) -> FindingState {
    let matches = earlier.map { $0.first { $0.key == finding.key } }
    if let previous = matches.first ?? nil {
      return finding.severity > previous.severity ? .escalating : .ongoing
    }
    return matches.dropFirst().contains { $0 != nil } ? .regressed : .new
  }
}
