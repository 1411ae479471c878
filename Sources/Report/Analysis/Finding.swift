import Core

/// How much a finding matters. `--fail-on` compares against it.
public enum Severity: Int, Comparable, Sendable, CaseIterable {
  case info = 0
  case warning
  case incident

  public var label: String {
    switch self {
    case .info: return "info"
    case .warning: return "warning"
    case .incident: return "incident"
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The state of a finding against the site's earlier periods, as error
/// trackers name it.
public enum FindingState: String, Sendable {
  /// Not found in the previous periods.
  case new
  /// Also found in the previous period, at the same or lower severity.
  case ongoing
  /// Found in an earlier period, absent in the previous one, back now.
  case regressed
  /// Found in the previous period at a lower severity.
  case escalating
}

/// Whether a finding is about the system's health or about the data.
public enum FindingCategory: String, Sendable {
  case incident
  case drift
}

/// A statistical test behind a drift finding.
public struct TestResult: Equatable, Sendable {
  /// The test's name, such as `chi-square` or `two-sample KS`.
  public var name: String
  public var statistic: Double?
  public var pValue: Double?
  /// The name of the effect size, such as `share difference`.
  public var effectName: String
  public var effectSize: Double
}

/// One incident or drift found for a site's current period.
public struct Finding: Sendable {
  public var category: FindingCategory
  /// A stable identifier of the rule, such as `new_error_template`.
  public var kind: String
  /// The subject of the finding, such as `manufacturer=Acme`; with `kind`
  /// it identifies the finding across periods.
  public var subject: String
  public var severity: Severity
  public var state: FindingState = .new
  public var firstDay: Day
  public var lastDay: Day
  /// One plain sentence for a person.
  public var sentence: String
  /// Named numbers behind the finding, such as `baseline_p95_ms`.
  public var evidence: [String: Double]
  public var test: TestResult?
  /// Study pseudonyms the site can resolve with `medmon lookup`.
  public var studies: [String] = []

  public var key: String { kind + "|" + subject }
}

extension Finding {
  /// Orders findings by severity (highest first), category, first day,
  /// kind and subject, so reports list them the same way every time.
  public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
    if lhs.category != rhs.category { return lhs.category == .incident }
    if lhs.firstDay != rhs.firstDay { return lhs.firstDay < rhs.firstDay }
    if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
    return lhs.subject < rhs.subject
  }
}
