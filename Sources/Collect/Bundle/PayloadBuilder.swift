import Core

/// Reads the aggregate tables of the state database for one period and
/// turns them into the payload tables of a bundle, one JSON object per
/// row. Only aggregate tables are read; `files`, `studies` and the
/// per-day study and series sets never are.
struct PayloadBuilder {
  let database: Database
  let config: SiteConfig
  let start: Day
  let end: Day

  /// Returns every table's rows, sorted so that the same state gives the
  /// same bytes.
  func build() throws -> [PayloadTable: [JSONValue]] {
    var tables: [PayloadTable: [JSONValue]] = [:]
    tables[.dicomCounts] = try dicomCounts()
    tables[.dicomNumeric] = try dicomNumeric()
    tables[.crosstab] = try crosstab()
    tables[.outliers] = try outliers()
    tables[.scanProblems] = try scanProblems()
    tables[.snapshots] = try snapshots()
    tables[.host] = try host()
    let results = try ResultStateStore.load(
      database, siteID: config.siteID, reviewSize: config.results.reviewSample, start: start, end: end)
    tables[.results] = results.resultRows()
    tables[.resultSketches] = results.sketchRows()
    tables[.review] = results.reviewRows()
    tables[.logLevels] = try logLevels()
    tables[.logTemplates] = try logTemplates()
    tables[.latency] = try latency()
    tables[.throughput] = try throughput()
    return tables
  }

  /// Returns one report per collector, summed over the snapshots of the
  /// period, for `collection.json`.
  func collectorReports() throws -> [CollectorReport] {
    let bounds: [SQLiteValue] = [.integer(start.unixSeconds), .integer(end.adding(days: 1).unixSeconds)]
    return try database.query(
      """
      SELECT name, SUM(items), SUM(skipped), SUM(duration_ms), COUNT(*),
        SUM(status != 'ok') FROM snapshot_collectors
      WHERE started >= ? AND started < ? GROUP BY name ORDER BY name
      """, bounds
    ).map { row in
      let failed = row[5].intValue ?? 0
      let runs = row[4].intValue ?? 0
      return CollectorReport(
        name: row[0].stringValue ?? "", summary: "",
        status: failed == 0 ? "ok" : (failed == runs ? "failed" : "partial"),
        items: row[1].intValue ?? 0, skipped: row[2].intValue ?? 0,
        durationMilliseconds: row[3].int64Value ?? 0,
        notes: ["snapshot runs: \(runs)", "runs that failed or were partial: \(failed)"])
    }
  }

  /// Returns the stored host rows of the period; each was built by
  /// `HostHealth.tableRow` and holds only the fields the format lists.
  private func host() throws -> [JSONValue] {
    let bounds: [SQLiteValue] = [.integer(start.unixSeconds), .integer(end.adding(days: 1).unixSeconds)]
    return try database.query(
      "SELECT row FROM host_samples WHERE time >= ? AND time < ? ORDER BY time", bounds
    ).map { row in
      try JSONParser().parse(row[0].stringValue ?? "{}")
    }
  }

  private func logLevels() throws -> [JSONValue] {
    try database.query(
      "SELECT day, level, count FROM log_levels WHERE day BETWEEN ? AND ? ORDER BY day, level", range
    ).map { row in
      .sortedObject(["day": dayText(row[0]), "level": .string(row[1].stringValue ?? ""), "count": .integer(row[2].int64Value ?? 0)])
    }
  }

  private func logTemplates() throws -> [JSONValue] {
    try database.query(
      """
      SELECT day, fingerprint, level, template, count, first_seen, last_seen, sample FROM log_templates
      WHERE day BETWEEN ? AND ? ORDER BY day, fingerprint
      """, range
    ).map { row in
      .sortedObject([
        "day": dayText(row[0]), "fingerprint": .string(row[1].stringValue ?? ""),
        "level": .string(row[2].stringValue ?? ""), "template": .string(row[3].stringValue ?? ""),
        "count": .integer(row[4].int64Value ?? 0), "first_seen": .string(RFC3339.format(row[5].int64Value ?? 0)),
        "last_seen": .string(RFC3339.format(row[6].int64Value ?? 0)), "sample": .string(row[7].stringValue ?? ""),
      ])
    }
  }

  private func latency() throws -> [JSONValue] {
    try database.query(
      "SELECT day, count, sketch FROM log_latency WHERE day BETWEEN ? AND ? ORDER BY day", range
    ).map { row in
      .sortedObject([
        "day": dayText(row[0]), "count": .integer(row[1].int64Value ?? 0),
        "sketch": .string(Base64.encode(row[2].blobValue ?? [])),
      ])
    }
  }

  private func throughput() throws -> [JSONValue] {
    try database.query(
      "SELECT day, hour, count FROM log_throughput WHERE day BETWEEN ? AND ? ORDER BY day, hour", range
    ).map { row in
      .sortedObject(["day": dayText(row[0]), "hour": .integer(row[1].int64Value ?? 0), "count": .integer(row[2].int64Value ?? 0)])
    }
  }

  private var range: [SQLiteValue] { [.integer(start.daysSinceEpoch), .integer(end.daysSinceEpoch)] }

  private func dayText(_ value: SQLiteValue) -> JSONValue {
    .string(Day(daysSinceEpoch: value.intValue ?? 0).description)
  }

  private func dicomCounts() throws -> [JSONValue] {
    try database.query(
      """
      SELECT day, dimension, value, studies, series, instances FROM dicom_counts
      WHERE day BETWEEN ? AND ? ORDER BY day, dimension, value
      """, range
    ).map { row in
      .sortedObject([
        "day": dayText(row[0]), "dimension": .string(row[1].stringValue ?? ""),
        "value": .string(row[2].stringValue ?? ""), "studies": .integer(row[3].int64Value ?? 0),
        "series": .integer(row[4].int64Value ?? 0), "instances": .integer(row[5].int64Value ?? 0),
      ])
    }
  }

  private func dicomNumeric() throws -> [JSONValue] {
    try database.query(
      "SELECT day, metric, count, sketch FROM dicom_numeric WHERE day BETWEEN ? AND ? ORDER BY day, metric",
      range
    ).map { row in
      .sortedObject([
        "day": dayText(row[0]), "metric": .string(row[1].stringValue ?? ""),
        "count": .integer(row[2].int64Value ?? 0), "sketch": .string(Base64.encode(row[3].blobValue ?? [])),
      ])
    }
  }

  private func crosstab() throws -> [JSONValue] {
    let cells = try database.query(
      """
      SELECT day, age_band, sex, body_part, station, count FROM crosstab
      WHERE day BETWEEN ? AND ?
      """, range
    ).map { row in
      SmallCellSuppressor.Cell(
        day: Day(daysSinceEpoch: row[0].intValue ?? 0).description,
        attributes: (1...4).map { row[$0].stringValue ?? "" }, count: row[5].intValue ?? 0)
    }
    let suppressor = SmallCellSuppressor(minimumCount: config.privacy.minimumCellCount)
    return suppressor.suppress(cells).map { cell in
      .sortedObject([
        "day": .string(cell.day), "age_band": .string(cell.attributes[0]),
        "sex": .string(cell.attributes[1]), "body_part": .string(cell.attributes[2]),
        "station": .string(cell.attributes[3]), "count": .integer(Int64(cell.count)),
      ])
    }
  }

  private func outliers() throws -> [JSONValue] {
    try database.query(
      """
      SELECT day, rule, study, modality, body_part, age_band, station FROM outliers
      WHERE day BETWEEN ? AND ? ORDER BY day, rule, study
      """, range
    ).map { row in
      .sortedObject([
        "day": dayText(row[0]), "rule": .string(row[1].stringValue ?? ""),
        "study": .string(row[2].stringValue ?? ""), "modality": .string(row[3].stringValue ?? ""),
        "body_part": .string(row[4].stringValue ?? ""), "age_band": .string(row[5].stringValue ?? ""),
        "station": .string(row[6].stringValue ?? ""),
      ])
    }
  }

  private func scanProblems() throws -> [JSONValue] {
    try database.query(
      "SELECT day, kind, count FROM scan_problems WHERE day BETWEEN ? AND ? ORDER BY day, kind", range
    ).map { row in
      .sortedObject([
        "day": dayText(row[0]), "kind": .string(row[1].stringValue ?? ""),
        "count": .integer(row[2].int64Value ?? 0),
      ])
    }
  }

  private func snapshots() throws -> [JSONValue] {
    let bounds: [SQLiteValue] = [.integer(start.unixSeconds), .integer(end.adding(days: 1).unixSeconds)]
    return try database.query(
      """
      SELECT started, finished, files_seen, files_new, files_changed, problems, boot_time
      FROM snapshots WHERE started >= ? AND started < ? ORDER BY started
      """, bounds
    ).map { row in
      var fields: [String: JSONValue] = [
        "time": .string(RFC3339.format(row[0].int64Value ?? 0)),
        "duration_ms": .integer(((row[1].int64Value ?? 0) - (row[0].int64Value ?? 0)) * 1000),
        "files_seen": .integer(row[2].int64Value ?? 0), "files_new": .integer(row[3].int64Value ?? 0),
        "files_changed": .integer(row[4].int64Value ?? 0), "problems": .integer(row[5].int64Value ?? 0),
      ]
      if let boot = row[6].int64Value { fields["boot_time"] = .string(RFC3339.format(boot)) }
      return .sortedObject(fields)
    }
  }
}
