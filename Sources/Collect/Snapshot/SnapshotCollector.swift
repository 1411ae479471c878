import Core

/// The inputs of a collector: the open state database (inside the
/// snapshot's transaction), the configuration and the clock.
public struct SnapshotContext {
  public let database: Database
  public let config: SiteConfig
  public let pseudonymizer: any Pseudonymizer
  public let logger: Logger
  public let now: Int64

  public var today: Day { Day(unixSeconds: now) }
}

/// One source a snapshot reads besides the DICOM store: a small
/// declaration (name, summary, inputs) and a collect function that adds
/// to the state database and returns a report of its work.
public protocol SnapshotCollector {
  var name: String { get }
  /// One line for `medmon help` and `collection.json`.
  var summary: String { get }
  /// Reads what is new since the last snapshot into the state database.
  func collect(_ context: SnapshotContext) throws -> CollectorReport
}
