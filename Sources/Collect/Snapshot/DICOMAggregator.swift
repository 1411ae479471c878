import Core

/// Adds parsed instances to the per-day aggregate tables of the state
/// database, inside the snapshot's transaction. Counts and sketches build
/// up in memory until `flush` merges them into the tables. The studies and
/// series seen per day are checked against the database as they arrive,
/// so a study counts once per day however many snapshots deliver it.
final class DICOMAggregator {
  private struct CountKey: Hashable {
    var day: Int
    var dimension: Dimension
    var value: String
  }

  private struct Counts {
    var studies = 0
    var series = 0
    var instances = 0
  }

  private struct CrossKey: Hashable {
    var day: Int
    var cells: [String]
  }

  private struct OutlierRow: Hashable {
    var day: Int
    var rule: String
    var study: String
    var modality: String
    var bodyPart: String
    var ageBand: String
    var station: String
  }

  private let database: Database
  private let pseudonymizer: any Pseudonymizer
  private let config: SiteConfig
  private var counts: [CountKey: Counts] = [:]
  private var sketches: [String: DDSketch] = [:]
  private var crosstab: [CrossKey: Int] = [:]
  private var outliers: Set<OutlierRow> = []
  private var seenStudies: Set<String> = []
  private var seenSeries: Set<String> = []
  private(set) var instancesAdded = 0

  init(database: Database, pseudonymizer: any Pseudonymizer, config: SiteConfig) {
    self.database = database
    self.pseudonymizer = pseudonymizer
    self.config = config
  }

  /// Counts one instance that reached the store on `day`.
  func add(_ file: ScannedFile, day: Day) throws {
    guard let attributes = file.attributes else { return }
    instancesAdded += 1
    let clear = Set(config.privacy.clearAttributes)
    let values = Dimension.allCases.map { dimension in
      (dimension, dimension.value(of: attributes, pseudonymizer: pseudonymizer, clearAttributes: clear))
    }
    let studyRef = attributes.studyUID.isEmpty ? nil : pseudonymizer.study(attributes.studyUID)
    let newStudy = try studyRef.map { try firstSight(study: $0, attributes, day: day) } ?? false
    let newSeries = try firstSight(series: attributes.seriesUID, day: day)

    for (dimension, value) in values {
      let key = CountKey(day: day.daysSinceEpoch, dimension: dimension, value: value)
      var entry = counts[key] ?? Counts()
      entry.instances += 1
      if newStudy { entry.studies += 1 }
      if newSeries { entry.series += 1 }
      counts[key] = entry
    }
    addSketchValues(file, day: day)
    if newStudy, let studyRef {
      addStudyLevel(attributes, values: Dictionary(uniqueKeysWithValues: values), study: studyRef, day: day)
    }
  }

  private func addSketchValues(_ file: ScannedFile, day: Day) {
    for metric in NumericMetric.allCases {
      guard let value = metric.value(of: file), value.isFinite else { continue }
      let key = "\(day.daysSinceEpoch)\u{0}\(metric.rawValue)"
      var sketch = sketches[key] ?? DDSketch()
      _ = sketch.add(value)
      sketches[key] = sketch
    }
  }

  /// Adds the study to the cross-tabulation and checks the outlier rules,
  /// once per study and day.
  private func addStudyLevel(
    _ attributes: InstanceAttributes, values: [Dimension: String], study: String, day: Day
  ) {
    let cells = [Dimension.ageBand, .sex, .bodyPart, .station].map { values[$0] ?? "" }
    crosstab[CrossKey(day: day.daysSinceEpoch, cells: cells), default: 0] += 1
    for rule in OutlierRule.check(attributes, against: config.model) {
      outliers.insert(
        OutlierRow(
          day: day.daysSinceEpoch, rule: rule.rawValue, study: study,
          modality: values[.modality] ?? "", bodyPart: values[.bodyPart] ?? "",
          ageBand: values[.ageBand] ?? "", station: values[.station] ?? ""))
    }
  }

  /// Records the study for lookup and returns whether this is the first
  /// instance of it on `day`.
  private func firstSight(study: String, _ attributes: InstanceAttributes, day: Day) throws -> Bool {
    let key = "\(day.daysSinceEpoch)\u{0}\(study)"
    guard seenStudies.insert(key).inserted else { return false }
    try database.execute(
      """
      INSERT OR IGNORE INTO studies (ref, study_uid, accession, study_date, first_day)
      VALUES (?, ?, ?, ?, ?)
      """,
      [
        .text(study), .text(attributes.studyUID.trimmingSpaces()),
        .text(attributes.accessionNumber.trimmingSpaces()), .text(attributes.studyDate.trimmingSpaces()),
        .integer(day.daysSinceEpoch),
      ])
    let inserted = try database.execute(
      "INSERT OR IGNORE INTO study_days (day, ref) VALUES (?, ?)", [.integer(day.daysSinceEpoch), .text(study)])
    return inserted == 1
  }

  private func firstSight(series uid: String, day: Day) throws -> Bool {
    let trimmed = uid.trimmingSpaces()
    guard !trimmed.isEmpty else { return false }
    let key = "\(day.daysSinceEpoch)\u{0}\(trimmed)"
    guard seenSeries.insert(key).inserted else { return false }
    let inserted = try database.execute(
      "INSERT OR IGNORE INTO series_days (day, uid) VALUES (?, ?)", [.integer(day.daysSinceEpoch), .text(trimmed)])
    return inserted == 1
  }

  /// Merges everything gathered in memory into the aggregate tables.
  func flush() throws {
    let countStatement = try database.prepare(
      """
      INSERT INTO dicom_counts (day, dimension, value, studies, series, instances)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (day, dimension, value) DO UPDATE SET
        studies = studies + excluded.studies, series = series + excluded.series,
        instances = instances + excluded.instances
      """)
    for (key, entry) in counts {
      _ = try countStatement.run([
        .integer(key.day), .text(key.dimension.rawValue), .text(key.value), .integer(entry.studies),
        .integer(entry.series), .integer(entry.instances),
      ])
    }
    try flushSketches()
    try flushStudyTables()
    counts = [:]
    sketches = [:]
    crosstab = [:]
    outliers = []
  }

  private func flushSketches() throws {
    for (key, sketch) in sketches.sorted(by: { $0.key < $1.key }) {
      let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
      let day = Int(parts[0])!
      var merged = sketch
      if let existing = try database.scalar(
        "SELECT sketch FROM dicom_numeric WHERE day = ? AND metric = ?", [.integer(day), .text(parts[1])]
      )?.blobValue {
        try merged.merge(try DDSketch(serialized: existing))
      }
      try database.execute(
        "INSERT OR REPLACE INTO dicom_numeric (day, metric, count, sketch) VALUES (?, ?, ?, ?)",
        [.integer(day), .text(parts[1]), .integer(Int64(merged.count)), .blob(merged.serialized())])
    }
  }

  private func flushStudyTables() throws {
    for (key, count) in crosstab {
      try database.execute(
        """
        INSERT INTO crosstab (day, age_band, sex, body_part, station, count) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (day, age_band, sex, body_part, station) DO UPDATE SET count = count + excluded.count
        """,
        [.integer(key.day)] + key.cells.map { .text($0) } + [.integer(count)])
    }
    for row in outliers {
      try database.execute(
        """
        INSERT OR IGNORE INTO outliers (day, rule, study, modality, body_part, age_band, station)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .integer(row.day), .text(row.rule), .text(row.study), .text(row.modality), .text(row.bodyPart),
          .text(row.ageBand), .text(row.station),
        ])
    }
  }
}

extension DICOMAggregator {
  func studyReference(_ studyUID: String) -> String { pseudonymizer.study(studyUID) }
}
