/// The clear-text `manifest.json` of a bundle: who made it, for which
/// period, and how to check the payload.
public struct BundleManifest: Equatable, Sendable {
  public var formatVersion: Int64
  public var medmonVersion: String
  public var siteID: String
  public var siteName: String
  public var sequence: Int64
  public var periodStart: Day
  public var periodEnd: Day
  /// RFC 3339 time in UTC, kept as written.
  public var created: String
  /// The first 16 hex digits of the SHA-256 of each recipient's `age1` text.
  public var recipients: [String]
  public var payloadSize: Int64
  /// Lower-case hex SHA-256 of `payload.age`.
  public var payloadSHA256: String
  /// The site's Ed25519 public key, 32 bytes.
  public var signingKey: [UInt8]

  public init(
    formatVersion: Int64 = 1, medmonVersion: String, siteID: String, siteName: String,
    sequence: Int64, periodStart: Day, periodEnd: Day, created: String, recipients: [String],
    payloadSize: Int64, payloadSHA256: String, signingKey: [UInt8]
  ) {
    self.formatVersion = formatVersion
    self.medmonVersion = medmonVersion
    self.siteID = siteID
    self.siteName = siteName
    self.sequence = sequence
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.created = created
    self.recipients = recipients
    self.payloadSize = payloadSize
    self.payloadSHA256 = payloadSHA256
    self.signingKey = signingKey
  }

  /// The manifest as JSON with sorted keys and two-space indentation,
  /// the exact bytes that the site signs.
  public func serialized() -> String {
    let value: JSONValue = .sortedObject([
      "created": .string(created),
      "format": .string(BundleLayout.format),
      "format_version": .integer(formatVersion),
      "medmon_version": .string(medmonVersion),
      "payload": .sortedObject([
        "name": .string(BundleLayout.payloadName), "sha256": .string(payloadSHA256),
        "size": .integer(payloadSize),
      ]),
      "period": .sortedObject([
        "end": .string(periodEnd.description), "start": .string(periodStart.description),
      ]),
      "recipients": .array(recipients.map { .string($0) }),
      "sequence": .integer(sequence),
      "signing_key": .string("b64:" + Base64.encode(signingKey)),
      "site": .sortedObject(["id": .string(siteID), "name": .string(siteName)]),
    ])
    return value.serialized(indent: 2) + "\n"
  }
}
