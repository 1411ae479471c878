@testable import Core

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seeded samples from the distributions the sketch tests use.
enum StatisticsFixtures {
  /// True when the large runs (10^6 and 10^7 values) are requested, which
  /// `make check-stats` and `make bench-stats` do in a release build.
  static var largeRuns: Bool { getenv("MEDMON_STATS_LARGE") != nil }

  static var propertySampleSize: Int { largeRuns ? 1_000_000 : 50_000 }

  enum Distribution: String, CaseIterable, Sendable {
    case uniform, logNormal, pareto, duplicates, negative, latency
  }

  static func sample(_ distribution: Distribution, count: Int, seed: UInt64) -> [Double] {
    var random = SplitMix64(seed: seed)
    return (0..<count).map { _ in draw(distribution, &random) }
  }

  static func draw(_ distribution: Distribution, _ random: inout SplitMix64) -> Double {
    switch distribution {
    case .uniform:
      return 1000 * random.nextUnit()
    case .logNormal:
      return exp(2 * normal(&random))
    case .pareto:
      // Shape 1.2: a heavy tail with a finite mean and infinite variance.
      return pow(1 - random.nextUnit(), -1 / 1.2)
    case .duplicates:
      return Double(Int(random.nextUnit() * 8)) * 2.5
    case .negative:
      return 50 * normal(&random) - 10
    case .latency:
      // Milliseconds: a log-normal body around 120 ms with rare slow calls.
      let body = 120 * exp(0.6 * normal(&random))
      return random.nextUnit() < 0.01 ? body * 40 : body
    }
  }

  /// Draws a standard normal value by the Box-Muller transform.
  static func normal(_ random: inout SplitMix64) -> Double {
    let u = 1 - random.nextUnit()
    let v = random.nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}
