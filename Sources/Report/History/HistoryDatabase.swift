import Core

/// The vendor's history of every site: bundles seen, their rows merged by
/// day, pinned signing keys, ingest events and pinned baselines.
public final class HistoryDatabase {
  let database: Database

  /// Opens or creates the database at `path` and brings its schema up to
  /// date; ":memory:" gives a private in-memory one.
  public init(path: String) throws {
    if path != ":memory:" {
      try FileSystem.createDirectory(FileSystem.parentDirectory(of: path))
    }
    database = try Database(path: path)
    try database.migrate(HistorySchema.migrations)
  }

  /// Returns the default path: `$XDG_DATA_HOME/medmon/history.db`, or
  /// `$HOME/.local/share/medmon/history.db` when XDG_DATA_HOME is unset.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return FileSystem.join(data, "medmon/history.db")
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return FileSystem.join(home, ".local/share/medmon/history.db")
  }

  /// Stores a bundle. The same bundle twice changes nothing. A site's
  /// first bundle pins its signing key, and a later bundle signed by
  /// another key is recorded as untrusted without its rows. Each day the
  /// bundle covers replaces the stored day unless a bundle with a higher
  /// sequence number already supplied it.
  @discardableResult
  public func ingest(_ content: BundleContent) throws -> IngestOutcome {
    let manifest = content.manifest
    let key = Base64.encode(manifest.signingKey)
    return try database.transaction(.immediate) {
      if try isStored(manifest) { return .duplicate }
      if let pinned = try pinnedKey(manifest.siteID), pinned != key {
        let event = HistoryEvent(
          siteID: manifest.siteID, sequence: Int(manifest.sequence), kind: .signingKeyChanged,
          detail: "signed by \(key), pinned key \(pinned)")
        try record(manifest, key: key, trusted: false)
        try record(event)
        return .untrusted(event: event)
      }
      let events = try sequenceEvents(manifest)
      try database.execute(
        "INSERT OR REPLACE INTO sites (site_id, name, signing_key) VALUES (?, ?, ?)",
        [.text(manifest.siteID), .text(manifest.siteName), .text(key)])
      try record(manifest, key: key, trusted: true)
      for event in events { try record(event) }
      try storeRows(content)
      return .ingested(events: events)
    }
  }

  private func isStored(_ manifest: BundleManifest) throws -> Bool {
    let count = try database.scalar(
      "SELECT count(*) FROM bundles WHERE site_id = ? AND sequence = ? AND payload_sha256 = ?",
      [.text(manifest.siteID), .integer(manifest.sequence), .text(manifest.payloadSHA256)])
    return (count?.intValue ?? 0) > 0
  }

  private func pinnedKey(_ siteID: String) throws -> String? {
    try database.scalar("SELECT signing_key FROM sites WHERE site_id = ?", [.text(siteID)])?
      .stringValue
  }

  private func sequenceEvents(_ manifest: BundleManifest) throws -> [HistoryEvent] {
    let site = manifest.siteID
    let sequence = Int(manifest.sequence)
    let sameSequence =
      try database.scalar(
        "SELECT count(*) FROM bundles WHERE site_id = ? AND sequence = ? AND trusted = 1",
        [.text(site), .integer(sequence)])?.intValue ?? 0
    if sameSequence > 0 {
      return [
        HistoryEvent(
          siteID: site, sequence: sequence, kind: .sequenceRepeat,
          detail: "sequence \(sequence) arrived again with a different payload")
      ]
    }
    let highest = try database.scalar(
      "SELECT max(sequence) FROM bundles WHERE site_id = ? AND trusted = 1", [.text(site)])?
      .intValue
    let expected = (highest ?? 0) + 1
    guard sequence > expected else { return [] }
    let missing = expected == sequence - 1 ? "\(expected)" : "\(expected) to \(sequence - 1)"
    return [
      HistoryEvent(
        siteID: site, sequence: sequence, kind: .sequenceGap,
        detail: "bundles \(missing) are missing before sequence \(sequence)")
    ]
  }

  private func record(_ manifest: BundleManifest, key: String, trusted: Bool) throws {
    try database.execute(
      """
      INSERT INTO bundles (site_id, sequence, payload_sha256, period_start, period_end,
        created, signing_key, trusted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(manifest.siteID), .integer(manifest.sequence), .text(manifest.payloadSHA256),
        .text(manifest.periodStart.description), .text(manifest.periodEnd.description),
        .text(manifest.created), .text(key), .integer(trusted ? 1 : 0),
      ])
  }

  private func record(_ event: HistoryEvent) throws {
    try database.execute(
      "INSERT OR IGNORE INTO events (site_id, sequence, kind, detail) VALUES (?, ?, ?, ?)",
      [
        .text(event.siteID), .integer(event.sequence), .text(event.kind.rawValue),
        .text(event.detail),
      ])
  }
}
