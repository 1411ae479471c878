#if canImport(Glibc)
  import Glibc
#endif
import Core

/// Packs payload tables into a bundle: a zstd-compressed inner tar,
/// encrypted with age to the vendor's recipients, with a signed manifest,
/// in one outer tar. The file is written under a temporary name on the
/// target, flushed, renamed, then read back and verified. On any failure
/// nothing remains under the final name, and no plaintext is ever written.
public struct BundleWriter {
  public let config: SiteConfig
  public let signingKey: Ed25519
  public let medmonVersion: String

  public init(config: SiteConfig, signingKey: Ed25519, medmonVersion: String) {
    self.config = config
    self.signingKey = signingKey
    self.medmonVersion = medmonVersion
  }

  /// The plain content of a bundle, before encryption.
  public struct Content {
    public var start: Day
    public var end: Day
    public var sequence: Int
    public var tables: [PayloadTable: [JSONValue]]
    public var collectors: [CollectorReport]
    public var log: [String]
  }

  /// Returns the inner archive's files in order: content.json,
  /// collection.json, then one JSON Lines file per table.
  public func innerFiles(_ content: Content) -> [(name: String, bytes: [UInt8])] {
    var files: [(String, [UInt8])] = []
    let tableList: [JSONValue] = PayloadTable.allCases.map { table in
      .sortedObject([
        "name": .string(table.rawValue), "file": .string(table.fileName),
        "rows": .integer(Int64(content.tables[table]?.count ?? 0)),
      ])
    }
    let contentJSON: JSONValue = .sortedObject([
      "format_version": .integer(1), "site_id": .string(config.siteID),
      "period": .sortedObject(["start": .string(content.start.description), "end": .string(content.end.description)]),
      "tables": .array(tableList),
    ])
    files.append((BundleLayout.contentName, Array((contentJSON.serialized(indent: 2) + "\n").utf8)))
    let collection: JSONValue = .sortedObject([
      "collectors": .array(content.collectors.map(\.json)), "log": .array(content.log.map { .string($0) }),
    ])
    files.append((BundleLayout.collectionName, Array((collection.serialized(indent: 2) + "\n").utf8)))
    for table in PayloadTable.allCases {
      let lines = (content.tables[table] ?? []).map { $0.serialized() + "\n" }.joined()
      files.append((table.fileName, Array(lines.utf8)))
    }
    return files
  }

  /// Writes the bundle into `folder` and returns its path and manifest.
  public func write(_ content: Content, into folder: String, now: Int64) throws -> (path: String, manifest: BundleManifest) {
    let inner = try TarWriter.inMemory(compression: .zstd(level: 19))
    for file in innerFiles(content) {
      try inner.addFile(name: file.name, contents: file.bytes, modificationTime: now)
    }
    let recipients = try config.recipients.map { try X25519Recipient($0) }
    let payload = try AgeEncryptor.encrypt(try inner.finish(), to: recipients)

    let manifest = BundleManifest(
      medmonVersion: medmonVersion, siteID: config.siteID, siteName: config.siteName,
      sequence: Int64(content.sequence), periodStart: content.start, periodEnd: content.end,
      created: RFC3339.format(now),
      recipients: config.recipients.map { String(Hex.encode(SHA256.hash(Array($0.utf8))).prefix(16)) },
      payloadSize: Int64(payload.count), payloadSHA256: Hex.encode(SHA256.hash(payload)),
      signingKey: signingKey.publicKey)
    let manifestBytes = Array(manifest.serialized().utf8)
    let outer = try TarWriter.inMemory(compression: .none)
    try outer.addFile(name: BundleLayout.manifestName, contents: manifestBytes, modificationTime: now)
    try outer.addFile(name: BundleLayout.signatureName, contents: try signingKey.sign(manifestBytes), modificationTime: now)
    try outer.addFile(name: BundleLayout.payloadName, contents: payload, modificationTime: now)
    let bundle = try outer.finish()

    let name = BundleLayout.fileName(
      siteName: config.siteName, start: content.start, end: content.end, sequence: content.sequence)
    let path = FileSystem.join(folder, name)
    try FileSystem.writeAtomically(bundle, to: path, mode: 0o644)
    try checkWritten(path, expected: bundle)
    return (path, manifest)
  }

  /// Reads the written file back and verifies it, removing it when the
  /// bytes on the drive differ from what was written.
  private func checkWritten(_ path: String, expected: [UInt8]) throws {
    do {
      let written = try FileSystem.readBytes(path, limit: expected.count + 1)
      guard written == expected else {
        throw BundleError.truncated(path: path, reason: "the file read back differs from what was written")
      }
      _ = try BundleVerifier().verify(bytes: written, path: path)
    } catch {
      FileSystem.remove(path)
      throw error
    }
  }
}
