import Core

/// Storing and loading table rows, merged by day.
extension HistoryDatabase {
  func storeRows(_ content: BundleContent) throws {
    let manifest = content.manifest
    let site = manifest.siteID
    let sequence = Int(manifest.sequence)
    var rowsByDay: [Day: [(PayloadTable, String)]] = [:]
    for (table, rows) in content.tables {
      for (index, row) in rows.enumerated() {
        guard let day = try? TableSet.day(of: row, in: table) else {
          throw BundleError.invalidRow(
            path: content.source, table: table.rawValue, line: index + 1,
            reason: "the row has no valid day or time")
        }
        rowsByDay[day, default: []].append((table, row.serialized()))
      }
    }
    var days = Set(rowsByDay.keys)
    var day = manifest.periodStart
    while day <= manifest.periodEnd {
      days.insert(day)
      day = day.adding(days: 1)
    }
    for day in days.sorted() {
      try replaceDay(day, site: site, sequence: sequence, rows: rowsByDay[day] ?? [])
    }
  }

  private func replaceDay(_ day: Day, site: String, sequence: Int, rows: [(PayloadTable, String)])
    throws
  {
    let text = SQLiteValue.text(day.description)
    let source = try database.scalar(
      "SELECT sequence FROM day_sources WHERE site_id = ? AND day = ?", [.text(site), text])?
      .intValue
    if let source, source > sequence { return }
    try database.execute(
      "DELETE FROM table_rows WHERE site_id = ? AND day = ?", [.text(site), text])
    try database.execute(
      "INSERT OR REPLACE INTO day_sources (site_id, day, sequence) VALUES (?, ?, ?)",
      [.text(site), text, .integer(sequence)])
    let insert = try database.prepare(
      "INSERT INTO table_rows (site_id, table_name, day, data) VALUES (?, ?, ?, ?)")
    for (table, data) in rows {
      _ = try insert.run([.text(site), .text(table.rawValue), text, .text(data)])
    }
  }

  /// Loads the stored rows of one site whose day falls in `days`, or all
  /// of them when `days` is nil.
  public func tables(siteID: String, days: ClosedRange<Day>? = nil) throws -> TableSet {
    var set = TableSet()
    let parser = JSONParser()
    var sql = "SELECT table_name, data FROM table_rows WHERE site_id = ?"
    var bindings: [SQLiteValue] = [.text(siteID)]
    if let days {
      sql += " AND day BETWEEN ? AND ?"
      bindings += [.text(days.lowerBound.description), .text(days.upperBound.description)]
    }
    sql += " ORDER BY day, rowid"
    for row in try database.query(sql, bindings) {
      guard let name = row[0].stringValue, let table = PayloadTable(rawValue: name),
        let data = row[1].stringValue
      else { continue }
      try set.append(try parser.parse(data), to: table)
    }
    return set
  }
}
