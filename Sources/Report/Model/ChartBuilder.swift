import Core

/// Builds the chart series of a site report from its tables.
struct ChartBuilder {
  let tables: TableSet
  /// The days the day-based charts cover: baseline and current.
  let days: [Day]
  let current: ClosedRange<Day>
  let baseline: ClosedRange<Day>?

  func build() -> ChartSet {
    ChartSet(
      vendorMonths: vendorMonths(), errorsPerDay: errorsPerDay(), latency: latency(),
      ageHistogram: ageHistogram(), predictionRates: predictionRates())
  }

  private var dayLabels: [String] { days.map(\.description) }
  private var dayIndex: [Day: Int] {
    Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
  }

  func vendorMonths() -> ChartData {
    // The last thirteen months, so a change shows against a whole year.
    let (year, month, _) = current.upperBound.components
    let first = Day(
      year: month == 12 ? year : year - 1, month: month == 12 ? 1 : month + 1, day: 1)!
      .adding(days: -1).monthStart
    var counts: [String: [String: Double]] = [:]
    for row in tables.dicomCounts
    where row.dimension == "manufacturer" && row.day >= first && row.day <= current.upperBound {
      counts[row.value, default: [:]][row.day.monthLabel, default: 0] += Double(row.studies)
    }
    let months = Set(counts.values.flatMap(\.keys)).sorted()
    let vendors = counts.keys.sorted()
    return ChartData(
      title: "Studies per month by manufacturer", unit: "studies", labels: months,
      series: vendors.map { vendor in
        ChartSeries(
          name: vendor.isEmpty ? "(empty)" : vendor, values: months.map { counts[vendor]![$0] ?? 0 }
        )
      })
  }

  func errorsPerDay() -> ChartData {
    var totals: [String: Double] = [:]
    var names: [String: String] = [:]
    for row in tables.logTemplates
    where (row.level == "error" || row.level == "critical") && current.contains(row.day) {
      totals[row.fingerprint, default: 0] += Double(row.count)
      names[row.fingerprint] = row.template
    }
    let top = totals.keys.sorted { (-totals[$0]!, $0) < (-totals[$1]!, $1) }.prefix(5)
    let index = dayIndex
    var series = top.map {
      ChartSeries(name: names[$0]!, values: Array(repeating: 0, count: days.count))
    }
    for row in tables.logTemplates {
      guard let position = top.firstIndex(of: row.fingerprint), let day = index[row.day] else {
        continue
      }
      series[position - top.startIndex].values[day] += Double(row.count)
    }
    return ChartData(
      title: "Errors per day by template", unit: "messages", labels: dayLabels, series: series)
  }

  func latency() -> ChartData {
    var daily: [Day: DDSketch] = [:]
    for row in tables.latency where dayIndex[row.day] != nil {
      try? daily[row.day, default: DDSketch()].merge(row.sketch)
    }
    let quantiles = [("p50", 0.5), ("p95", 0.95), ("p99", 0.99)]
    guard !daily.isEmpty else {
      return ChartData(title: "Processing latency per day", unit: "ms", labels: [], series: [])
    }
    return ChartData(
      title: "Processing latency per day", unit: "ms", labels: dayLabels,
      series: quantiles.map { name, q in
        ChartSeries(
          name: name, values: days.map { daily[$0]?.quantile(q).map(Format.round) ?? .nan })
      })
  }

  static let ageBands = [
    "0-1", "2-4", "5-11", "12-17", "18-39", "40-64", "65-79", "80+", "unknown",
  ]

  func ageHistogram() -> ChartData {
    var base = [String: Double]()
    var now = [String: Double]()
    for row in tables.dicomCounts where row.dimension == "age_band" {
      if current.contains(row.day) { now[row.value, default: 0] += Double(row.studies) }
      if baseline?.contains(row.day) ?? false { base[row.value, default: 0] += Double(row.studies) }
    }
    let share = { (counts: [String: Double]) -> [Double] in
      let total = max(counts.values.reduce(0, +), 1)
      return Self.ageBands.map { Format.round((counts[$0] ?? 0) / total) }
    }
    var series = [ChartSeries(name: "current", values: share(now))]
    if !base.isEmpty { series.insert(ChartSeries(name: "baseline", values: share(base)), at: 0) }
    return ChartData(
      title: "Age bands, share of studies", unit: "share", labels: now.isEmpty ? [] : Self.ageBands,
      series: series)
  }

  func predictionRates() -> ChartData {
    var positives: [String: [Double]] = [:]
    var totals: [String: [Double]] = [:]
    let index = dayIndex
    for row in tables.results {
      guard let day = index[row.day] else { continue }
      for (finding, counts) in row.findings {
        let key = row.model + " " + finding
        positives[key, default: Array(repeating: 0, count: days.count)][day] += Double(
          counts.positives)
        totals[key, default: Array(repeating: 0, count: days.count)][day] += Double(counts.total)
      }
    }
    let series = positives.keys.sorted().map { key in
      ChartSeries(
        name: key,
        values: zip(positives[key]!, totals[key]!).map { $1 > 0 ? Format.round($0 / $1) : 0 })
    }
    return ChartData(
      title: "Positive rate per day", unit: "rate", labels: series.isEmpty ? [] : dayLabels,
      series: series)
  }
}
