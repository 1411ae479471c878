import Core

/// The rules about the system's health: errors, latency, throughput,
/// results, snapshots, disks and GPUs.
struct IncidentRules {
  let context: AnalysisContext
  var options: AnalysisOptions { context.options }

  func evaluate() -> [Finding] {
    newErrorTemplates() + errorRateSpikes() + latencyRegression() + throughputDrop()
      + resultsStopped() + snapshotGaps() + diskNearlyFull() + gpuProblems() + outlierRates()
  }

  func incident(
    _ kind: String, _ subject: String, _ severity: Severity, days: [Day], _ sentence: String,
    _ evidence: [String: Double]
  ) -> Finding {
    Finding(
      category: .incident, kind: kind, subject: subject, severity: severity,
      firstDay: days.min()!, lastDay: days.max()!, sentence: sentence, evidence: evidence)
  }

  /// Reports an error or critical template that the site never logged
  /// before the current period.
  func newErrorTemplates() -> [Finding] {
    var prior = Set<String>()
    var current: [String: (template: String, count: Int, days: [Day])] = [:]
    for row in context.tables.logTemplates where row.level == "error" || row.level == "critical" {
      if context.isPrior(row.day) {
        prior.insert(row.fingerprint)
      } else if context.inCurrent(row.day) {
        current[row.fingerprint, default: (row.template, 0, [])].count += row.count
        current[row.fingerprint]!.days.append(row.day)
      }
    }
    guard context.baseline != nil else { return [] }
    return current.keys.sorted().filter { !prior.contains($0) }.map { fingerprint in
      let entry = current[fingerprint]!
      let severity: Severity = entry.count >= 10 ? .incident : .warning
      return incident(
        "new_error_template", fingerprint, severity, days: entry.days,
        "A new error \"\(entry.template)\" appeared \(Format.count(entry.count, "time")) from \(entry.days.min()!).",
        ["count": Double(entry.count), "days": Double(Set(entry.days).count)])
    }
  }

  /// Reports days whose error count per processed study is at least
  /// `rateRatio` times the baseline rate and significant, overall and per
  /// template seen in the baseline.
  func errorRateSpikes() -> [Finding] {
    guard context.baseline != nil else { return [] }
    let volume = processedPerDay()
    var overall: [Day: Double] = [:]
    var perTemplate: [String: [Day: Double]] = [:]
    var templates: [String: String] = [:]
    for row in context.tables.logTemplates where row.level == "error" || row.level == "critical" {
      overall[row.day, default: 0] += Double(row.count)
      perTemplate[row.fingerprint, default: [:]][row.day, default: 0] += Double(row.count)
      templates[row.fingerprint] = row.template
    }
    var findings = spikes(overall, volume: volume, kind: "error_rate_spike", subject: "all errors")
    for fingerprint in perTemplate.keys.sorted() {
      let counts = perTemplate[fingerprint]!
      guard counts.keys.contains(where: context.inBaseline) else { continue }
      findings += spikes(
        counts, volume: volume, kind: "template_spike",
        subject: fingerprint + " " + (templates[fingerprint] ?? ""))
    }
    return findings
  }

  private func spikes(_ counts: [Day: Double], volume: [Day: Double], kind: String, subject: String)
    -> [Finding]
  {
    let baseEvents = context.baselineDays.reduce(0) { $0 + (counts[$1] ?? 0) }
    let baseTotal = context.baselineDays.reduce(0) { $0 + (volume[$1] ?? 0) }
    guard baseTotal > 0 else { return [] }
    let baseRate = max(baseEvents, 1) / baseTotal
    var flagged: [Day] = []
    var worst = 0.0
    for day in context.currentDays {
      let events = counts[day] ?? 0
      let total = max(volume[day] ?? 0, events)
      guard events >= 10, total > 0, events / total >= options.rateRatio * baseRate else {
        continue
      }
      let outcome = PoissonRateTest.test(
        count: UInt64(events), rate: baseRate, exposure: total, alternative: .greater)
      guard let p = outcome.pValue, p < options.significance else { continue }
      flagged.append(day)
      worst = max(worst, events / total / baseRate)
    }
    guard !flagged.isEmpty else { return [] }
    let severity: Severity = worst >= 5 ? .incident : .warning
    return [
      incident(
        kind, subject, severity, days: flagged,
        "Errors per study rose to \(Format.decimal(worst))x the baseline on \(Format.count(flagged.count, "day")) from \(flagged.min()!).",
        ["baseline_rate": baseRate, "max_ratio": worst, "days": Double(flagged.count)])
    ]
  }

  /// Studies processed per day: the throughput table, or the latency
  /// counts when throughput is missing.
  func processedPerDay() -> [Day: Double] {
    var result: [Day: Double] = [:]
    for row in context.tables.throughput { result[row.day, default: 0] += Double(row.count) }
    if result.isEmpty {
      for row in context.tables.latency { result[row.day, default: 0] += Double(row.count) }
    }
    return result
  }
}
