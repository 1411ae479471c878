/// A bundle that cannot be read or trusted. Each case carries the value
/// that failed; `message` contains the wording.
public enum BundleError: MedmonError, Equatable {
  case truncated(path: String, reason: String)
  case unexpectedEntry(path: String, entry: String)
  case unsafeEntry(path: String, entry: String)
  case missingEntry(path: String, entry: String)
  case duplicateEntry(path: String, entry: String)
  case invalidManifest(field: String?, reason: String)
  case unsupportedVersion(Int64)
  case badSignature(path: String)
  case sizeMismatch(path: String, expected: Int64, actual: Int64)
  case checksumMismatch(path: String, expected: String, actual: String)
  case noMatchingIdentity(path: String, recipients: [String])
  case decryptionFailed(path: String, reason: String)
  case invalidContent(path: String, file: String, reason: String)
  case rowCountMismatch(path: String, table: String, expected: Int, actual: Int)
  case invalidRow(path: String, table: String, line: Int, reason: String)
  case altered(path: String, offset: Int)
  case isFolder(path: String)

  public var message: String {
    switch self {
    case .truncated(let path, let reason):
      return "bundle \"\(path)\" is truncated or not a tar file: \(reason)"
    case .unexpectedEntry(let path, let entry):
      return "bundle \"\(path)\" holds an unexpected entry \"\(entry)\""
    case .unsafeEntry(let path, let entry):
      return
        "bundle \"\(path)\" holds an unsafe entry \"\(entry)\" (link, device, absolute path or '..')"
    case .missingEntry(let path, let entry):
      return "bundle \"\(path)\" has no \"\(entry)\" entry"
    case .duplicateEntry(let path, let entry):
      return "bundle \"\(path)\" holds the entry \"\(entry)\" twice"
    case .invalidManifest(let field, let reason):
      if let field { return "invalid manifest field \"\(field)\": \(reason)" }
      return "invalid manifest: \(reason)"
    case .unsupportedVersion(let version):
      return "unsupported bundle format version \"\(version)\""
    case .badSignature(let path):
      return "the signature of bundle \"\(path)\" does not verify against its signing key"
    case .sizeMismatch(let path, let expected, let actual):
      return "payload of bundle \"\(path)\" is \(actual) bytes, but the manifest says \(expected)"
    case .checksumMismatch(let path, let expected, let actual):
      return
        "payload of bundle \"\(path)\" has SHA-256 \"\(actual)\", but the manifest says \"\(expected)\""
    case .noMatchingIdentity(let path, let recipients):
      let list = recipients.joined(separator: ", ")
      return "no identity matches a recipient of bundle \"\(path)\" (recipients \(list))"
    case .decryptionFailed(let path, let reason):
      return "decrypting the payload of bundle \"\(path)\" failed: \(reason)"
    case .invalidContent(let path, let file, let reason):
      return "invalid \"\(file)\" in bundle \"\(path)\": \(reason)"
    case .rowCountMismatch(let path, let table, let expected, let actual):
      return
        "table \"\(table)\" in bundle \"\(path)\" has \(actual) rows, but content.json says \(expected)"
    case .invalidRow(let path, let table, let line, let reason):
      return "invalid row at line \(line) of table \"\(table)\" in bundle \"\(path)\": \(reason)"
    case .isFolder(let path):
      return "\"\(path)\" is a folder, not a bundle file"
    case .altered(let path, let offset):
      return "bundle \"\(path)\" was altered: its bytes differ from the layout medmon writes at offset \(offset)"
    }
  }

  public var hint: String? {
    switch self {
    case .isFolder(let path):
      return "pass the bundle files in it, such as \(path)/medmon-*.tar"
    case .unsupportedVersion:
      return "upgrade medmon to a version that reads this bundle format"
    case .noMatchingIdentity, .decryptionFailed:
      return "pass the vendor identity the site encrypts to with --identity"
    case .badSignature, .checksumMismatch, .sizeMismatch, .truncated, .altered:
      return "copy the bundle from the drive again; if it still fails, ask the site for a new one"
    default:
      return nil
    }
  }
}
