import Core
import Testing

@testable import Report

/// The scenario suite: generated sites with twelve steady months and one
/// injected event in the thirteenth, analyzed against the previous
/// three months.
@Suite struct AnalyzerTests {
  static let october = Day(year: 2026, month: 10, day: 1)!
  static let eventDay = Day(year: 2026, month: 10, day: 12)!

  struct Expectation: Sendable, CustomTestStringConvertible {
    var event: InjectedEvent
    var kind: String
    var subject: String
    var day: Day
    var minimumSeverity: Severity
    var testDescription: String { event.rawValue }
  }

  static let expectations: [Expectation] = [
    Expectation(
      event: .newVendor, kind: "first_appearance", subject: "manufacturer=Delta Imaging",
      day: october, minimumSeverity: .warning),
    Expectation(
      event: .newVendor, kind: "share_shift", subject: "manufacturer=Delta Imaging", day: october,
      minimumSeverity: .warning),
    Expectation(
      event: .pediatric, kind: "pediatric_share", subject: "pediatric", day: eventDay,
      minimumSeverity: .warning),
    Expectation(
      event: .newError, kind: "new_error_template", subject: "deadbeef00112233", day: eventDay,
      minimumSeverity: .incident),
    Expectation(
      event: .latencyRegression, kind: "latency_regression", subject: "p95", day: eventDay,
      minimumSeverity: .incident),
    Expectation(
      event: .outage, kind: "snapshot_gap", subject: "snapshots from \(eventDay)", day: eventDay,
      minimumSeverity: .incident),
    Expectation(
      event: .bodyPartSwap, kind: "station_body_part_shift",
      subject: "p:CCCCCCCCCCCCCCCC body_part=ABDOMEN", day: eventDay, minimumSeverity: .warning),
    Expectation(
      event: .positiveRateDoubles, kind: "positive_rate_shift",
      subject: "chest-xr 2.2 pneumothorax", day: eventDay, minimumSeverity: .warning),
    Expectation(
      event: .outage, kind: "throughput_drop", subject: "studies processed", day: eventDay,
      minimumSeverity: .incident),
    Expectation(
      event: .pediatric, kind: "outlier_rate", subject: "age_below_model_range", day: eventDay,
      minimumSeverity: .warning),
    Expectation(
      event: .gpuFailure, kind: "results_stopped", subject: "model results", day: eventDay,
      minimumSeverity: .incident),
    Expectation(
      event: .gpuFailure, kind: "gpu_problem", subject: "gpu error", day: eventDay,
      minimumSeverity: .incident),
    Expectation(
      event: .diskFilling, kind: "disk_nearly_full", subject: "/", day: eventDay.adding(days: 4),
      minimumSeverity: .incident),
    Expectation(
      event: .shortErrorSpike, kind: "template_spike",
      subject: "a1b2c3d4e5f60718 request timed out after <*> ms", day: eventDay,
      minimumSeverity: .warning),
  ]

  static func generator(_ event: InjectedEvent, seed: UInt64) -> SiteGenerator {
    var generator = SiteGenerator(seed: seed, event: event)
    generator.eventDay = event == .newVendor ? october : eventDay
    return generator
  }

  static func describe(_ findings: [Finding]) -> String {
    findings.map { "\($0.severity.label) \($0.kind) [\($0.subject)] \($0.firstDay)..\($0.lastDay)" }
      .joined(separator: "\n")
  }

  @Test(arguments: expectations)
  func injectedEventIsReported(_ expectation: Expectation) throws {
    let generator = Self.generator(expectation.event, seed: 42)
    let findings = Analyzer().analyze(tables: try generator.tableSet(), periods: generator.periods)
    let match = findings.first { $0.kind == expectation.kind && $0.subject == expectation.subject }
    #expect(match != nil, "missing in:\n\(Self.describe(findings))")
    #expect(match?.firstDay == expectation.day)
    #expect((match?.severity ?? .info) >= expectation.minimumSeverity)
    #expect(match?.state == .new)
  }

  @Test(arguments: InjectedEvent.allCases.filter { $0 != .none })
  func monthsBeforeEventAreQuiet(_ event: InjectedEvent) throws {
    let generator = Self.generator(event, seed: 7)
    let tables = try generator.tableSet()
    for last in 3..<12 {
      let periods = Array(generator.periods[0...last])
      let loud = Analyzer().analyze(tables: tables, periods: periods).filter { $0.severity > .info }
      #expect(loud.isEmpty, "month \(periods.last!.lowerBound):\n\(Self.describe(loud))")
    }
  }

  @Test(arguments: 1...20)
  func steadyReplicateIsQuiet(_ replicate: Int) throws {
    var generator = SiteGenerator(seed: UInt64(1000 + replicate))
    generator.start = Day(year: 2026, month: 4, day: 1)!
    generator.months = 7
    let findings = Analyzer().analyze(tables: try generator.tableSet(), periods: generator.periods)
    let loud = findings.filter { $0.severity > .info }
    #expect(loud.isEmpty, "replicate \(replicate):\n\(Self.describe(loud))")
  }

  static func finding(_ severity: Severity) -> Finding {
    Finding(
      category: .incident, kind: "latency_regression", subject: "p95", severity: severity,
      firstDay: october, lastDay: october, sentence: "", evidence: [:])
  }

  @Test func stateFollowsEarlierPeriods() {
    let analyzer = Analyzer()
    let warning = Self.finding(.warning)
    let incident = Self.finding(.incident)
    #expect(analyzer.state(of: warning, earlier: [[], [], []]) == .new)
    #expect(analyzer.state(of: warning, earlier: [[warning], [], []]) == .ongoing)
    #expect(analyzer.state(of: incident, earlier: [[incident], []]) == .ongoing)
    #expect(analyzer.state(of: incident, earlier: [[warning], []]) == .escalating)
    #expect(analyzer.state(of: warning, earlier: [[], [warning], []]) == .regressed)
    #expect(analyzer.state(of: warning, earlier: []) == .new)
  }

  @Test func persistingSpikeIsOngoing() throws {
    var generator = Self.generator(.newError, seed: 42)
    generator.months = 14
    let findings = Analyzer().analyze(tables: try generator.tableSet(), periods: generator.periods)
    let spike = findings.first { $0.kind == "error_rate_spike" }
    #expect(spike?.state == .ongoing)
    #expect(spike?.lastDay == Day(year: 2026, month: 11, day: 30)!)
    #expect(!findings.contains { $0.kind == "new_error_template" })
  }

  @Test func positiveRateShiftListsReviewStudies() throws {
    let generator = Self.generator(.positiveRateDoubles, seed: 42)
    let findings = Analyzer().analyze(tables: try generator.tableSet(), periods: generator.periods)
    let shift = findings.first { $0.kind == "positive_rate_shift" }
    #expect(shift?.studies.count == 20)
    #expect(shift?.studies.first == "s:review-2026-10-12-0")
  }
}
