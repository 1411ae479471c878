import Foundation
import Testing

@testable import Core

/// Compares every statistic and p-value with the values SciPy computed
/// for the same inputs. The cases come from scripts/check_stats.py:
/// `make check-stats` regenerates them with the SciPy in .venv and points
/// MEDMON_STATS_CASES at the new file; otherwise the committed copy in
/// Tests/Fixtures/statistics/ is used.
@Suite struct StatisticsCrossCheckTests {
  static let relativeTolerance = 1e-9
  static let underflowTolerance = 1e-300

  @Test func agreesWithSciPy() throws {
    let document = try Self.loadCases()
    let cases = try #require(document["cases"] as? [[String: Any]])
    #expect(cases.count >= 200)
    var tally: [String: (cases: Int, mismatches: Int, worst: Double)] = [:]
    for testCase in cases {
      let kind = try #require(testCase["kind"] as? String)
      let identifier = try #require(testCase["id"] as? String)
      let outcome = try Self.evaluate(testCase, kind: kind)
      let expected = try #require(testCase["expected"] as? [String: Any])
      let difference = Self.compare(outcome, expected)
      #expect(difference.matches, "\(identifier): got \(outcome), SciPy \(expected)")
      var entry = tally[kind, default: (0, 0, 0)]
      entry.cases += 1
      entry.mismatches += difference.matches ? 0 : 1
      entry.worst = max(entry.worst, difference.relative)
      tally[kind] = entry
    }
    Self.printSummary(tally, scipyVersion: document["scipy"] as? String ?? "unknown")
  }

  static func loadCases() throws -> [String: Any] {
    let path =
      ProcessInfo.processInfo.environment["MEDMON_STATS_CASES"]
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Fixtures/statistics/scipy-cases.json").path
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func evaluate(_ testCase: [String: Any], kind: String) throws -> StatisticOutcome {
    switch kind {
    case "chisquare":
      return ChiSquareTest.test(try field(testCase, "table") as [[Double]])
    case "ks":
      return KolmogorovSmirnov.test(
        try sample(testCase["first"]), try sample(testCase["second"]))
    case "js":
      return Divergence.jensenShannonDistance(
        try field(testCase, "p") as [Double], try field(testCase, "q") as [Double])
    case "psi":
      return Divergence.populationStabilityIndex(
        expected: try field(testCase, "p") as [Double],
        actual: try field(testCase, "q") as [Double])
    case "wasserstein":
      return try wasserstein(testCase)
    case "proportion":
      return ProportionTest.test(
        successes: try integer(testCase["x1"]), trials: try integer(testCase["n1"]),
        successes: try integer(testCase["x2"]), trials: try integer(testCase["n2"]))
    case "poisson":
      let name: String = try field(testCase, "alternative")
      let alternative = try #require(PoissonRateTest.Alternative(rawValue: name))
      return PoissonRateTest.test(
        count: try integer(testCase["count"]), rate: try field(testCase, "rate"),
        exposure: try field(testCase, "exposure"), alternative: alternative)
    case "robustz":
      return RobustZScore.score(
        try field(testCase, "value"), baseline: try field(testCase, "baseline"))
    default:
      Issue.record("unknown case kind '\(kind)'")
      return .undefined(.empty)
    }
  }

  static func wasserstein(_ testCase: [String: Any]) throws -> StatisticOutcome {
    let first = try sample(testCase["first"])
    let second = try sample(testCase["second"])
    guard testCase["firstWeights"] != nil else {
      return Wasserstein.distance(first, second)
    }
    return Wasserstein.distance(
      WeightedSample(values: first, weights: try sample(testCase["firstWeights"])),
      WeightedSample(values: second, weights: try sample(testCase["secondWeights"])))
  }

  struct MissingField: Error, CustomStringConvertible {
    let key: String
    var description: String { "case field '\(key)' is missing or has the wrong type" }
  }

  static func field<Value>(_ object: [String: Any], _ key: String) throws -> Value {
    guard let value = object[key] as? Value else { throw MissingField(key: key) }
    return value
  }

  static func integer(_ value: Any?) throws -> UInt64 {
    let number = try #require(value as? NSNumber)
    return number.uint64Value
  }

  /// Rebuilds a sample from its generator description: shift + scale * u
  /// with u from SplitMix64, as scripts/check_stats.py does.
  static func sample(_ value: Any?) throws -> [Double] {
    let spec = try #require(value as? [String: Any])
    var random = SplitMix64(seed: try integer(spec["seed"]))
    let count = Int(try integer(spec["count"]))
    let scale: Double = try field(spec, "scale")
    let shift: Double = try field(spec, "shift")
    let levels = Double(try integer(spec["levels"]))
    return (0..<count).map { _ in
      var u = random.nextUnit()
      if levels > 0 { u = (u * levels).rounded(.down) }
      return shift + scale * u
    }
  }

  static func compare(_ outcome: StatisticOutcome, _ expected: [String: Any]) -> (
    matches: Bool, relative: Double
  ) {
    if let reason = expected["undefined"] as? String {
      return (reasonName(outcome.undefinedReason) == reason, 0)
    }
    guard let statistic = expected["statistic"] as? Double, let actual = outcome.statistic
    else { return (false, .infinity) }
    var worst = relativeDifference(actual, statistic)
    var matches = worst <= relativeTolerance
    if let pValue = expected["pvalue"] as? Double {
      guard let actualP = outcome.pValue else { return (false, .infinity) }
      let difference = relativeDifference(actualP, pValue)
      let underflow = abs(actualP - pValue) <= underflowTolerance
      matches = matches && (difference <= relativeTolerance || underflow)
      if !underflow { worst = max(worst, difference) }
    }
    return (matches, worst)
  }

  static func relativeDifference(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    return abs(a - b) / max(abs(a), abs(b))
  }

  static func reasonName(_ reason: UndefinedReason?) -> String? {
    switch reason {
    case .empty: return "empty"
    case .tooFewObservations: return "tooFewObservations"
    case .singleCategory: return "singleCategory"
    case .zeroVariance: return "zeroVariance"
    case .invalidInput: return "invalidInput"
    case nil: return nil
    }
  }

  static func printSummary(
    _ tally: [String: (cases: Int, mismatches: Int, worst: Double)], scipyVersion: String
  ) {
    var lines = ["check-stats: comparison with SciPy \(scipyVersion)"]
    for kind in tally.keys.sorted() {
      let entry = tally[kind]!
      let worst = String(format: "%.1e", entry.worst)
      lines.append(
        "  \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.cases) cases, "
          + "\(entry.mismatches) mismatches, worst relative difference \(worst)")
    }
    let total = tally.values.reduce(0) { $0 + $1.cases }
    let mismatches = tally.values.reduce(0) { $0 + $1.mismatches }
    lines.append("  total        \(total) cases, \(mismatches) mismatches")
    print(lines.joined(separator: "\n"))
  }
}
