import Core
import Report

#if canImport(Glibc)
  import Glibc
#endif

/// An event injected into a generated site from `day` on.
enum InjectedEvent: String, CaseIterable, Sendable {
  case none
  case newVendor
  case pediatric
  case newError
  case latencyRegression
  case outage
  case bodyPartSwap
  case positiveRateDoubles
  case gpuFailure
  case diskFilling
  case shortErrorSpike
}

/// Generates the payload tables of a steady site, month by month, with
/// optional injected events, as a site would send them in bundles.
struct SiteGenerator {
  var seed: UInt64
  var event: InjectedEvent = .none
  var eventDay = Day(year: 2026, month: 10, day: 12)!
  /// The first day of the first month.
  var start = Day(year: 2025, month: 10, day: 1)!
  var months = 13
  /// When set, periods are this many days long (a weekly bundle is 7)
  /// and `months` counts periods.
  var periodLength: Int?
  var studiesPerDay = 400.0
  var siteID = "0b7d2c8e-5f1a-4e39-9a57-3f7c1d2e8b40"
  var siteName = "North Clinic"
  var signingKey = [UInt8](repeating: 7, count: 32)

  /// The months' periods, first to last.
  var periods: [ClosedRange<Day>] {
    var result: [ClosedRange<Day>] = []
    var first = start
    for _ in 0..<months {
      let (year, month, _) = first.components
      let length = periodLength ?? Day.length(ofMonth: month, year: year)
      let last = first.adding(days: length - 1)
      result.append(first...last)
      first = last.adding(days: 1)
    }
    return result
  }

  /// Returns one bundle's content per month, sequence numbers from 1.
  func bundles() -> [BundleContent] {
    var random = SplitMix64(seed: seed)
    return periods.enumerated().map { index, period in
      var tables: [PayloadTable: [JSONValue]] = [:]
      for day in daysOf(period) {
        for (table, rows) in rowsOf(day, random: &random) {
          tables[table, default: []] += rows
        }
      }
      let manifest = BundleManifest(
        medmonVersion: "0.1.0", siteID: siteID, siteName: siteName, sequence: Int64(index + 1),
        periodStart: period.lowerBound, periodEnd: period.upperBound,
        created: "\(period.upperBound.adding(days: 1))T03:00:00Z", recipients: ["4c1d0b9e7a2f3e55"],
        payloadSize: 1000,
        payloadSHA256: hexDigest(seed: seed, sequence: index + 1), signingKey: signingKey)
      return BundleContent(manifest: manifest, tables: tables, source: "generated-\(index + 1).tar")
    }
  }

  /// Returns every month's rows in one typed table set.
  func tableSet() throws -> TableSet {
    var set = TableSet()
    for bundle in bundles() {
      for table in PayloadTable.allCases {
        for row in bundle.tables[table] ?? [] { try set.append(row, to: table) }
      }
    }
    return set
  }

  func daysOf(_ period: ClosedRange<Day>) -> [Day] {
    (period.lowerBound.daysSinceEpoch...period.upperBound.daysSinceEpoch).map {
      Day(daysSinceEpoch: $0)
    }
  }

  func active(_ kind: InjectedEvent, on day: Day) -> Bool {
    event == kind && day >= eventDay
  }

  private func hexDigest(seed: UInt64, sequence: Int) -> String {
    var random = SplitMix64(seed: seed &+ UInt64(sequence) &* 7919)
    var text = ""
    for _ in 0..<4 {
      let word = String(random.next(), radix: 16)
      text += String(repeating: "0", count: 16 - word.count) + word
    }
    return text
  }
}

/// Random draws for the generator.
extension SplitMix64 {
  /// Draws a standard normal value by the Box-Muller transform.
  mutating func normal() -> Double {
    let u = max(nextUnit(), 1e-12)
    let v = nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// Draws a Poisson count, through the normal approximation above 50.
  mutating func poisson(_ mean: Double) -> Int {
    guard mean > 0 else { return 0 }
    if mean > 50 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
    let limit = exp(-mean)
    var product = nextUnit()
    var count = 0
    while product > limit {
      count += 1
      product *= nextUnit()
    }
    return count
  }

  /// Splits `total` over categories with the given shares, with
  /// binomial noise, so the counts add up to `total`.
  mutating func multinomial(_ total: Int, _ shares: [(String, Double)]) -> [(String, Int)] {
    var remaining = total
    var remainingShare = 1.0
    var result: [(String, Int)] = []
    for (index, (name, share)) in shares.enumerated() {
      if index == shares.count - 1 {
        result.append((name, remaining))
        break
      }
      let p = min(1, max(0, share / max(remainingShare, 1e-12)))
      let mean = Double(remaining) * p
      let spread = (mean * (1 - p)).squareRoot()
      let count = min(remaining, max(0, Int((mean + spread * normal()).rounded())))
      result.append((name, count))
      remaining -= count
      remainingShare -= share
    }
    return result
  }
}
