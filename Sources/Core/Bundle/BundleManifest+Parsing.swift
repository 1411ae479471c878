/// Reading `manifest.json`, field by field, with an error that names the
/// field when one is missing or has the wrong type.
extension BundleManifest {
  /// Parses and checks manifest text. It rejects an unknown `format`, a
  /// `format_version` outside `BundleLayout.supportedVersions`, a period
  /// that ends before it starts, and a signing key that is not 32 bytes.
  public static func parse(_ bytes: [UInt8]) throws -> BundleManifest {
    let root: JSONValue
    do {
      root = try JSONParser(maximumDepth: 8, maximumSize: 1 << 20).parse(bytes)
    } catch let error as JSONError {
      throw BundleError.invalidManifest(field: nil, reason: error.message)
    }
    let fields = ManifestFields(root: root)
    let format = try fields.string("format")
    guard format == BundleLayout.format else {
      throw BundleError.invalidManifest(
        field: "format", reason: "\"\(format)\" is not \"medmon-bundle\"")
    }
    let version = try fields.integer("format_version")
    guard BundleLayout.supportedVersions.contains(version) else {
      throw BundleError.unsupportedVersion(version)
    }
    return try parseFields(fields, version: version)
  }

  private static func parseFields(_ fields: ManifestFields, version: Int64) throws
    -> BundleManifest
  {
    let start = try fields.day("period", "start")
    let end = try fields.day("period", "end")
    guard start <= end else {
      throw BundleError.invalidManifest(field: "period", reason: "\(end) is before \(start)")
    }
    let size = try fields.integer("payload", "size")
    let digest = try fields.string("payload", "sha256")
    guard size >= 0, digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
    else {
      throw BundleError.invalidManifest(field: "payload", reason: "size or sha256 is malformed")
    }
    let sequence = try fields.integer("sequence")
    guard sequence >= 1 else {
      throw BundleError.invalidManifest(field: "sequence", reason: "\(sequence) is below 1")
    }
    return BundleManifest(
      formatVersion: version, medmonVersion: try fields.string("medmon_version"),
      siteID: try fields.string("site", "id"), siteName: try fields.string("site", "name"),
      sequence: sequence, periodStart: start, periodEnd: end,
      created: try fields.string("created"), recipients: try fields.strings("recipients"),
      payloadSize: size, payloadSHA256: digest, signingKey: try fields.signingKey())
  }
}

/// Typed access to the members of a manifest object.
private struct ManifestFields {
  let root: JSONValue

  func value(_ path: [String]) throws -> JSONValue {
    var current = root
    for key in path {
      guard let next = current[key] else {
        throw BundleError.invalidManifest(field: path.joined(separator: "."), reason: "missing")
      }
      current = next
    }
    return current
  }

  func string(_ path: String...) throws -> String {
    guard let text = try value(path).stringValue else { throw wrongType(path, "a string") }
    return text
  }

  func integer(_ path: String...) throws -> Int64 {
    guard case .integer(let number) = try value(path) else { throw wrongType(path, "an integer") }
    return number
  }

  func day(_ path: String...) throws -> Day {
    guard let text = try value(path).stringValue, text.count == 10, let day = Day(text) else {
      throw wrongType(path, "a date as YYYY-MM-DD")
    }
    return day
  }

  func strings(_ path: String...) throws -> [String] {
    guard let array = try value(path).arrayValue else { throw wrongType(path, "an array") }
    return try array.map {
      guard let text = $0.stringValue else { throw wrongType(path, "an array of strings") }
      return text
    }
  }

  func signingKey() throws -> [UInt8] {
    let text = try string("signing_key")
    guard text.hasPrefix("b64:"), let key = try? Base64.decode(String(text.dropFirst(4))),
      key.count == 32
    else { throw wrongType(["signing_key"], "b64: and the Base64 of 32 bytes") }
    return key
  }

  private func wrongType(_ path: [String], _ expected: String) -> BundleError {
    .invalidManifest(field: path.joined(separator: "."), reason: "not \(expected)")
  }
}
