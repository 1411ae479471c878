import Core

/// Reads the decrypted inner archive: `content.json`, `collection.json`
/// and the JSON Lines tables that `content.json` lists.
struct PayloadContentReader {
  let path: String
  let manifest: BundleManifest
  /// The largest decompressed inner archive, in bytes.
  var maximumSize = 2 << 30

  func read(_ archive: [UInt8]) throws -> [PayloadTable: [JSONValue]] {
    let files = try entries(archive)
    guard let content = files[BundleLayout.contentName] else {
      throw BundleError.invalidContent(
        path: path, file: BundleLayout.contentName, reason: "missing")
    }
    let listed = try tableList(content)
    var expectedNames = Set(listed.map(\.table.fileName))
    expectedNames.insert(BundleLayout.contentName)
    expectedNames.insert(BundleLayout.collectionName)
    for name in files.keys.sorted() where !expectedNames.contains(name) {
      throw BundleError.invalidContent(path: path, file: name, reason: "not listed in content.json")
    }
    var tables: [PayloadTable: [JSONValue]] = [:]
    for (table, rows) in listed {
      guard let bytes = files[table.fileName] else {
        throw BundleError.invalidContent(
          path: path, file: table.fileName, reason: "listed but missing")
      }
      let values: [JSONValue]
      do {
        values = try JSONParser().parseLines(bytes)
      } catch let error as JSONLinesError {
        throw BundleError.invalidRow(
          path: path, table: table.rawValue, line: error.line, reason: error.cause.message)
      }
      guard values.count == rows else {
        throw BundleError.rowCountMismatch(
          path: path, table: table.rawValue, expected: rows, actual: values.count)
      }
      tables[table] = values
    }
    return tables
  }

  private func entries(_ archive: [UInt8]) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    do {
      let reader = try TarReader(bytes: archive)
      var total = 0
      while let header = try reader.nextHeader() {
        guard header.type == .regularFile else { continue }
        guard files[header.name] == nil else {
          throw BundleError.invalidContent(path: path, file: header.name, reason: "appears twice")
        }
        let data = try reader.readData(maxSize: maximumSize - total)
        total += data.count
        files[header.name] = data
      }
    } catch let error as ArchiveError {
      throw BundleError.invalidContent(path: path, file: "payload", reason: error.message)
    }
    return files
  }

  private func tableList(_ bytes: [UInt8]) throws -> [(table: PayloadTable, rows: Int)] {
    let file = BundleLayout.contentName
    let root: JSONValue
    do {
      root = try JSONParser(maximumDepth: 8, maximumSize: 1 << 20).parse(bytes)
    } catch let error as JSONError {
      throw BundleError.invalidContent(path: path, file: file, reason: error.message)
    }
    guard let version = root["format_version"]?.integerValue else {
      throw BundleError.invalidContent(path: path, file: file, reason: "format_version is missing")
    }
    guard BundleLayout.supportedVersions.contains(version) else {
      throw BundleError.unsupportedVersion(version)
    }
    guard root["site_id"]?.stringValue == manifest.siteID else {
      throw BundleError.invalidContent(
        path: path, file: file, reason: "site_id differs from the manifest")
    }
    guard let tables = root["tables"]?.arrayValue else {
      throw BundleError.invalidContent(path: path, file: file, reason: "tables is missing")
    }
    var seen = Set<PayloadTable>()
    return try tables.map { entry in
      guard let name = entry["name"]?.stringValue, let table = PayloadTable(rawValue: name) else {
        throw BundleError.invalidContent(
          path: path, file: file, reason: "unknown table \"\(entry["name"]?.stringValue ?? "")\"")
      }
      guard entry["file"]?.stringValue == table.fileName, let rows = entry["rows"]?.integerValue,
        rows >= 0,
        seen.insert(table).inserted
      else {
        throw BundleError.invalidContent(
          path: path, file: file, reason: "entry of table \"\(name)\" is malformed or repeated")
      }
      return (table, Int(rows))
    }
  }
}
