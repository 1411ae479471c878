import Core

/// Sets up a site: writes the configuration and creates the secrets, and
/// never overwrites a secret that exists.
public struct SiteInitializer {
  /// The files `run` wrote and kept, for the command to report.
  public struct Outcome: Equatable {
    public var configWritten: Bool
    public var createdSecrets: [String]
    public var keptSecrets: [String]
  }

  public let configPath: String
  public let logger: Logger

  public init(configPath: String, logger: Logger) {
    self.configPath = configPath
    self.logger = logger
  }

  /// Writes `config` (unless a file exists and `overwrite` is false) and
  /// creates the missing secrets in `config.secretsPath`.
  public func run(_ config: SiteConfig, overwrite: Bool) throws -> Outcome {
    for recipient in config.recipients {
      try Self.validateRecipient(recipient)
    }
    var configWritten = false
    if overwrite || !FileSystem.exists(configPath) {
      try FileSystem.createDirectory(FileSystem.parentDirectory(of: configPath))
      try FileSystem.writeAtomically(Array(config.renderTOML().utf8), to: configPath, mode: 0o640)
      configWritten = true
    }
    try FileSystem.createDirectory(FileSystem.parentDirectory(of: config.statePath))
    let created = try SiteSecrets.create(in: config.secretsPath)
    let kept = [SiteSecrets.signingFile, SiteSecrets.pseudonymFile]
      .map { FileSystem.join(config.secretsPath, $0) }
      .filter { !created.contains($0) }
    return Outcome(configWritten: configWritten, createdSecrets: created, keptSecrets: kept)
  }

  /// Checks that `text` is an age X25519 recipient (`age1...`, Bech32
  /// with a valid checksum and a 32-byte key).
  public static func validateRecipient(_ text: String) throws {
    guard (try? X25519Recipient(text)) != nil else { throw SiteError.invalidRecipient(text) }
  }

  /// Returns a random (version 4) UUID in its usual text form.
  public static func makeSiteID() throws -> String {
    var bytes = try SecureRandom.bytes(count: 16)
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { byte in
      let text = String(byte, radix: 16)
      return text.count == 1 ? "0" + text : text
    }.joined()
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(hex.dropFirst(range.lowerBound).prefix(range.count))
    }
    return parts.joined(separator: "-")
  }
}
