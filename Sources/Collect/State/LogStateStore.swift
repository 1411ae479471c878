import Core

/// Stores log reading positions and merges per-day log aggregates into
/// the state database.
enum LogStateStore {
  static func load(_ path: String, from database: Database) throws -> LogFileState? {
    try database.query(
      """
      SELECT device, inode, offset, size, line_count, head_hash, head_length
      FROM log_files WHERE path = ?
      """, [.text(path)]
    ).first.map { row in
      LogFileState(
        path: path, device: UInt64(bitPattern: row[0].int64Value ?? 0),
        inode: UInt64(bitPattern: row[1].int64Value ?? 0), offset: row[2].int64Value ?? 0,
        size: row[3].int64Value ?? 0, lineCount: row[4].intValue ?? 0,
        headHash: UInt64(bitPattern: row[5].int64Value ?? 0), headLength: row[6].intValue ?? 0)
    }
  }

  static func save(_ state: LogFileState, to database: Database) throws {
    try database.execute(
      """
      INSERT OR REPLACE INTO log_files
        (path, device, inode, offset, size, line_count, head_hash, head_length, format)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')
      """,
      [
        .text(state.path), .integer(Int64(bitPattern: state.device)),
        .integer(Int64(bitPattern: state.inode)), .integer(state.offset), .integer(state.size),
        .integer(state.lineCount), .integer(Int64(bitPattern: state.headHash)), .integer(state.headLength),
      ])
  }

  /// Maps level names of the common formats to the five the bundle uses;
  /// events without a level count as info.
  static func normalizeLevel(_ raw: String?) -> String {
    switch raw?.lowercased() {
    case "debug", "trace", "verbose", "7": return "debug"
    case "warn", "warning", "4": return "warning"
    case "error", "err", "exception", "3": return "error"
    case "critical", "crit", "fatal", "alert", "emerg", "emergency", "panic", "0", "1", "2":
      return "critical"
    default: return "info"
    }
  }

  /// Adds the collector's aggregates to the tables and returns the
  /// number of events.
  static func merge(_ collector: LogCollector, into database: Database) throws -> Int {
    var events = 0
    for (day, aggregate) in collector.days {
      events += aggregate.eventCount
      var levels: [String: Int] = [:]
      for (level, count) in aggregate.levelCounts { levels[normalizeLevel(level), default: 0] += count }
      for (level, count) in levels {
        try database.execute(
          """
          INSERT INTO log_levels (day, level, count) VALUES (?, ?, ?)
          ON CONFLICT (day, level) DO UPDATE SET count = count + excluded.count
          """, [.integer(day.daysSinceEpoch), .text(level), .integer(count)])
      }
      for (fingerprint, stats) in aggregate.templates {
        try mergeTemplate(day, fingerprint, stats, collector, database)
      }
    }
    try mergeLatency(collector.latency, into: database)
    return events
  }

  /// Keeps warnings, errors and tracebacks; other templates stay out of
  /// the state database.
  private static func mergeTemplate(
    _ day: Day, _ fingerprint: Fingerprint, _ stats: LogTemplateStats, _ collector: LogCollector,
    _ database: Database
  ) throws {
    let level = normalizeLevel(stats.level)
    let isTraceback = stats.sample.hasPrefix("Traceback ")
    guard level == "warning" || level == "error" || level == "critical" || isTraceback else { return }
    let first = Int64(stats.firstSeen ?? Double(day.unixSeconds))
    let last = Int64(stats.lastSeen ?? Double(day.unixSeconds))
    let template = stats.sample.split(separator: ":", maxSplits: 1).first.map(String.init) ?? stats.sample
    try database.execute(
      """
      INSERT INTO log_templates (day, fingerprint, level, template, count, first_seen, last_seen, sample)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (day, fingerprint) DO UPDATE SET count = count + excluded.count,
        first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen),
        sample = MIN(sample, excluded.sample)
      """,
      [
        .integer(day.daysSinceEpoch), .text(fingerprint.description), .text(level),
        .text(isTraceback ? template : stats.sample), .integer(stats.count), .integer(first),
        .integer(last), .text(String(stats.sample.prefix(500))),
      ])
  }

  private static func mergeLatency(_ recorder: LatencyRecorder, into database: Database) throws {
    for (day, values) in recorder.latencies {
      var sketch = DDSketch()
      for value in values where value.isFinite { _ = sketch.add(value) }
      if let existing = try database.scalar(
        "SELECT sketch FROM log_latency WHERE day = ?", [.integer(day.daysSinceEpoch)])?.blobValue
      {
        try sketch.merge(try DDSketch(serialized: existing))
      }
      try database.execute(
        "INSERT OR REPLACE INTO log_latency (day, count, sketch) VALUES (?, ?, ?)",
        [.integer(day.daysSinceEpoch), .integer(Int64(sketch.count)), .blob(sketch.serialized())])
    }
    for (hour, count) in recorder.eventsPerHour {
      let day = Day(unixSeconds: hour * 3600)
      try database.execute(
        """
        INSERT INTO log_throughput (day, hour, count) VALUES (?, ?, ?)
        ON CONFLICT (day, hour) DO UPDATE SET count = count + excluded.count
        """, [.integer(day.daysSinceEpoch), .integer((hour * 3600 - day.unixSeconds) / 3600), .integer(count)])
    }
  }
}
