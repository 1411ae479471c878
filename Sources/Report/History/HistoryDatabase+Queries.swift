import Core

/// Read access to sites, bundles, events and baselines.
extension HistoryDatabase {
  /// Returns every bundle of a site, ordered by sequence number.
  public func bundles(siteID: String) throws -> [BundleRecord] {
    try database.query(
      """
      SELECT site_id, sequence, payload_sha256, period_start, period_end, created, trusted
      FROM bundles WHERE site_id = ? ORDER BY sequence, payload_sha256
      """, [.text(siteID)]
    ).compactMap(Self.bundleRecord)
  }

  static func bundleRecord(_ row: Row) -> BundleRecord? {
    guard let site = row[0].stringValue, let sequence = row[1].intValue,
      let hash = row[2].stringValue, let start = row[3].stringValue.flatMap({ Day($0) }),
      let end = row[4].stringValue.flatMap({ Day($0) }), start <= end
    else { return nil }
    return BundleRecord(
      siteID: site, sequence: sequence, payloadSHA256: hash, period: start...end,
      created: row[5].stringValue ?? "", trusted: row[6].intValue == 1)
  }

  /// Returns every site, ordered by name then id, with its last trusted bundle.
  public func sites() throws -> [SiteRecord] {
    let rows = try database.query(
      "SELECT site_id, name, signing_key FROM sites ORDER BY name, site_id")
    return try rows.map { row in
      let site = row[0].stringValue ?? ""
      let last = try bundles(siteID: site).filter(\.trusted).last
      return SiteRecord(
        siteID: site, name: row[1].stringValue ?? "", signingKey: row[2].stringValue ?? "",
        lastBundle: last)
    }
  }

  /// Finds a site by its id, its name, or a unique prefix of its id.
  public func site(matching text: String) throws -> SiteRecord? {
    let all = try sites()
    if let exact = all.first(where: { $0.siteID == text || $0.name == text }) { return exact }
    let prefixed = all.filter { $0.siteID.hasPrefix(text) }
    return prefixed.count == 1 ? prefixed[0] : nil
  }

  /// Returns the events recorded for a site, ordered by sequence.
  public func events(siteID: String) throws -> [HistoryEvent] {
    try database.query(
      "SELECT sequence, kind, detail FROM events WHERE site_id = ? ORDER BY sequence, kind, detail",
      [.text(siteID)]
    ).compactMap { row in
      guard let sequence = row[0].intValue,
        let kind = row[1].stringValue.flatMap(HistoryEvent.Kind.init),
        let detail = row[2].stringValue
      else { return nil }
      return HistoryEvent(siteID: siteID, sequence: sequence, kind: kind, detail: detail)
    }
  }

  /// Pins the days a site's reports compare against.
  public func setBaseline(siteID: String, period: ClosedRange<Day>) throws {
    try database.execute(
      "INSERT OR REPLACE INTO baselines (site_id, period_start, period_end) VALUES (?, ?, ?)",
      [.text(siteID), .text(period.lowerBound.description), .text(period.upperBound.description)])
  }

  /// Returns the pinned baseline of a site, or nil when reports use the
  /// previous periods.
  public func baseline(siteID: String) throws -> ClosedRange<Day>? {
    guard
      let row = try database.query(
        "SELECT period_start, period_end FROM baselines WHERE site_id = ?", [.text(siteID)]
      ).first,
      let start = row[0].stringValue.flatMap({ Day($0) }),
      let end = row[1].stringValue.flatMap({ Day($0) }), start <= end
    else { return nil }
    return start...end
  }

  /// Removes a site's pinned baseline; returns whether one existed.
  @discardableResult
  public func clearBaseline(siteID: String) throws -> Bool {
    try database.execute("DELETE FROM baselines WHERE site_id = ?", [.text(siteID)]) > 0
  }
}
