import Core

/// Typed payload rows of one or more bundles of a site, table by table.
/// Analysis reads it; the history database fills it from stored rows.
public struct TableSet: Sendable {
  public var dicomCounts: [DicomCountRow] = []
  public var numeric: [NumericRow] = []
  public var crosstab: [CrosstabRow] = []
  public var outliers: [OutlierRow] = []
  public var scanProblems: [ScanProblemRow] = []
  public var snapshots: [SnapshotRow] = []
  public var host: [HostRow] = []
  public var logLevels: [LogLevelRow] = []
  public var logTemplates: [LogTemplateRow] = []
  public var latency: [LatencyRow] = []
  public var throughput: [ThroughputRow] = []
  public var results: [ResultRow] = []
  public var resultSketches: [ResultSketchRow] = []
  public var review: [ReviewRow] = []

  public init() {}

  /// Returns the day a row belongs to: its `day`, or the day of its
  /// `time` for the snapshot and host tables.
  public static func day(of row: JSONValue, in table: PayloadTable) throws -> Day {
    let reader = try RowReader(row)
    switch table {
    case .snapshots, .host: return try reader.dayOfTime()
    default: return try reader.day()
    }
  }

  /// Parses one row of `table` and appends it.
  public mutating func append(_ row: JSONValue, to table: PayloadTable) throws {
    let reader = try RowReader(row)
    switch table {
    case .dicomCounts: dicomCounts.append(try Self.dicomCount(reader))
    case .dicomNumeric:
      numeric.append(
        NumericRow(
          day: try reader.day(), metric: try reader.string("metric"),
          count: try reader.integer("count"), sketch: try reader.sketch()))
    case .crosstab: crosstab.append(try Self.crosstabCell(reader))
    case .outliers:
      outliers.append(
        OutlierRow(
          day: try reader.day(), rule: try reader.string("rule"),
          study: try reader.string("study"), station: try reader.string("station")))
    case .scanProblems:
      scanProblems.append(
        ScanProblemRow(
          day: try reader.day(), kind: try reader.string("kind"),
          count: try reader.integer("count")))
    default: try appendOperational(reader, to: table)
    }
  }

  private mutating func appendOperational(_ reader: RowReader, to table: PayloadTable) throws {
    switch table {
    case .snapshots:
      snapshots.append(
        SnapshotRow(
          time: try reader.string("time"), day: try reader.dayOfTime(),
          durationMilliseconds: try reader.integer("duration_ms"),
          filesNew: try reader.integer("files_new"), problems: try reader.integer("problems")))
    case .host: host.append(try Self.hostRow(reader))
    case .logLevels:
      logLevels.append(
        LogLevelRow(
          day: try reader.day(), level: try reader.string("level"),
          count: try reader.integer("count")))
    case .logTemplates:
      logTemplates.append(
        LogTemplateRow(
          day: try reader.day(), fingerprint: try reader.string("fingerprint"),
          level: try reader.string("level"), template: try reader.string("template"),
          count: try reader.integer("count")))
    case .latency:
      latency.append(
        LatencyRow(
          day: try reader.day(), count: try reader.integer("count"), sketch: try reader.sketch()))
    case .throughput:
      throughput.append(
        ThroughputRow(
          day: try reader.day(), hour: try reader.integer("hour"),
          count: try reader.integer("count")))
    default: try appendResults(reader, to: table)
    }
  }

  private mutating func appendResults(_ reader: RowReader, to table: PayloadTable) throws {
    switch table {
    case .results: results.append(try Self.resultRow(reader))
    case .resultSketches:
      resultSketches.append(
        ResultSketchRow(
          day: try reader.day(), model: try reader.string("model"),
          version: try reader.string("version"), metric: try reader.string("metric"),
          count: try reader.integer("count"), sketch: try reader.sketch()))
    case .review:
      review.append(
        ReviewRow(
          day: try reader.day(), model: try reader.string("model"),
          version: try reader.string("version"), study: try reader.string("study"),
          reason: try reader.string("reason")))
    default: break
    }
  }
}

extension TableSet {
  /// Appends every row of `other`.
  public mutating func append(contentsOf other: TableSet) {
    dicomCounts += other.dicomCounts
    numeric += other.numeric
    crosstab += other.crosstab
    outliers += other.outliers
    scanProblems += other.scanProblems
    snapshots += other.snapshots
    host += other.host
    logLevels += other.logLevels
    logTemplates += other.logTemplates
    latency += other.latency
    throughput += other.throughput
    results += other.results
    resultSketches += other.resultSketches
    review += other.review
  }
}
