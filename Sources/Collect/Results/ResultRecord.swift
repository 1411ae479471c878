import Core

/// One line of a results file after parsing, with the study already
/// replaced by its pseudonym. docs/results-format.md describes the line.
public struct ResultRecord: Equatable, Sendable {
  /// Unix seconds of `time`, rounded down.
  public var time: Int64
  public var day: Day
  /// The keyed pseudonym of the study; the raw identifier is never kept.
  public var study: String
  public var model: String
  public var version: String
  /// The status in lower case.
  public var status: String
  public var latencyMilliseconds: Double?
  public var uncertainty: Double?
  public var findings: [String: FindingResult]
  public var values: [String: Double]

  public init(
    time: Int64, study: String, model: String, version: String, status: String,
    latencyMilliseconds: Double? = nil, uncertainty: Double? = nil,
    findings: [String: FindingResult] = [:], values: [String: Double] = [:]
  ) {
    self.time = time
    self.day = Day(unixSeconds: time)
    self.study = study
    self.model = model
    self.version = version
    self.status = status
    self.latencyMilliseconds = latencyMilliseconds
    self.uncertainty = uncertainty
    self.findings = findings
    self.values = values
  }
}

/// The score of one finding and whether the model called it positive.
public struct FindingResult: Equatable, Sendable {
  public var score: Double
  public var positive: Bool

  public init(score: Double, positive: Bool) {
    self.score = score
    self.positive = positive
  }
}
