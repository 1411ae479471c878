import Core

/// The day, model and version that per-day result statistics are kept by.
public struct ResultKey: Hashable, Comparable, Sendable {
  public var day: Day
  public var model: String
  public var version: String

  public init(day: Day, model: String, version: String) {
    self.day = day
    self.model = model
    self.version = version
  }

  public static func < (lhs: ResultKey, rhs: ResultKey) -> Bool {
    (lhs.day, lhs.model, lhs.version) < (rhs.day, rhs.model, rhs.version)
  }
}

/// Positives and total results of one finding.
public struct FindingCount: Equatable, Sendable {
  public var positives: Int
  public var total: Int

  public init(positives: Int = 0, total: Int = 0) {
    self.positives = positives
    self.total = total
  }

  /// Positives divided by total, nil when there are no results.
  public var positiveRate: Double? { total == 0 ? nil : Double(positives) / Double(total) }
}

/// Result statistics of one day, model and version. Adding records and
/// merging aggregates in any order gives the same value, so the state
/// database can add each snapshot's aggregate to the stored one.
public struct ResultAggregate: Equatable, Sendable {
  /// The number of result lines, one per study and run.
  public var studies: Int
  /// Lines per status.
  public var status: [String: Int]
  public var findings: [String: FindingCount]
  /// Sketches by metric: `score:` + finding, `uncertainty`, `latency_ms`
  /// and `value:` + name, as in the `result_sketches` table.
  public var sketches: [String: DDSketch]

  public init(
    studies: Int = 0, status: [String: Int] = [:], findings: [String: FindingCount] = [:],
    sketches: [String: DDSketch] = [:]
  ) {
    self.studies = studies
    self.status = status
    self.findings = findings
    self.sketches = sketches
  }

  public static let uncertaintyMetric = "uncertainty"
  public static let latencyMetric = "latency_ms"

  public static func scoreMetric(_ finding: String) -> String { "score:" + finding }
  public static func valueMetric(_ name: String) -> String { "value:" + name }

  /// Adds one record's counts and values.
  public mutating func add(_ record: ResultRecord) {
    studies += 1
    status[record.status, default: 0] += 1
    for (name, finding) in record.findings {
      findings[name, default: FindingCount()].total += 1
      if finding.positive { findings[name, default: FindingCount()].positives += 1 }
      addSample(finding.score, to: Self.scoreMetric(name))
    }
    if let uncertainty = record.uncertainty { addSample(uncertainty, to: Self.uncertaintyMetric) }
    if let latency = record.latencyMilliseconds { addSample(latency, to: Self.latencyMetric) }
    for (name, value) in record.values {
      addSample(value, to: Self.valueMetric(name))
    }
  }

  /// Adds another aggregate of the same key. Throws when two sketches of
  /// a metric were made with different parameters.
  public mutating func merge(_ other: ResultAggregate) throws {
    studies += other.studies
    status.merge(other.status, uniquingKeysWith: +)
    for (name, count) in other.findings {
      findings[name, default: FindingCount()].positives += count.positives
      findings[name, default: FindingCount()].total += count.total
    }
    for (metric, sketch) in other.sketches {
      if var existing = sketches[metric] {
        try existing.merge(sketch)
        sketches[metric] = existing
      } else {
        sketches[metric] = sketch
      }
    }
  }

  private mutating func addSample(_ value: Double, to metric: String) {
    sketches[metric, default: DDSketch()].add(value)
  }
}
