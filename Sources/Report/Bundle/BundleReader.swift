import Core

/// Reads a bundle file: checks the outer tar, the manifest and its
/// signature, the payload size and SHA-256, decrypts the payload with the
/// vendor identities, and parses the inner tables (docs/bundle-format.md).
public struct BundleReader {
  public var identities: [X25519Identity]
  /// The largest bundle file read, in bytes.
  public var maximumBundleSize = 1 << 30
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

  /// Reads and verifies the bundle at `path`.
  public func read(path: String) throws -> BundleContent {
    let entries = try outerEntries(path: path)
    let manifest = try BundleManifest.parse(entries[BundleLayout.manifestName]!)
    try verify(manifest, entries: entries, path: path)
    let inner = try decrypt(entries[BundleLayout.payloadName]!, manifest: manifest, path: path)
    let tables = try PayloadContentReader(path: path, manifest: manifest).read(inner)
    let content = BundleContent(manifest: manifest, tables: tables, source: path)
    _ = try content.typedTables()
    return content
  }

  /// Reads the three entries of the outer tar, rejecting any other entry,
  /// a repeated one, a link, a device or an unsafe path.
  func outerEntries(path: String) throws -> [String: [UInt8]] {
    var entries: [String: [UInt8]] = [:]
    do {
      let reader = try TarReader(path: path)
      while let header = try reader.nextHeader() {
        guard header.type == .regularFile, BundleLayout.entryNames.contains(header.name) else {
          throw BundleError.unexpectedEntry(path: path, entry: header.name)
        }
        guard entries[header.name] == nil else {
          throw BundleError.duplicateEntry(path: path, entry: header.name)
        }
        entries[header.name] = try reader.readData(maxSize: maximumBundleSize)
      }
    } catch let error as ArchiveError {
      switch error {
      case .unsafeEntry(let name, _, _): throw BundleError.unsafeEntry(path: path, entry: name)
      default: throw BundleError.truncated(path: path, reason: error.message)
      }
    }
    for name in BundleLayout.entryNames where entries[name] == nil {
      throw BundleError.missingEntry(path: path, entry: name)
    }
    return entries
  }

  func verify(_ manifest: BundleManifest, entries: [String: [UInt8]], path: String) throws {
    let signature = entries[BundleLayout.signatureName]!
    guard signature.count == Ed25519.signatureSize,
      Ed25519.verify(
        signature: signature, message: entries[BundleLayout.manifestName]!,
        publicKey: manifest.signingKey)
    else { throw BundleError.badSignature(path: path) }
    let payload = entries[BundleLayout.payloadName]!
    guard Int64(payload.count) == manifest.payloadSize else {
      throw BundleError.sizeMismatch(
        path: path, expected: manifest.payloadSize, actual: Int64(payload.count))
    }
    let digest = Hex.encode(SHA256.hash(payload))
    guard digest == manifest.payloadSHA256 else {
      throw BundleError.checksumMismatch(
        path: path, expected: manifest.payloadSHA256, actual: digest)
    }
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

/// Lower-case hexadecimal text of bytes.
enum Hex {
  static func encode(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return text
  }
}
