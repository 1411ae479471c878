import Core

/// The figures one day of log events leaves behind: counts by level and, per
/// template fingerprint, a count, the first and last time seen and one
/// masked sample. It contains no raw line.
public struct LogDayAggregate: Sendable, Equatable {
  /// Events per level name; events without a level count under `NONE`.
  public var levelCounts: [String: Int] = [:]
  public var templates: [Fingerprint: LogTemplateStats] = [:]

  public init() {}

  public var eventCount: Int { levelCounts.values.reduce(0, +) }
}

/// One template's figures for a day.
public struct LogTemplateStats: Sendable, Equatable {
  public var count: Int
  /// Seconds since the Unix epoch; nil when no event had a timestamp.
  public var firstSeen: Double?
  public var lastSeen: Double?
  /// The masked message. Of several variants the smallest one is kept, so
  /// the sample does not depend on the order events arrive in.
  public var sample: String
  /// The level of highest severity seen for the template.
  public var level: String?

  mutating func add(timestamp: Double?, sample candidate: String, level newLevel: String?) {
    count += 1
    if let timestamp {
      firstSeen = Swift.min(firstSeen ?? timestamp, timestamp)
      lastSeen = Swift.max(lastSeen ?? timestamp, timestamp)
    }
    if candidate < sample { sample = candidate }
    if LogTemplateStats.severity(newLevel) > LogTemplateStats.severity(level) { level = newLevel }
  }

  static func severity(_ level: String?) -> Int {
    switch level {
    case "CRITICAL", "FATAL": return 5
    case "ERROR", "EXCEPTION": return 4
    case "WARNING": return 3
    case "INFO": return 2
    case "DEBUG": return 1
    default: return 0
    }
  }
}
