#if canImport(Glibc)
  import Glibc
#endif
import Core
import TestSupport
import Testing

@testable import Collect

/// A site with a generated store, a snapshot taken, and a recipient whose
/// identity the test holds.
private struct ExportFixture {
  let folder = TemporaryFolder()
  var config: SiteConfig
  let identity: X25519Identity
  let signingKey: Ed25519
  let now = Day("2026-12-01")!.unixSeconds

  init(studies: Int = 40) throws {
    _ = GeneratedStore.make(in: folder, studies: studies, seed: 21)
    identity = try X25519Identity.generate()
    config = testConfig(folder)
    config.recipients = [identity.recipient.description]
    signingKey = try Ed25519.generate().keyPair
    _ = try runSnapshot(config, now: now)
  }

  func exporter() -> BundleExporter {
    BundleExporter(config: config, logger: .silent, medmonVersion: "test", now: now)
  }

  func export(to target: String, since: Day? = nil) throws -> String {
    let database = try StateDatabase.open(config.statePath)
    let exporter = exporter()
    let plan = try exporter.plan(database, since: since, until: nil)
    let (content, violations) = try exporter.content(database, plan: plan)
    return try exporter.export(database, content: content, violations: violations, signingKey: signingKey, folder: target)
  }
}

@Suite struct BundleExporterTests {
  @Test func bundleVerifiesAndDecrypts() throws {
    let fixture = try ExportFixture()
    let target = fixture.folder.make("usb")
    let path = try fixture.export(to: target)
    let verified = try BundleVerifier().verify(path: path)
    #expect(verified.manifest.sequence == 1)
    #expect(verified.manifest.siteID == fixture.config.siteID)
    #expect(verified.manifest.signingKey == fixture.signingKey.publicKey)

    let inner = try AgeDecryptor.decrypt(verified.payload, identities: [fixture.identity])
    let names = try TarReader(bytes: inner).readAll(maxEntrySize: 1 << 24, maxTotalSize: 1 << 26).map(\.name)
    #expect(names == ["content.json", "collection.json"] + PayloadTable.allCases.map(\.fileName))
  }

  @Test func secondExportContinuesSequenceFromLastDay() throws {
    let fixture = try ExportFixture()
    let target = fixture.folder.make("usb")
    _ = try fixture.export(to: target)
    let database = try StateDatabase.open(fixture.config.statePath)
    let plan = try fixture.exporter().plan(database, since: nil, until: nil)
    #expect(plan.sequence == 2)
    #expect(plan.start == Day(unixSeconds: fixture.now))
  }

  @Test func flippedByteEvery97thOffsetRejected() throws {
    let fixture = try ExportFixture(studies: 10)
    let path = try fixture.export(to: fixture.folder.make("usb"))
    let original = try FileSystem.readBytes(path)
    var accepted: [Int] = []
    for offset in stride(from: 0, to: original.count, by: 97) {
      var copy = original
      copy[offset] ^= 0x01
      if (try? BundleVerifier().verify(bytes: copy, path: "copy")) != nil { accepted.append(offset) }
    }
    #expect(accepted == [], "offsets accepted after a flip: \(accepted)")
  }

  @Test func truncatedBundleRejected() throws {
    let fixture = try ExportFixture(studies: 5)
    let path = try fixture.export(to: fixture.folder.make("usb"))
    let original = try FileSystem.readBytes(path)
    for length in [0, 100, 511, 1024, original.count / 2, original.count - 1] {
      #expect(throws: BundleError.self, "length \(length)") {
        try BundleVerifier().verify(bytes: Array(original.prefix(length)), path: "cut")
      }
    }
  }

  @Test func swappedPayloadRejected() throws {
    let first = try ExportFixture(studies: 5)
    let second = try ExportFixture(studies: 6)
    let a = try BundleVerifier().verify(path: try first.export(to: first.folder.make("usb")))
    let b = try BundleVerifier().verify(path: try second.export(to: second.folder.make("usb")))
    let writer = try TarWriter.inMemory()
    try writer.addFile(name: BundleLayout.manifestName, contents: a.manifestBytes)
    try writer.addFile(name: BundleLayout.signatureName, contents: try first.signingKey.sign(a.manifestBytes))
    try writer.addFile(name: BundleLayout.payloadName, contents: b.payload)
    #expect(throws: BundleError.self) {
      try BundleVerifier().verify(bytes: try writer.finish(), path: "swapped")
    }
  }

  /// A collect onto a drive without space fails, leaves the earlier
  /// bundle and no partial file, and keeps the period pending.
  @Test func fullDriveLeavesNothingAndPeriodPending() throws {
    let fixture = try ExportFixture(studies: 60)
    let drive = fixture.folder.make("drive")
    let size = try FileSystem.readBytes(try fixture.export(to: fixture.folder.make("probe"))).count
    let database = try StateDatabase.open(fixture.config.statePath)
    try database.execute("DELETE FROM exports")

    let mounted = mount("tmpfs", drive, "tmpfs", 0, "size=\(size + size / 2)")
    try #require(mounted == 0, "mounting a small tmpfs needs root: errno \(errno)")
    defer { umount(drive) }
    let earlier = try fixture.export(to: drive)
    let earlierBytes = try FileSystem.readBytes(earlier)

    // The whole year again does not fit in what is left.
    #expect(throws: FileSystemError.self) { _ = try fixture.export(to: drive, since: Day("2025-01-01")) }
    let left = try listFolder(drive)
    #expect(left == [FileSystem.fileName(of: earlier)])
    #expect(try FileSystem.readBytes(earlier) == earlierBytes)
    let exports = try database.scalar("SELECT COUNT(*) FROM exports")
    #expect(exports?.intValue == 1)
  }

  @Test func privacyViolationWritesNothing() throws {
    let fixture = try ExportFixture(studies: 3)
    let database = try StateDatabase.open(fixture.config.statePath)
    try database.execute(
      "INSERT INTO dicom_counts VALUES (?, 'station', 'DOE^JANE', 1, 1, 1)",
      [.integer(Day(unixSeconds: fixture.now).daysSinceEpoch)])
    let target = fixture.folder.make("usb")
    #expect(throws: CollectError.self) { _ = try fixture.export(to: target) }
    #expect(try listFolder(target) == [])
  }
}

private func listFolder(_ path: String) throws -> [String] {
  var names: [String] = []
  guard let directory = opendir(path) else { throw FileSystemError("open", path: path) }
  defer { closedir(directory) }
  while let entry = readdir(directory) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    if name != "." && name != ".." { names.append(name) }
  }
  return names.sorted()
}
