import Core

/// The data one evaluation of the rules reads: the current period, the
/// baseline days, and everything the site sent before the current period.
struct AnalysisContext {
  let tables: TableSet
  let current: ClosedRange<Day>
  let baseline: ClosedRange<Day>?
  let options: AnalysisOptions

  var currentDays: [Day] { Self.days(in: current) }
  var baselineDays: [Day] { baseline.map(Self.days) ?? [] }

  func inCurrent(_ day: Day) -> Bool { current.contains(day) }
  func inBaseline(_ day: Day) -> Bool { baseline?.contains(day) ?? false }
  func isPrior(_ day: Day) -> Bool { day < current.lowerBound }

  static func days(in range: ClosedRange<Day>) -> [Day] {
    (range.lowerBound.daysSinceEpoch...range.upperBound.daysSinceEpoch).map {
      Day(daysSinceEpoch: $0)
    }
  }

  /// Studies per day from the `modality` dimension, which counts every
  /// study once.
  func studiesPerDay() -> [Day: Int] {
    var result: [Day: Int] = [:]
    for row in tables.dicomCounts where row.dimension == "modality" {
      result[row.day, default: 0] += row.studies
    }
    return result
  }

  /// Tests events among trials in the current window against the
  /// baseline window with the two-proportion z-test.
  static func compareProportions(
    current: (events: Double, total: Double), baseline: (events: Double, total: Double)
  ) -> StatisticOutcome {
    ProportionTest.test(
      successes: UInt64(current.events), trials: UInt64(max(current.total, current.events)),
      successes: UInt64(baseline.events), trials: UInt64(max(baseline.total, baseline.events)))
  }

  /// Finds the first day from which a daily proportion departs from the
  /// baseline proportion `p0`: the split that maximises the binomial
  /// log-likelihood ratio of a new proportion after it.
  static func changeDay(_ series: [(day: Day, events: Double, total: Double)], p0: Double) -> Day? {
    guard !series.isEmpty else { return nil }
    var best: (Day, Double)?
    for start in series.indices {
      let tail = series[start...]
      let events = tail.reduce(0) { $0 + $1.events }
      let total = tail.reduce(0) { $0 + $1.total }
      guard total > 0 else { continue }
      let p1 = events / total
      let ratio = logLikelihood(events, total, p1) - logLikelihood(events, total, p0)
      if best == nil || ratio > best!.1 + 1e-9 { best = (series[start].day, ratio) }
    }
    return best?.0
  }

  private static func logLikelihood(_ events: Double, _ total: Double, _ p: Double) -> Double {
    let clamped = min(max(p, 1e-9), 1 - 1e-9)
    return events * log(clamped) + (total - events) * log(1 - clamped)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
