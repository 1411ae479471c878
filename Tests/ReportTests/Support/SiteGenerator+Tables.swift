import Core
import Report

/// The rows of one generated day.
extension SiteGenerator {
  static let stations = [
    ("p:AAAAAAAAAAAAAAAA", 0.5), ("p:BBBBBBBBBBBBBBBB", 0.3), ("p:CCCCCCCCCCCCCCCC", 0.2),
  ]
  static let swappedStation = "p:CCCCCCCCCCCCCCCC"
  static let adultBands = [("18-39", 0.3), ("40-64", 0.4), ("65-79", 0.2), ("80+", 0.1)]
  static let bodyParts = [("CHEST", 0.7), ("HAND", 0.15), ("KNEE", 0.15)]
  static let equipment = [
    ("Acme", "AX-100", "4.2"), ("Borealis", "B-Ray 7", "7.1.3"), ("Cygnus", "CR Plus", "2.0"),
  ]
  static let newVendor = ("Delta Imaging", "DI-900", "1.0.4")

  func rowsOf(_ day: Day, random: inout SplitMix64) -> [PayloadTable: [JSONValue]] {
    let down = active(.outage, on: day) && day < eventDay.adding(days: 2)
    var tables: [PayloadTable: [JSONValue]] = [:]
    tables[.snapshots] = down ? [] : snapshotRows(day)
    tables[.host] = down ? [] : hostRows(day)
    guard !down else { return tables }
    let studies = random.poisson(studiesPerDay)
    tables[.dicomCounts] = dicomCountRows(day, studies: studies, random: &random)
    tables[.crosstab] = crosstabRows(day, studies: studies, random: &random)
    tables[.dicomNumeric] = numericRows(day, random: &random)
    tables[.outliers] = outlierRows(day, random: &random)
    tables[.logLevels] = logLevelRows(day, random: &random)
    tables[.logTemplates] = templateRows(day, random: &random)
    let processed = active(.gpuFailure, on: day) ? studies / 50 : studies
    tables[.latency] = [latencyRow(day, count: studies, random: &random)]
    tables[.throughput] = throughputRows(day, studies: processed, random: &random)
    tables[.results] = [resultRow(day, studies: processed, random: &random)]
    tables[.resultSketches] = scoreRows(day, random: &random)
    tables[.review] = reviewRows(day)
    return tables
  }

  func manufacturerShares(_ day: Day) -> [(String, Double)] {
    guard active(.newVendor, on: day) else {
      return [("Acme", 0.5), ("Borealis", 0.3), ("Cygnus", 0.2)]
    }
    let newShare = min(0.35, 0.05 + 0.01 * Double(day.daysSinceEpoch - eventDay.daysSinceEpoch))
    let rest = 1 - newShare
    return [
      ("Acme", 0.5 * rest), ("Borealis", 0.3 * rest), ("Cygnus", 0.2 * rest),
      (Self.newVendor.0, newShare),
    ]
  }

  func ageShares(_ day: Day) -> [(String, Double)] {
    guard active(.pediatric, on: day) else { return Self.adultBands }
    return Self.adultBands.map { ($0.0, $0.1 * 0.85) } + [("5-11", 0.08), ("12-17", 0.07)]
  }

  private func dicomCountRows(_ day: Day, studies: Int, random: inout SplitMix64) -> [JSONValue] {
    var rows: [JSONValue] = []
    func add(_ dimension: String, _ counts: [(String, Int)]) {
      for (value, count) in counts where count > 0 {
        rows.append(
          row(
            day,
            [
              "dimension": .string(dimension), "value": .string(value),
              "studies": .integer(Int64(count)), "series": .integer(Int64(count)),
              "instances": .integer(Int64(count * 2)),
            ]))
      }
    }
    add("modality", random.multinomial(studies, [("CR", 0.6), ("DX", 0.4)]))
    let vendors = random.multinomial(studies, manufacturerShares(day))
    add("manufacturer", vendors)
    let catalogue = Self.equipment + [Self.newVendor]
    add("model", vendors.map { name, count in (catalogue.first { $0.0 == name }!.1, count) })
    add("software", vendors.map { name, count in (catalogue.first { $0.0 == name }!.2, count) })
    let stations = random.multinomial(studies, Self.stations)
    add("station", stations)
    var bodyParts: [String: Int] = [:]
    for (station, count) in stations {
      for (part, partCount) in random.multinomial(count, Self.bodyParts) {
        bodyParts[bodyPart(part, station: station, day: day), default: 0] += partCount
      }
    }
    add("body_part", bodyParts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    add("body_part_raw", bodyParts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    add(
      "institution",
      random.multinomial(studies, [("p:IIIIIIIIIIIIIIII", 0.6), ("p:JJJJJJJJJJJJJJJJ", 0.4)]))
    add(
      "transfer_syntax",
      random.multinomial(studies, [("1.2.840.10008.1.2.1", 0.8), ("1.2.840.10008.1.2.4.70", 0.2)]))
    add("sex", random.multinomial(studies, [("F", 0.5), ("M", 0.5)]))
    add("age_band", random.multinomial(studies, ageShares(day)))
    return rows
  }

  func bodyPart(_ part: String, station: String, day: Day) -> String {
    guard active(.bodyPartSwap, on: day), station == Self.swappedStation, part == "CHEST" else {
      return part
    }
    return "ABDOMEN"
  }

  private func crosstabRows(_ day: Day, studies: Int, random: inout SplitMix64) -> [JSONValue] {
    var cells: [(String, String, String, String, Int)] = []
    for (station, stationCount) in random.multinomial(studies, Self.stations) {
      for (part, partCount) in random.multinomial(stationCount, Self.bodyParts) {
        for (band, bandCount) in random.multinomial(partCount, ageShares(day)) {
          for (sex, count) in random.multinomial(bandCount, [("F", 0.5), ("M", 0.5)]) {
            cells.append((band, sex, bodyPart(part, station: station, day: day), station, count))
          }
        }
      }
    }
    var suppressed = 0
    var rows: [JSONValue] = []
    for (band, sex, part, station, count) in cells {
      guard count >= 5 else {
        suppressed += count
        continue
      }
      rows.append(crosstabRow(day, band, sex, part, station, count))
    }
    if suppressed > 0 { rows.append(crosstabRow(day, "*", "*", "*", "*", suppressed)) }
    return rows
  }

  private func crosstabRow(
    _ day: Day, _ band: String, _ sex: String, _ part: String, _ station: String, _ count: Int
  ) -> JSONValue {
    row(
      day,
      [
        "age_band": .string(band), "sex": .string(sex), "body_part": .string(part),
        "station": .string(station), "count": .integer(Int64(count)),
      ])
  }

  func row(_ day: Day, _ fields: [String: JSONValue]) -> JSONValue {
    var members = fields
    members["day"] = .string(day.description)
    return .sortedObject(members)
  }
}
