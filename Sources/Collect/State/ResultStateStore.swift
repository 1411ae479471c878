import Core

/// Keeps AI result statistics in the state database between snapshots:
/// reading positions, per-day counts and sketches, and the review
/// samples, each merged so that repeated snapshots add up exactly.
enum ResultStateStore {
  static func cursors(_ database: Database) throws -> [ResultsCursor] {
    try database.query(
      "SELECT path, device, inode, offset, line, head_length, head_hash, inside_long_line FROM results_cursors"
    ).map { row in
      ResultsCursor(
        path: row[0].stringValue ?? "", device: UInt64(bitPattern: row[1].int64Value ?? 0),
        inode: UInt64(bitPattern: row[2].int64Value ?? 0), offset: row[3].int64Value ?? 0,
        line: row[4].intValue ?? 0, headLength: row[5].intValue ?? 0,
        headHash: UInt64(bitPattern: row[6].int64Value ?? 0), insideLongLine: row[7].intValue == 1)
    }
  }

  static func saveCursors(_ cursors: [ResultsCursor], _ database: Database) throws {
    try database.execute("DELETE FROM results_cursors")
    for cursor in cursors {
      try database.execute(
        "INSERT OR REPLACE INTO results_cursors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
          .text(cursor.path), .integer(Int64(bitPattern: cursor.device)),
          .integer(Int64(bitPattern: cursor.inode)), .integer(cursor.offset), .integer(cursor.line),
          .integer(cursor.headLength), .integer(Int64(bitPattern: cursor.headHash)),
          .integer(cursor.insideLongLine ? 1 : 0),
        ])
    }
  }

  /// Adds the statistics of one snapshot to the stored ones.
  static func merge(_ statistics: ResultStatistics, into database: Database) throws {
    for (key, aggregate) in statistics.aggregates {
      var counts = ["studies": aggregate.studies]
      for (status, count) in aggregate.status { counts["status:" + status] = count }
      for (finding, count) in aggregate.findings {
        counts["positives:" + finding] = count.positives
        counts["total:" + finding] = count.total
      }
      let prefix: [SQLiteValue] = [.integer(key.day.daysSinceEpoch), .text(key.model), .text(key.version)]
      for (name, count) in counts {
        try database.execute(
          """
          INSERT INTO result_counts (day, model, version, key, count) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (day, model, version, key) DO UPDATE SET count = count + excluded.count
          """, prefix + [.text(name), .integer(count)])
      }
      for (metric, sketch) in aggregate.sketches {
        var merged = sketch
        if let stored = try database.scalar(
          "SELECT sketch FROM result_sketches WHERE day = ? AND model = ? AND version = ? AND metric = ?",
          prefix + [.text(metric)])?.blobValue
        {
          try merged.merge(try DDSketch(serialized: stored))
        }
        try database.execute(
          "INSERT OR REPLACE INTO result_sketches VALUES (?, ?, ?, ?, ?)",
          prefix + [.text(metric), .blob(merged.serialized())])
      }
    }
    try mergeReviews(statistics, into: database)
  }

  /// Restores each stored review sample, offers it the new candidates, and
  /// stores what the merged sample keeps.
  private static func mergeReviews(_ statistics: ResultStatistics, into database: Database) throws {
    for (key, sample) in statistics.reviews {
      var merged = try storedSample(key, seed: sample.seed, size: sample.size, database)
      merged.merge(sample)
      let identity: [SQLiteValue] = [.text(key.period), .text(key.model), .text(key.version)]
      try database.execute(
        "DELETE FROM review_candidates WHERE period = ? AND model = ? AND version = ?", identity)
      let lists: [(ReviewReason, [ReviewCandidate])] = [(.random, merged.random), (.uncertain, merged.uncertain)]
      for (reason, candidates) in lists {
        for candidate in candidates {
          try database.execute(
            "INSERT OR REPLACE INTO review_candidates VALUES (?, ?, ?, ?, ?, ?, ?)",
            identity + [
              .text(reason.rawValue), .text(candidate.study), .integer(candidate.day.daysSinceEpoch),
              candidate.uncertainty.map { .real($0) } ?? .null,
            ])
        }
      }
    }
  }

  private static func storedSample(_ key: ReviewKey, seed: UInt64, size: Int, _ database: Database) throws
    -> ReviewSample
  {
    var sample = ReviewSample(seed: seed, size: size)
    let rows = try database.query(
      """
      SELECT reason, study, day, uncertainty FROM review_candidates
      WHERE period = ? AND model = ? AND version = ?
      """, [.text(key.period), .text(key.model), .text(key.version)])
    for row in rows {
      let candidate = ReviewCandidate(
        study: row[1].stringValue ?? "", day: Day(daysSinceEpoch: row[2].intValue ?? 0),
        uncertainty: row[3].doubleValue)
      sample.offer(candidate, reason: ReviewReason(rawValue: row[0].stringValue ?? "") ?? .random)
    }
    return sample
  }

  /// Rebuilds the statistics of days `start` to `end` from the tables,
  /// so the bundle rows come from the same code as in the results module.
  static func load(_ database: Database, siteID: String, reviewSize: Int, start: Day, end: Day) throws
    -> ResultStatistics
  {
    var statistics = ResultStatistics(siteID: siteID, reviewSize: reviewSize)
    let range: [SQLiteValue] = [.integer(start.daysSinceEpoch), .integer(end.daysSinceEpoch)]
    for row in try database.query(
      "SELECT day, model, version, key, count FROM result_counts WHERE day BETWEEN ? AND ?", range)
    {
      let key = ResultKey(
        day: Day(daysSinceEpoch: row[0].intValue ?? 0), model: row[1].stringValue ?? "",
        version: row[2].stringValue ?? "")
      apply(row[3].stringValue ?? "", row[4].intValue ?? 0, to: &statistics.aggregates[key, default: ResultAggregate()])
    }
    for row in try database.query(
      "SELECT day, model, version, metric, sketch FROM result_sketches WHERE day BETWEEN ? AND ?", range)
    {
      let key = ResultKey(
        day: Day(daysSinceEpoch: row[0].intValue ?? 0), model: row[1].stringValue ?? "",
        version: row[2].stringValue ?? "")
      statistics.aggregates[key, default: ResultAggregate()].sketches[row[3].stringValue ?? ""] =
        try DDSketch(serialized: row[4].blobValue ?? [])
    }
    try loadReviews(database, into: &statistics, range: range)
    return statistics
  }

  private static func apply(_ name: String, _ count: Int, to aggregate: inout ResultAggregate) {
    let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
    switch (parts.first, parts.count) {
    case ("studies", 1): aggregate.studies += count
    case ("status", 2): aggregate.status[parts[1], default: 0] += count
    case ("positives", 2): aggregate.findings[parts[1], default: FindingCount()].positives += count
    case ("total", 2): aggregate.findings[parts[1], default: FindingCount()].total += count
    default: break
    }
  }

  private static func loadReviews(
    _ database: Database, into statistics: inout ResultStatistics, range: [SQLiteValue]
  ) throws {
    let rows = try database.query(
      """
      SELECT period, model, version, reason, study, day, uncertainty FROM review_candidates
      WHERE day BETWEEN ? AND ? ORDER BY period, model, version, reason, study
      """, range)
    for row in rows {
      let key = ReviewKey(
        period: row[0].stringValue ?? "", model: row[1].stringValue ?? "", version: row[2].stringValue ?? "")
      let seed = ReviewSample.seed(siteID: statistics.siteID, period: key.period)
      var sample = statistics.reviews[key] ?? ReviewSample(seed: seed, size: statistics.reviewSize)
      let candidate = ReviewCandidate(
        study: row[4].stringValue ?? "", day: Day(daysSinceEpoch: row[5].intValue ?? 0),
        uncertainty: row[6].doubleValue)
      sample.offer(candidate, reason: ReviewReason(rawValue: row[3].stringValue ?? "") ?? .random)
      statistics.reviews[key] = sample
    }
  }
}
