import Core

/// Counts per value in the baseline and current windows and per current
/// day, the input of share and rate comparisons.
struct ShareTable {
  var baseline: [String: Double] = [:]
  var current: [String: Double] = [:]
  var daily: [Day: [String: Double]] = [:]

  var baselineTotal: Double { baseline.values.reduce(0, +) }
  var currentTotal: Double { current.values.reduce(0, +) }

  mutating func add(_ value: String, day: Day, count: Double, context: AnalysisContext) {
    if context.inBaseline(day) { baseline[value, default: 0] += count }
    if context.inCurrent(day) {
      current[value, default: 0] += count
      daily[day, default: [:]][value, default: 0] += count
    }
  }

  /// The daily series of `value` against all counts, for change points.
  func series(_ value: String) -> [(day: Day, events: Double, total: Double)] {
    daily.keys.sorted().map { day in
      let counts = daily[day]!
      return (day, counts[value] ?? 0, counts.values.reduce(0, +))
    }
  }
}

extension DriftRules {
  /// Tests each value's share in the current window against the baseline
  /// with the two-proportion z-test and reports those that pass the drift
  /// policy: significance, the effect floor and the minimum count.
  func shifts(
    _ table: ShareTable, kind: String, subjectPrefix: String, floor: Double, describe: String,
    only: String? = nil
  ) -> [Finding] {
    let baseTotal = table.baselineTotal
    let currentTotal = table.currentTotal
    guard baseTotal > 0, currentTotal > 0 else { return [] }
    let policy = DriftPolicy(
      significance: options.significance, minimumEffect: floor,
      minimumCount: UInt64(options.minimumCount))
    let values = Set(table.baseline.keys).union(table.current.keys).sorted()
    return values.filter { only == nil || $0 == only }.compactMap { value in
      let now = table.current[value] ?? 0
      let before = table.baseline[value] ?? 0
      let shareNow = now / currentTotal
      let shareBefore = before / baseTotal
      let outcome = AnalysisContext.compareProportions(
        current: (now, currentTotal), baseline: (before, baseTotal))
      let decision = policy.decide(
        outcome: outcome, effectSize: shareNow - shareBefore,
        counts: [UInt64(currentTotal), UInt64(baseTotal), UInt64(max(now, before))])
      guard case .drift(let p, let effect) = decision else { return nil }
      let series = table.series(value)
      let first = AnalysisContext.changeDay(series, p0: shareBefore) ?? series.first!.day
      let direction = effect > 0 ? "rose" : "fell"
      return drift(
        kind, subjectPrefix + value, .warning, first: first, last: series.last!.day,
        "The share of \(describe) \"\(value)\" \(direction) from \(Format.percent(shareBefore)) to \(Format.percent(shareNow)), from about \(first).",
        ["baseline_share": shareBefore, "current_share": shareNow, "current_count": now],
        test: TestResult(
          name: "two-proportion z", statistic: outcome.statistic, pValue: p,
          effectName: "share difference", effectSize: effect))
    }
  }
}
