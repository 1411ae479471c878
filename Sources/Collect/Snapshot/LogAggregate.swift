import Core

/// Per-day log statistics gathered in memory during one snapshot and
/// merged into the state tables at the end.
struct LogAggregate {
  struct TemplateKey: Hashable {
    var day: Int
    var fingerprint: String
  }

  struct TemplateStats {
    var level: String
    var template: String
    var count = 0
    var firstSeen: Int64
    var lastSeen: Int64
    var sample: String
  }

  let latency: LatencyExtractor
  private let masker = TemplateMasker()
  private(set) var events = 0
  private var levels: [Int: [String: Int]] = [:]
  private var templates: [TemplateKey: TemplateStats] = [:]
  private var latencies: [Int: DDSketch] = [:]
  private var throughput: [Int: [Int: Int]] = [:]

  init(latency: LatencyExtractor) {
    self.latency = latency
  }

  /// Maps the level names of the common formats to the five the bundle
  /// uses; events without a level count as info.
  static func normalizeLevel(_ raw: String?) -> String {
    switch raw?.lowercased() {
    case "debug", "trace", "verbose", "7": return "debug"
    case "warn", "warning", "4": return "warning"
    case "error", "err", "exception", "3": return "error"
    case "critical", "crit", "fatal", "alert", "emerg", "emergency", "panic", "0", "1", "2": return "critical"
    default: return "info"
    }
  }

  mutating func add(_ event: LogEvent, today: Day) {
    events += 1
    let seconds = event.timestamp.map { Int64($0) }
    let day = seconds.map { Day(unixSeconds: $0) } ?? today
    let level = Self.normalizeLevel(event.level)
    levels[day.daysSinceEpoch, default: [:]][level, default: 0] += 1

    if let milliseconds = latency.milliseconds(of: event), milliseconds.isFinite {
      var sketch = latencies[day.daysSinceEpoch] ?? DDSketch()
      _ = sketch.add(milliseconds)
      latencies[day.daysSinceEpoch] = sketch
      let hour = seconds.map { Int(($0 - day.unixSeconds) / 3600) } ?? 0
      throughput[day.daysSinceEpoch, default: [:]][hour, default: 0] += 1
    }
    if level == "warning" || level == "error" || level == "critical" || event.exception != nil {
      addTemplate(event, level: level, day: day, seconds: seconds ?? day.unixSeconds)
    }
  }

  private mutating func addTemplate(_ event: LogEvent, level: String, day: Day, seconds: Int64) {
    let masked = masker.template(of: event.message)
    let maskedText = String(decoding: masked, as: UTF8.self)
    let template = event.exception?.template ?? maskedText
    let fingerprint = Fingerprint(of: template).description
    let key = TemplateKey(day: day.daysSinceEpoch, fingerprint: fingerprint)
    var stats =
      templates[key]
      ?? TemplateStats(level: level, template: template, firstSeen: seconds, lastSeen: seconds, sample: String(maskedText.prefix(500)))
    stats.count += 1
    stats.firstSeen = min(stats.firstSeen, seconds)
    stats.lastSeen = max(stats.lastSeen, seconds)
    templates[key] = stats
  }

  func store(in database: Database, today: Day) throws {
    for (day, counts) in levels {
      for (level, count) in counts {
        try database.execute(
          """
          INSERT INTO log_levels (day, level, count) VALUES (?, ?, ?)
          ON CONFLICT (day, level) DO UPDATE SET count = count + excluded.count
          """, [.integer(day), .text(level), .integer(count)])
      }
    }
    for (key, stats) in templates {
      try database.execute(
        """
        INSERT INTO log_templates (day, fingerprint, level, template, count, first_seen, last_seen, sample)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (day, fingerprint) DO UPDATE SET count = count + excluded.count,
          first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen)
        """,
        [
          .integer(key.day), .text(key.fingerprint), .text(stats.level), .text(stats.template),
          .integer(stats.count), .integer(stats.firstSeen), .integer(stats.lastSeen), .text(stats.sample),
        ])
    }
    try storeLatency(in: database)
  }

  private func storeLatency(in database: Database) throws {
    for (day, sketch) in latencies {
      var merged = sketch
      if let existing = try database.scalar("SELECT sketch FROM log_latency WHERE day = ?", [.integer(day)])?.blobValue {
        try merged.merge(try DDSketch(serialized: existing))
      }
      try database.execute(
        "INSERT OR REPLACE INTO log_latency (day, count, sketch) VALUES (?, ?, ?)",
        [.integer(day), .integer(Int64(merged.count)), .blob(merged.serialized())])
    }
    for (day, hours) in throughput {
      for (hour, count) in hours {
        try database.execute(
          """
          INSERT INTO log_throughput (day, hour, count) VALUES (?, ?, ?)
          ON CONFLICT (day, hour) DO UPDATE SET count = count + excluded.count
          """, [.integer(day), .integer(hour), .integer(count)])
      }
    }
  }
}
