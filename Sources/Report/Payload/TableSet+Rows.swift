import Core

/// Parsers of the rows with nested fields.
extension TableSet {
  static func dicomCount(_ reader: RowReader) throws -> DicomCountRow {
    DicomCountRow(
      day: try reader.day(), dimension: try reader.string("dimension"),
      value: try reader.string("value"), studies: try reader.integer("studies"),
      series: try reader.integer("series"), instances: try reader.integer("instances"))
  }

  static func crosstabCell(_ reader: RowReader) throws -> CrosstabRow {
    CrosstabRow(
      day: try reader.day(), ageBand: try reader.string("age_band"),
      sex: try reader.string("sex"), bodyPart: try reader.string("body_part"),
      station: try reader.string("station"), count: try reader.integer("count"))
  }

  static func hostRow(_ reader: RowReader) throws -> HostRow {
    let disks = try reader.objects("disks").map {
      HostRow.Disk(
        path: try $0.string("path"), totalBytes: try $0.integer("total_bytes"),
        freeBytes: try $0.integer("free_bytes"))
    }
    let gpus = try reader.objects("gpus")
    let errors = gpus.reduce(0) { $0 + ((try? $1.integer("ecc_errors")) ?? 0) }
    return HostRow(
      time: try reader.string("time"), day: try reader.dayOfTime(), disks: disks,
      gpuStatus: try reader.string("gpu_status"), gpuErrors: errors)
  }

  static func resultRow(_ reader: RowReader) throws -> ResultRow {
    var status: [String: Int] = [:]
    for (name, value) in try reader.members("status") {
      guard let count = value.integerValue, count >= 0 else {
        throw RowError("status \"\(name)\" is not a non-negative integer")
      }
      status[name] = Int(count)
    }
    var findings: [String: ResultRow.Finding] = [:]
    for (name, value) in try reader.members("findings") {
      let finding = try RowReader(value)
      let positives = try finding.integer("positives")
      let total = try finding.integer("total")
      guard positives <= total else {
        throw RowError("finding \"\(name)\" has more positives than its total")
      }
      findings[name] = ResultRow.Finding(positives: positives, total: total)
    }
    return ResultRow(
      day: try reader.day(), model: try reader.string("model"),
      version: try reader.string("version"), studies: try reader.integer("studies"),
      status: status, findings: findings)
  }
}
