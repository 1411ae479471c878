import Core

/// Rules on latency, volume and the model's output.
extension IncidentRules {
  /// Reports days whose p95 latency is `latencyRatio` times the p95 of
  /// the merged baseline sketch or more.
  func latencyRegression() -> [Finding] {
    var baseline = DDSketch()
    var daily: [Day: DDSketch] = [:]
    for row in context.tables.latency {
      if context.inBaseline(row.day) {
        try? baseline.merge(row.sketch)
      } else if context.inCurrent(row.day) {
        try? daily[row.day, default: DDSketch()].merge(row.sketch)
      }
    }
    guard baseline.count >= UInt64(options.minimumCount), let base95 = baseline.quantile(0.95),
      base95 > 0
    else { return [] }
    var flagged: [Day] = []
    var worst = 0.0
    for day in daily.keys.sorted() {
      let sketch = daily[day]!
      guard sketch.count >= 20, let p95 = sketch.quantile(0.95) else { continue }
      let ratio = p95 / base95
      if ratio >= options.latencyRatio {
        flagged.append(day)
        worst = max(worst, ratio)
      }
    }
    guard flagged.count >= 2 || worst >= 1.6 else { return [] }
    let severity: Severity = worst >= 1.5 ? .incident : .warning
    return [
      incident(
        "latency_regression", "p95", severity, days: flagged,
        "Processing p95 latency reached \(Format.decimal(worst))x the baseline of \(Format.decimal(base95, digits: 0)) ms on \(Format.count(flagged.count, "day")) from \(flagged.min()!).",
        ["baseline_p95_ms": base95, "max_ratio": worst, "days": Double(flagged.count)])
    ]
  }

  /// Reports days with fewer processed studies than `throughputFloor`
  /// times the baseline mean of the same weekday, when the shortfall is
  /// also beyond four standard deviations of a Poisson count.
  func throughputDrop() -> [Finding] {
    let processed = processedPerDay()
    var sums = [Double](repeating: 0, count: 7)
    var counts = [Double](repeating: 0, count: 7)
    for day in context.baselineDays {
      let weekday = weekday(of: day)
      sums[weekday] += processed[day] ?? 0
      counts[weekday] += 1
    }
    var flagged: [Day] = []
    var lowest = Double.infinity
    for day in context.currentDays {
      let weekday = weekday(of: day)
      guard counts[weekday] > 0 else { continue }
      let expected = sums[weekday] / counts[weekday]
      let observed = processed[day] ?? 0
      guard expected >= Double(options.minimumCount) else { continue }
      if observed < options.throughputFloor * expected
        && observed < expected - 4 * expected.squareRoot()
      {
        flagged.append(day)
        lowest = min(lowest, observed / expected)
      }
    }
    guard !flagged.isEmpty else { return [] }
    return [
      incident(
        "throughput_drop", "studies processed", .incident, days: flagged,
        "Studies processed fell to \(Format.percent(lowest)) of the usual volume on \(Format.count(flagged.count, "day")) from \(flagged.min()!).",
        ["lowest_fraction": lowest, "days": Double(flagged.count)])
    ]
  }

  private func weekday(of day: Day) -> Int {
    ((day.daysSinceEpoch % 7) + 7) % 7
  }

  /// Reports days on which studies kept arriving while the model produced
  /// under a fifth of the results the baseline ratio predicts.
  func resultsStopped() -> [Finding] {
    let studies = context.studiesPerDay()
    var results: [Day: Double] = [:]
    for row in context.tables.results { results[row.day, default: 0] += Double(row.studies) }
    let baseStudies = context.baselineDays.reduce(0.0) { $0 + Double(studies[$1] ?? 0) }
    let baseResults = context.baselineDays.reduce(0.0) { $0 + (results[$1] ?? 0) }
    guard baseStudies > 0, baseResults > 0 else { return [] }
    let ratio = baseResults / baseStudies
    var flagged: [Day] = []
    var missing = 0.0
    for day in context.currentDays {
      let arrived = Double(studies[day] ?? 0)
      let expected = arrived * ratio
      guard arrived >= 10, expected >= 10 else { continue }
      let produced = results[day] ?? 0
      if produced < 0.2 * expected {
        flagged.append(day)
        missing += expected - produced
      }
    }
    guard !flagged.isEmpty else { return [] }
    return [
      incident(
        "results_stopped", "model results", .incident, days: flagged,
        "Studies kept arriving but results stopped on \(Format.count(flagged.count, "day")) from \(flagged.min()!), about \(Int(missing)) results missing.",
        ["days": Double(flagged.count), "missing_results": missing.rounded()])
    ]
  }

  /// Reports outlier rules that fire at `rateRatio` times their baseline
  /// rate per study or more, with the study pseudonyms.
  func outlierRates() -> [Finding] {
    guard context.baseline != nil else { return [] }
    let studies = context.studiesPerDay()
    let baseStudies = context.baselineDays.reduce(0.0) { $0 + Double(studies[$1] ?? 0) }
    let currentStudies = context.currentDays.reduce(0.0) { $0 + Double(studies[$1] ?? 0) }
    var base: [String: Double] = [:]
    var current: [String: [OutlierRow]] = [:]
    for row in context.tables.outliers {
      if context.inBaseline(row.day) { base[row.rule, default: 0] += 1 }
      if context.inCurrent(row.day) { current[row.rule, default: []].append(row) }
    }
    guard baseStudies > 0, currentStudies > 0 else { return [] }
    return current.keys.sorted().compactMap { rule in
      let rows = current[rule]!
      let count = Double(rows.count)
      let baseRate = max(base[rule] ?? 0, 1) / baseStudies
      let rate = count / currentStudies
      guard count >= 10, rate >= options.rateRatio * baseRate else { return nil }
      let outcome = AnalysisContext.compareProportions(
        current: (count, currentStudies), baseline: (base[rule] ?? 0, baseStudies))
      guard let p = outcome.pValue, p < options.significance else { return nil }
      var finding = incident(
        "outlier_rate", rule, .warning, days: rows.map(\.day),
        "Outlier rule \"\(rule)\" fired for \(rows.count) studies, \(Format.decimal(rate / baseRate))x its baseline rate.",
        ["count": count, "rate": rate, "baseline_rate": baseRate])
      finding.studies = Array(Set(rows.map(\.study)).sorted().prefix(20))
      return finding
    }
  }
}
