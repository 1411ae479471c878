import Core

/// Rules on distributions: numeric DICOM tags, positive rates, scores and
/// uncertainty per model version.
extension DriftRules {
  /// Reports numeric tags whose distribution moved, by the two-sample
  /// Kolmogorov-Smirnov test on the merged sketches.
  func numericShifts() -> [Finding] {
    var groups: [String: SketchPair] = [:]
    for row in context.tables.numeric {
      groups[row.metric, default: SketchPair()].add(row.sketch, day: row.day, context: context)
    }
    return groups.keys.sorted().compactMap { metric in
      sketchShift(groups[metric]!, kind: "numeric_shift", subject: metric, describe: metric)
    }
  }

  /// Reports findings whose positive rate under a model version moved
  /// against the model's baseline.
  func positiveRates() -> [Finding] {
    var tables: [String: ShareTable] = [:]
    var baseline: [String: (positives: Double, total: Double)] = [:]
    for row in context.tables.results {
      for (finding, counts) in row.findings {
        if context.inBaseline(row.day) {
          let key = row.model + " " + finding
          let entry = baseline[key] ?? (0, 0)
          baseline[key] = (
            entry.positives + Double(counts.positives), entry.total + Double(counts.total)
          )
        }
        guard context.inCurrent(row.day) else { continue }
        let key = row.model + " " + row.version + " " + finding
        var table = tables[key] ?? ShareTable()
        table.current["positive", default: 0] += Double(counts.positives)
        table.current["negative", default: 0] += Double(counts.total - counts.positives)
        table.daily[row.day, default: [:]]["positive", default: 0] += Double(counts.positives)
        table.daily[row.day, default: [:]]["negative", default: 0] += Double(
          counts.total - counts.positives)
        tables[key] = table
      }
    }
    var findings: [Finding] = []
    for key in tables.keys.sorted() {
      let parts = key.split(separator: " ", maxSplits: 2).map(String.init)
      guard parts.count == 3, let base = baseline[parts[0] + " " + parts[2]] else { continue }
      var table = tables[key]!
      table.baseline = ["positive": base.positives, "negative": base.total - base.positives]
      findings += shifts(
        table, kind: "positive_rate_shift", subjectPrefix: parts[0] + " " + parts[1] + " ",
        floor: options.positiveRateFloor,
        describe: "positive \(parts[2]) results of \(parts[0]) \(parts[1])", only: "positive"
      ).map { finding in
        var renamed = finding
        renamed.subject = key
        renamed.studies = reviewStudies(model: parts[0], version: parts[1])
        return renamed
      }
    }
    return findings
  }

  /// Returns up to 20 study pseudonyms the site sampled for review under
  /// a model version in the current period, so the vendor can ask for them.
  func reviewStudies(model: String, version: String) -> [String] {
    let studies = context.tables.review.filter {
      $0.model == model && $0.version == version && context.inCurrent($0.day)
    }.map(\.study)
    return Array(Set(studies).sorted().prefix(20))
  }

  /// Reports score and uncertainty distributions per model version that
  /// moved against the model's baseline.
  func resultDistributions() -> [Finding] {
    var groups: [String: SketchPair] = [:]
    var baselines: [String: DDSketch] = [:]
    for row in context.tables.resultSketches
    where row.metric == "uncertainty" || row.metric.hasPrefix("score:") {
      if context.inBaseline(row.day) {
        try? baselines[row.model + " " + row.metric, default: DDSketch()].merge(row.sketch)
      }
      if context.inCurrent(row.day) {
        groups[row.model + " " + row.version + " " + row.metric, default: SketchPair()]
          .add(row.sketch, day: row.day, context: context)
      }
    }
    return groups.keys.sorted().compactMap { key in
      let parts = key.split(separator: " ", maxSplits: 2).map(String.init)
      guard parts.count == 3, let base = baselines[parts[0] + " " + parts[2]] else { return nil }
      var pair = groups[key]!
      pair.baseline = base
      let kind = parts[2] == "uncertainty" ? "uncertainty_shift" : "score_shift"
      return sketchShift(
        pair, kind: kind, subject: key, describe: parts[2] + " of " + parts[0] + " " + parts[1])
    }
  }

  func sketchShift(_ pair: SketchPair, kind: String, subject: String, describe: String) -> Finding?
  {
    let policy = DriftPolicy.distributionShift
    let outcome = KolmogorovSmirnov.test(pair.current, pair.baseline)
    let decision = policy.decide(
      outcome: outcome, effectSize: outcome.statistic,
      counts: [pair.current.count, pair.baseline.count])
    guard case .drift(let p, let effect) = decision, let p, p < options.significance,
      let before = pair.baseline.quantile(0.5), let now = pair.current.quantile(0.5)
    else { return nil }
    let first = pair.changeDay() ?? context.current.lowerBound
    return drift(
      kind, subject, .warning, first: first, last: pair.lastDay ?? first,
      "The distribution of \(describe) shifted: median \(Format.decimal(before)) before, \(Format.decimal(now)) now.",
      ["baseline_median": before, "current_median": now],
      test: TestResult(
        name: "two-sample KS", statistic: outcome.statistic, pValue: p,
        effectName: "KS distance D", effectSize: effect))
  }
}

/// Baseline and current sketches of one metric, with the daily current
/// sketches for locating the change.
struct SketchPair {
  var baseline = DDSketch()
  var current = DDSketch()
  var daily: [Day: DDSketch] = [:]

  var lastDay: Day? { daily.keys.max() }

  mutating func add(_ sketch: DDSketch, day: Day, context: AnalysisContext) {
    if context.inBaseline(day) { try? baseline.merge(sketch) }
    if context.inCurrent(day) {
      try? current.merge(sketch)
      try? daily[day, default: DDSketch()].merge(sketch)
    }
  }

  /// The first current day whose median lies on the far side of the
  /// midpoint between the baseline and current medians.
  func changeDay() -> Day? {
    guard let before = baseline.quantile(0.5), let now = current.quantile(0.5) else { return nil }
    let midpoint = (before + now) / 2
    return daily.keys.sorted().first { day in
      guard let median = daily[day]!.quantile(0.5) else { return false }
      return now > before ? median > midpoint : median < midpoint
    }
  }
}
