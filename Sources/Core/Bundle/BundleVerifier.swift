/// Checks the outer layer of a bundle without any key: the tar entries,
/// the manifest, its Ed25519 signature, and the payload's size and
/// SHA-256. `medmon verify`, the site's re-read after writing, and the
/// vendor's reader all start here.
public struct BundleVerifier {
  /// A bundle whose outer layer checked out.
  public struct Verified {
    public let manifest: BundleManifest
    public let manifestBytes: [UInt8]
    public let payload: [UInt8]
  }

  /// The largest manifest accepted; real ones are under 2 KB.
  public static let maxManifestSize = 64 * 1024
  /// The largest payload accepted, so a crafted tar cannot exhaust memory.
  public static let maxPayloadSize = 1 << 30

  public init() {}

  public func verify(path: String) throws -> Verified {
    let status = try FileSystem.status(path, followLinks: true)
    guard !status.isDirectory else {
      throw BundleError.isFolder(path: path)
    }
    guard status.size <= Int64(Self.maxPayloadSize + Self.maxManifestSize * 4) else {
      throw BundleError.truncated(path: path, reason: "the file is \(status.size) bytes, larger than any bundle")
    }
    return try verify(bytes: try FileSystem.readBytes(path), path: path)
  }

  public func verify(bytes: [UInt8], path: String) throws -> Verified {
    let reader: TarReader
    do {
      reader = try TarReader(bytes: bytes)
    } catch let error as ArchiveError {
      throw BundleError.truncated(path: path, reason: error.message)
    }
    let (entries, headers) = try readEntries(reader, path: path)
    let verified = try check(entries, path: path)
    try checkCanonical(bytes, headers: headers, entries: entries, path: path)
    return verified
  }

  /// Rebuilds the tar from the entries read and compares it byte for byte,
  /// so a change in a header field, in padding or after the end of the
  /// archive, which the signature and checksum do not cover, is caught.
  private func checkCanonical(
    _ bytes: [UInt8], headers: [TarEntryHeader], entries: [String: [UInt8]], path: String
  ) throws {
    let writer = try TarWriter.inMemory(compression: .none)
    for header in headers {
      try writer.addFile(
        name: header.name, contents: entries[header.name] ?? [], mode: header.mode,
        modificationTime: header.modificationTime)
    }
    let canonical = try writer.finish()
    guard canonical != bytes else { return }
    let offset = zip(canonical, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(canonical.count, bytes.count)
    throw BundleError.altered(path: path, offset: offset)
  }

  private func check(_ entries: [String: [UInt8]], path: String) throws -> Verified {
    guard let manifestBytes = entries[BundleLayout.manifestName] else {
      throw BundleError.missingEntry(path: path, entry: BundleLayout.manifestName)
    }
    guard let signature = entries[BundleLayout.signatureName] else {
      throw BundleError.missingEntry(path: path, entry: BundleLayout.signatureName)
    }
    guard let payload = entries[BundleLayout.payloadName] else {
      throw BundleError.missingEntry(path: path, entry: BundleLayout.payloadName)
    }
    // The signature is checked before the manifest's other fields, so a
    // damaged copy is reported as damaged, not as a newer format.
    if let key = Self.signingKey(in: manifestBytes),
      !Ed25519.verify(signature: signature, message: manifestBytes, publicKey: key)
    {
      throw BundleError.badSignature(path: path)
    }
    let manifest = try BundleManifest.parse(manifestBytes)
    guard Ed25519.verify(signature: signature, message: manifestBytes, publicKey: manifest.signingKey) else {
      throw BundleError.badSignature(path: path)
    }
    guard Int64(payload.count) == manifest.payloadSize else {
      throw BundleError.sizeMismatch(path: path, expected: manifest.payloadSize, actual: Int64(payload.count))
    }
    let digest = Hex.encode(SHA256.hash(payload))
    guard digest == manifest.payloadSHA256 else {
      throw BundleError.checksumMismatch(path: path, expected: manifest.payloadSHA256, actual: digest)
    }
    return Verified(manifest: manifest, manifestBytes: manifestBytes, payload: payload)
  }

  private func readEntries(_ reader: TarReader, path: String) throws -> (
    [String: [UInt8]], [TarEntryHeader]
  ) {
    var entries: [String: [UInt8]] = [:]
    var headers: [TarEntryHeader] = []
    while true {
      let header: TarEntryHeader?
      do {
        header = try reader.nextHeader()
      } catch let error as ArchiveError {
        throw Self.bundleError(error, path: path)
      }
      guard let header else { break }
      guard BundleLayout.entryNames.contains(header.name) else {
        throw BundleError.unexpectedEntry(path: path, entry: header.name)
      }
      guard entries[header.name] == nil else {
        throw BundleError.duplicateEntry(path: path, entry: header.name)
      }
      headers.append(header)
      let limit = header.name == BundleLayout.payloadName ? Self.maxPayloadSize : Self.maxManifestSize
      do {
        entries[header.name] = try reader.readData(maxSize: limit)
      } catch let error as ArchiveError {
        throw Self.bundleError(error, path: path)
      }
    }
    return (entries, headers)
  }

  /// Returns the `signing_key` of manifest text when it can be read,
  /// without checking any other field.
  private static func signingKey(in manifest: [UInt8]) -> [UInt8]? {
    guard let root = try? JSONParser(maximumDepth: 8, maximumSize: maxManifestSize).parse(manifest),
      let text = root["signing_key"]?.stringValue, text.hasPrefix("b64:")
    else { return nil }
    return try? Base64.decode(String(text.dropFirst(4)))
  }

  private static func bundleError(_ error: ArchiveError, path: String) -> BundleError {
    switch error {
    case .unsafeEntry(let entry, _, _):
      return .unsafeEntry(path: path, entry: entry)
    default:
      return .truncated(path: path, reason: error.message)
    }
  }
}
