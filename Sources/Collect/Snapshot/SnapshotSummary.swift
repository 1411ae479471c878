/// The outcome of one snapshot run, for `status`, the log and the bundle.
public struct SnapshotSummary: Equatable, Sendable {
  public var started: Int64 = 0
  public var finished: Int64 = 0
  public var filesSeen = 0
  public var filesNew = 0
  public var filesChanged = 0
  public var instancesCounted = 0
  /// Problem kind to count, such as `not_dicom` or `permission_denied`.
  public var problems: [String: Int] = [:]
  /// The reports of the collectors that ran after the DICOM walk.
  public var collectors: [CollectorReport] = []
  /// Configured DICOM roots that did not exist.
  public var missingRoots: [String] = []
  /// True when another snapshot held the lock and this run did nothing.
  public var skippedBecauseLocked = false

  public init() {}

  public var problemCount: Int { problems.values.reduce(0, +) }
}
