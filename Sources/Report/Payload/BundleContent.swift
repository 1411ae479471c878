import Core

/// A verified and decrypted bundle: its manifest and the rows of each
/// table, still as JSON so the history database can store them as sent.
public struct BundleContent: Sendable {
  public var manifest: BundleManifest
  /// Lower-case hex SHA-256 of `payload.age`, which identifies the bundle.
  public var payloadSHA256: String { manifest.payloadSHA256 }
  public var tables: [PayloadTable: [JSONValue]]
  /// The file the bundle was read from, for messages.
  public var source: String

  public init(manifest: BundleManifest, tables: [PayloadTable: [JSONValue]], source: String) {
    self.manifest = manifest
    self.tables = tables
    self.source = source
  }

  /// Parses every row into typed tables; a bad row fails with its table
  /// and 1-based position.
  public func typedTables() throws -> TableSet {
    var set = TableSet()
    for table in PayloadTable.allCases {
      for (index, row) in (tables[table] ?? []).enumerated() {
        do {
          try set.append(row, to: table)
        } catch let error as RowError {
          throw BundleError.invalidRow(
            path: source, table: table.rawValue, line: index + 1, reason: error.reason)
        }
      }
    }
    return set
  }
}
