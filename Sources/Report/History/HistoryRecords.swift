import Core

/// One bundle as the history database records it.
public struct BundleRecord: Equatable, Sendable {
  public var siteID: String
  public var sequence: Int
  public var payloadSHA256: String
  public var period: ClosedRange<Day>
  public var created: String
  public var trusted: Bool
}

/// Something ingest noticed about a site's bundles: a sequence gap or
/// repeat, or a bundle signed by a key other than the pinned one.
public struct HistoryEvent: Equatable, Sendable {
  public enum Kind: String, Sendable {
    case sequenceGap = "sequence_gap"
    case sequenceRepeat = "sequence_repeat"
    case signingKeyChanged = "signing_key_changed"
  }
  public var siteID: String
  public var sequence: Int
  public var kind: Kind
  public var detail: String
}

/// A site in the history database with its last trusted bundle.
public struct SiteRecord: Equatable, Sendable {
  public var siteID: String
  public var name: String
  public var signingKey: String
  public var lastBundle: BundleRecord?
}

/// The outcome of ingesting one bundle.
public enum IngestOutcome: Equatable, Sendable {
  /// The rows were stored; `events` lists what ingest noticed.
  case ingested(events: [HistoryEvent])
  /// The same bundle was already stored, so nothing changed.
  case duplicate
  /// The bundle is signed by another key than the site's pinned one and
  /// its rows were not stored.
  case untrusted(event: HistoryEvent)
}
