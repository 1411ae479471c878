import Core

/// Reads a bundle file: checks the outer tar, the manifest and its
/// signature, the payload size and SHA-256, decrypts the payload with the
/// vendor identities, and parses the inner tables (docs/bundle-format.md).
public struct BundleReader {
  public var identities: [X25519Identity]
  /// The largest decompressed inner archive, in bytes.
  public var maximumContentSize = 2 << 30

  public init(identities: [X25519Identity]) {
    self.identities = identities
  }

  /// Reads the identities of an age identity file, as `age-keygen` or
  /// `medmon keygen` writes them.
  public static func loadIdentities(path: String) throws -> [X25519Identity] {
    try AgeKeyFile.parseIdentities(try AgeKeyFile.readFile(at: path), source: path)
  }

  /// Reads and verifies the bundle at `path`. `BundleVerifier` checks the
  /// outer tar, the signature and the payload hash before anything is
  /// decrypted.
  public func read(path: String) throws -> BundleContent {
    let verified = try BundleVerifier().verify(path: path)
    let manifest = verified.manifest
    let inner = try decrypt(verified.payload, manifest: manifest, path: path)
    let tables = try PayloadContentReader(
      path: path, manifest: manifest, maximumSize: maximumContentSize
    ).read(inner)
    let content = BundleContent(manifest: manifest, tables: tables, source: path)
    _ = try content.typedTables()
    return content
  }

  func decrypt(_ payload: [UInt8], manifest: BundleManifest, path: String) throws -> [UInt8] {
    do {
      return try AgeDecryptor.decrypt(payload, identities: identities, armor: .forbidden)
    } catch AgeError.noMatchingIdentity {
      throw BundleError.noMatchingIdentity(path: path, recipients: manifest.recipients)
    } catch let error as AgeError {
      throw BundleError.decryptionFailed(path: path, reason: error.message)
    }
  }
}
