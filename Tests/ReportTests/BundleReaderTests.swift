import Core
import Testing

@testable import Report

@Suite struct BundleReaderTests {
  static func content() -> BundleContent {
    var generator = SiteGenerator(seed: 5)
    generator.months = 1
    return generator.bundles()[0]
  }

  @Test func readsValidBundle() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let original = Self.content()
    let path = try fixture.write(original)
    let content = try BundleReader(identities: [fixture.identity]).read(path: path)
    #expect(content.manifest.siteID == original.manifest.siteID)
    #expect(content.manifest.sequence == 1)
    #expect(content.manifest.signingKey == fixture.signer.publicKey)
    for table in PayloadTable.allCases {
      #expect(content.tables[table] ?? [] == original.tables[table] ?? [], "table \(table)")
    }
    #expect(try content.typedTables().dicomCounts.count == original.tables[.dicomCounts]!.count)
  }

  @Test func loadsIdentityFile() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let identities = try BundleReader.loadIdentities(path: try fixture.identityFile())
    #expect(identities.map(\.recipient) == [fixture.identity.recipient])
  }

  @Test func rejectsBadSignature() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.write(Self.content(), defect: .badSignature)
    #expect(throws: BundleError.badSignature(path: path)) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
  }

  @Test func rejectsChecksumMismatch() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.write(Self.content(), defect: .wrongChecksum)
    let error = #expect(throws: BundleError.self) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
    guard case .checksumMismatch(let errorPath, _, _) = error else {
      Issue.record("expected a checksum mismatch, got \(String(describing: error))")
      return
    }
    #expect(errorPath == path)
  }

  @Test func rejectsSizeMismatch() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.write(Self.content(), defect: .wrongSize)
    let error = #expect(throws: BundleError.self) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
    guard case .sizeMismatch = error else {
      Issue.record("expected a size mismatch, got \(String(describing: error))")
      return
    }
  }

  @Test func rejectsUnknownVersion() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.write(Self.content(), defect: .unknownVersion)
    #expect(throws: BundleError.unsupportedVersion(2)) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
  }

  @Test func rejectsWrongIdentity() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let other = try BundleFixture(seed: 9)
    defer { other.remove() }
    let path = try fixture.write(Self.content())
    #expect(throws: BundleError.noMatchingIdentity(path: path, recipients: ["4c1d0b9e7a2f3e55"])) {
      try BundleReader(identities: [other.identity]).read(path: path)
    }
  }

  @Test func rejectsExtraEntry() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.write(Self.content(), defect: .extraEntry)
    #expect(throws: BundleError.unexpectedEntry(path: path, entry: "notes.txt")) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
  }

  @Test func rejectsRowCountMismatch() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let original = Self.content()
    let path = try fixture.write(original, defect: .wrongRowCount)
    let rows = original.tables[.dicomCounts]!.count
    #expect(
      throws: BundleError.rowCountMismatch(
        path: path, table: "dicom_counts", expected: rows + 1, actual: rows)
    ) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
  }

  @Test func rejectsTraversalEntry() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.rawTar([("../manifest.json", Array("{}".utf8))], to: "traversal.tar")
    #expect(throws: BundleError.unsafeEntry(path: path, entry: "../manifest.json")) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
  }

  @Test func rejectsTruncatedBundle() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.write(Self.content())
    let bytes = try FileSystem.readBytes(path)
    let cut = FileSystem.join(fixture.folder, "cut.tar")
    try FileSystem.writeAtomically(Array(bytes.prefix(bytes.count / 2)), to: cut)
    let error = #expect(throws: BundleError.self) {
      try BundleReader(identities: [fixture.identity]).read(path: cut)
    }
    guard case .truncated = error else {
      Issue.record("expected truncated, got \(String(describing: error))")
      return
    }
  }

  @Test func rejectsMissingEntries() throws {
    let fixture = try BundleFixture()
    defer { fixture.remove() }
    let path = try fixture.rawTar([("manifest.json", Array("{}".utf8))], to: "short.tar")
    #expect(throws: BundleError.missingEntry(path: path, entry: "manifest.sig")) {
      try BundleReader(identities: [fixture.identity]).read(path: path)
    }
  }
}
