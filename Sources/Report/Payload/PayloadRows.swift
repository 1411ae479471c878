import Core

/// A `dicom_counts` row: studies, series and instances per day, dimension
/// and value.
public struct DicomCountRow: Sendable {
  public var day: Day
  public var dimension: String
  public var value: String
  public var studies: Int
  public var series: Int
  public var instances: Int
}

/// A `dicom_numeric` row: the distribution of one numeric tag on a day.
public struct NumericRow: Sendable {
  public var day: Day
  public var metric: String
  public var count: Int
  public var sketch: DDSketch
}

/// A `crosstab` cell: images per day by age band, sex, body part and
/// station; a row of four `*` contains the suppressed small cells.
public struct CrosstabRow: Sendable {
  public var day: Day
  public var ageBand: String
  public var sex: String
  public var bodyPart: String
  public var station: String
  public var count: Int
}

/// An `outliers` row: one study that fired an outlier rule.
public struct OutlierRow: Sendable {
  public var day: Day
  public var rule: String
  public var study: String
  public var station: String
}

/// A `scan_problems` row: files that failed to scan, per day and kind.
public struct ScanProblemRow: Sendable {
  public var day: Day
  public var kind: String
  public var count: Int
}

/// A `snapshots` row: one snapshot run.
public struct SnapshotRow: Sendable {
  public var time: String
  public var day: Day
  public var durationMilliseconds: Int
  public var filesNew: Int
  public var problems: Int
}

/// A `host` row: the host's health at one snapshot.
public struct HostRow: Sendable {
  public struct Disk: Sendable {
    public var path: String
    public var totalBytes: Int
    public var freeBytes: Int
  }
  public var time: String
  public var day: Day
  public var disks: [Disk]
  public var gpuStatus: String
  public var gpuErrors: Int
}

/// A `log_levels` row: log messages per day and level.
public struct LogLevelRow: Sendable {
  public var day: Day
  public var level: String
  public var count: Int
}

/// A `log_templates` row: one masked message template on one day.
public struct LogTemplateRow: Sendable {
  public var day: Day
  public var fingerprint: String
  public var level: String
  public var template: String
  public var count: Int
}

/// A `latency` row: the processing latency distribution of one day, in
/// milliseconds.
public struct LatencyRow: Sendable {
  public var day: Day
  public var count: Int
  public var sketch: DDSketch
}

/// A `throughput` row: studies processed in one hour of one day.
public struct ThroughputRow: Sendable {
  public var day: Day
  public var hour: Int
  public var count: Int
}

/// A `results` row: one model version's results on one day.
public struct ResultRow: Sendable {
  public struct Finding: Sendable, Equatable {
    public var positives: Int
    public var total: Int
  }
  public var day: Day
  public var model: String
  public var version: String
  public var studies: Int
  public var status: [String: Int]
  public var findings: [String: Finding]
}

/// A `result_sketches` row: the distribution of a score, uncertainty or
/// value per model version and day.
public struct ResultSketchRow: Sendable {
  public var day: Day
  public var model: String
  public var version: String
  public var metric: String
  public var count: Int
  public var sketch: DDSketch
}

/// A `review` row: one study sampled for human review.
public struct ReviewRow: Sendable {
  public var day: Day
  public var model: String
  public var version: String
  public var study: String
  public var reason: String
}
