import Core

/// The rules about the data the model receives: new values, moving shares,
/// shifting numeric tags, the age mix and the model's output.
struct DriftRules {
  let context: AnalysisContext
  var options: AnalysisOptions { context.options }

  /// The dimensions whose first appearance of a value is reported.
  static let firstAppearanceDimensions = [
    "manufacturer", "model", "software", "station", "institution", "body_part", "modality",
    "transfer_syntax",
  ]
  /// The dimensions whose value shares are compared.
  static let shareDimensions = [
    "modality", "manufacturer", "model", "software", "body_part", "body_part_raw", "sop_class",
    "transfer_syntax", "photometric", "sex", "view_position", "patient_position", "institution",
    "station",
  ]
  static let pediatricBands: Set<String> = ["0-1", "2-4", "5-11", "12-17"]

  func evaluate() -> [Finding] {
    guard context.baseline != nil else { return [] }
    return firstAppearances() + shareShifts() + pediatricShare() + stationBodyParts()
      + numericShifts() + positiveRates() + resultDistributions()
  }

  func drift(
    _ kind: String, _ subject: String, _ severity: Severity, first: Day, last: Day,
    _ sentence: String, _ evidence: [String: Double], test: TestResult?
  ) -> Finding {
    Finding(
      category: .drift, kind: kind, subject: subject, severity: severity, firstDay: first,
      lastDay: last, sentence: sentence, evidence: evidence, test: test)
  }

  /// Reports values of equipment, site and data dimensions that the site
  /// never sent before the current period.
  func firstAppearances() -> [Finding] {
    let dimensions = Set(Self.firstAppearanceDimensions)
    var prior = Set<String>()
    var hasPrior = false
    var current: [String: (studies: Int, first: Day, last: Day)] = [:]
    var totals: [String: Int] = [:]
    for row in context.tables.dicomCounts where dimensions.contains(row.dimension) {
      let key = row.dimension + "=" + row.value
      if context.isPrior(row.day) {
        prior.insert(key)
        hasPrior = true
      } else if context.inCurrent(row.day) && row.studies > 0 {
        totals[row.dimension, default: 0] += row.studies
        let entry = current[key] ?? (0, row.day, row.day)
        current[key] = (
          entry.studies + row.studies, min(entry.first, row.day), max(entry.last, row.day)
        )
      }
    }
    guard hasPrior else { return [] }
    return current.keys.sorted().filter { !prior.contains($0) }.map { key in
      let entry = current[key]!
      let dimension = String(key.prefix { $0 != "=" })
      let share = Double(entry.studies) / Double(max(totals[dimension] ?? 1, 1))
      let severity: Severity = entry.studies >= options.minimumCount ? .warning : .info
      return drift(
        "first_appearance", key, severity, first: entry.first, last: entry.last,
        "A new \(spaced(dimension)) \"\(key.dropFirst(dimension.count + 1))\" appeared on \(entry.first) with \(entry.studies) studies (\(Format.percent(share)) of the period).",
        ["studies": Double(entry.studies), "share": share],
        test: TestResult(
          name: "first appearance", statistic: nil, pValue: nil, effectName: "share",
          effectSize: share))
    }
  }

  /// Counts studies per value of `dimension`, split into baseline and
  /// current windows, and per current day.
  func valueCounts(_ dimension: String) -> ShareTable {
    var table = ShareTable()
    for row in context.tables.dicomCounts where row.dimension == dimension {
      table.add(row.value, day: row.day, count: Double(row.studies), context: context)
    }
    return table
  }

  /// Reports values whose share of studies moved by at least the share
  /// floor with a significant two-proportion test.
  func shareShifts() -> [Finding] {
    Self.shareDimensions.flatMap { dimension in
      shifts(
        valueCounts(dimension), kind: "share_shift", subjectPrefix: dimension + "=",
        floor: options.shareFloor, describe: spaced(dimension))
    }
  }

  /// Reports the pediatric share of studies (age bands under 18) rising or
  /// falling by at least the pediatric floor.
  func pediatricShare() -> [Finding] {
    var table = ShareTable()
    for row in context.tables.dicomCounts where row.dimension == "age_band" {
      let value = Self.pediatricBands.contains(row.value) ? "pediatric" : "adult or unknown"
      table.add(value, day: row.day, count: Double(row.studies), context: context)
    }
    return shifts(
      table, kind: "pediatric_share", subjectPrefix: "", floor: options.pediatricFloor,
      describe: "age mix", only: "pediatric")
  }

  /// Reports, per station, body parts whose share moved, which shows a
  /// body part tag filled wrongly on one station.
  func stationBodyParts() -> [Finding] {
    var tables: [String: ShareTable] = [:]
    for row in context.tables.crosstab where row.station != "*" {
      tables[row.station, default: ShareTable()].add(
        row.bodyPart, day: row.day, count: Double(row.count), context: context)
    }
    return tables.keys.sorted().flatMap { station in
      shifts(
        tables[station]!, kind: "station_body_part_shift", subjectPrefix: station + " body_part=",
        floor: options.shareFloor, describe: "body part on station \(station)")
    }
  }
}

/// Returns a field name with underscores as spaces, for sentences.
func spaced(_ name: String) -> String {
  String(name.map { $0 == "_" ? " " : $0 })
}
