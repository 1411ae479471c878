import Testing

@testable import Core

@Suite struct TarReaderTests {
  static func firstError(_ archive: HandWrittenTar) -> ArchiveError? {
    #expect(throws: ArchiveError.self) {
      let reader = try TarReader(bytes: archive.finished())
      _ = try reader.readAll(maxEntrySize: 1 << 20, maxTotalSize: 1 << 20)
    }
  }

  @Test func handWrittenArchiveReads() throws {
    var archive = HandWrittenTar()
    archive.add(name: "dir/", type: "5", mode: 0o755)
    archive.add(name: "dir/file.txt", data: Array("content".utf8))
    let entries = try TarReader(bytes: archive.finished())
      .readAll(maxEntrySize: 100, maxTotalSize: 100)
    #expect(entries.map(\.name) == ["dir/", "dir/file.txt"])
    #expect(entries.map(\.type) == [.directory, .regularFile])
    #expect(entries[1].data == Array("content".utf8))
    #expect(entries[1].header.modificationTime == 1_700_000_000)
  }

  @Test(arguments: [
    ("/etc/passwd", UnsafeEntryReason.absolutePath),
    ("../evil.sh", .parentComponent),
    ("stats/../../evil.sh", .parentComponent),
    ("stats/..", .parentComponent),
  ])
  func unsafePathIsRejected(name: String, reason: UnsafeEntryReason) {
    var archive = HandWrittenTar()
    archive.add(name: "good.txt", data: [1])
    archive.add(name: name, data: [2])
    let error = Self.firstError(archive)
    #expect(error == .unsafeEntry(name: name, reason: reason, archive: "in-memory archive"))
    #expect(error?.message.contains("'\(name)'") == true)
  }

  @Test(arguments: [
    ("3", UnsafeEntryReason.characterDevice), ("4", .blockDevice), ("6", .fifo),
  ])
  func specialFileIsRejected(type: String, reason: UnsafeEntryReason) {
    var archive = HandWrittenTar()
    archive.add(name: "dev/node", type: Character(type))
    let error = Self.firstError(archive)
    #expect(error == .unsafeEntry(name: "dev/node", reason: reason, archive: "in-memory archive"))
    #expect(error?.message.contains("'dev/node'") == true)
  }

  @Test func symbolicLinkIsRejected() {
    var archive = HandWrittenTar()
    archive.add(name: "link", type: "2", linkName: "/etc/shadow")
    let error = Self.firstError(archive)
    let reason = UnsafeEntryReason.symbolicLink(target: "/etc/shadow")
    #expect(error == .unsafeEntry(name: "link", reason: reason, archive: "in-memory archive"))
    #expect(error?.message.contains("'link'") == true)
    #expect(error?.message.contains("'/etc/shadow'") == true)
  }

  @Test func hardLinkIsRejected() {
    var archive = HandWrittenTar()
    archive.add(name: "target.txt", data: [1])
    archive.add(name: "hard", type: "1", linkName: "target.txt")
    let error = Self.firstError(archive)
    let reason = UnsafeEntryReason.hardLink(target: "target.txt")
    #expect(error == .unsafeEntry(name: "hard", reason: reason, archive: "in-memory archive"))
    #expect(error?.message.contains("'hard'") == true)
  }

  @Test func paxPathOverrideIsChecked() {
    var archive = HandWrittenTar()
    archive.addPaxHeader([("path", "../from-pax.txt")])
    archive.add(name: "innocent.txt", data: [1])
    let error = Self.firstError(archive)
    #expect(
      error
        == .unsafeEntry(
          name: "../from-pax.txt", reason: .parentComponent, archive: "in-memory archive"))
  }

  @Test func paxUTF8NameReads() throws {
    var archive = HandWrittenTar()
    archive.addPaxHeader([("path", "stats/Zürich \u{1F3E5}.txt")])
    archive.add(name: "stats/placeholder.txt", data: [1])
    let entries = try TarReader(bytes: archive.finished())
      .readAll(maxEntrySize: 10, maxTotalSize: 10)
    #expect(entries.map(\.name) == ["stats/Zürich \u{1F3E5}.txt"])
  }

  @Test func rawUTF8NameReads() throws {
    var archive = HandWrittenTar()
    archive.add(name: "Zürich.txt", data: [1])
    let entry = try TarReader(bytes: archive.finished()).next(maxSize: 10)
    #expect(entry?.name == "Zürich.txt")
  }

  @Test func rawLatin1NameIsRejected() {
    var archive = HandWrittenTar()
    archive.add(rawName: Array("Z".utf8) + [0xFC] + Array("rich.txt".utf8), data: [1])
    let error = Self.firstError(archive)
    #expect(error?.message.contains("not valid UTF-8") == true)
  }

  @Test func oversizedPaxHeaderIsRejected() {
    // libarchive 3.6.2 rejects a pax header larger than 1 MiB (a
    // 1,048,000-byte record passes, 1,049,000 bytes fail), which bounds
    // the memory that header records take before any check in TarReader.
    var archive = HandWrittenTar()
    archive.addPaxHeader([("comment", String(repeating: "x", count: 1_100_000))])
    archive.add(name: "small.txt", data: [1])
    let error = Self.firstError(archive)
    #expect(error?.message.contains("Special header too large") == true)
  }

  @Test func oversizedHeaderFailsBeforeReading() throws {
    var archive = HandWrittenTar()
    // Claims 8 GiB but carries only 4 bytes.
    archive.add(name: "huge.bin", data: [1, 2, 3, 4], declaredSize: 8 << 30)
    let reader = try TarReader(bytes: archive.bytes)
    let header = try #require(try reader.nextHeader())
    #expect(header.size == 8 << 30)
    let error = #expect(throws: ArchiveError.self) { try reader.readData(maxSize: 1 << 20) }
    let expected = ArchiveError.entryTooLarge(
      name: "huge.bin", size: 8 << 30, limit: 1 << 20, archive: "in-memory archive")
    #expect(error == expected)
  }

  @Test func totalSizeLimitIsEnforced() throws {
    let writer = try TarWriter.inMemory()
    for index in 0..<3 {
      try writer.addFile(name: "part\(index)", contents: [UInt8](repeating: 1, count: 600))
    }
    let reader = try TarReader(bytes: try writer.finish())
    let error = #expect(throws: ArchiveError.self) {
      try reader.readAll(maxEntrySize: 1_000, maxTotalSize: 1_500)
    }
    #expect(error == .archiveTooLarge(limit: "1500 bytes", archive: "in-memory archive"))
  }

  @Test func entryCountLimitIsEnforced() throws {
    let writer = try TarWriter.inMemory()
    for index in 0..<5 { try writer.addFile(name: "e\(index)", contents: []) }
    let reader = try TarReader(bytes: try writer.finish())
    let error = #expect(throws: ArchiveError.self) {
      try reader.readAll(maxEntrySize: 10, maxTotalSize: 10, maxEntries: 4)
    }
    #expect(error == .archiveTooLarge(limit: "4 entries", archive: "in-memory archive"))
  }

  @Test func truncatedArchiveFails() throws {
    let writer = try TarWriter.inMemory()
    try writer.addFile(name: "cut.bin", contents: TarWriterTests.pseudoRandomBytes(5_000))
    let bytes = try writer.finish()
    let error = #expect(throws: ArchiveError.self) {
      let reader = try TarReader(bytes: Array(bytes.prefix(2_000)))
      _ = try reader.readAll(maxEntrySize: 10_000, maxTotalSize: 10_000)
    }
    #expect(error?.message.contains("'in-memory archive'") == true)
  }

  @Test func truncatedZstdArchiveFails() throws {
    let writer = try TarWriter.inMemory(compression: .zstd(level: 3))
    try writer.addFile(name: "cut.bin", contents: TarWriterTests.pseudoRandomBytes(50_000))
    let bytes = try writer.finish()
    #expect(throws: ArchiveError.self) {
      let reader = try TarReader(bytes: Array(bytes.prefix(bytes.count / 2)))
      _ = try reader.readAll(maxEntrySize: 100_000, maxTotalSize: 100_000)
    }
  }

  @Test func nonTarInputFails() {
    let error = #expect(throws: ArchiveError.self) {
      let reader = try TarReader(bytes: Array("{\"not\": \"a tar\"}".utf8))
      _ = try reader.nextHeader()
    }
    #expect(error?.message.hasPrefix("failed to") == true)
  }

  @Test func missingFileFails() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("absent.tar")
    let error = #expect(throws: ArchiveError.self) { try TarReader(path: path) }
    #expect(error?.message.contains("'\(path)'") == true)
  }

  @Test func unreadDataIsSkipped() throws {
    let writer = try TarWriter.inMemory(compression: .zstd(level: 1))
    try writer.addFile(name: "skip.bin", contents: TarWriterTests.pseudoRandomBytes(70_000))
    try writer.addFile(name: "keep.txt", contents: [42])
    let reader = try TarReader(bytes: try writer.finish())
    #expect(try reader.nextHeader()?.name == "skip.bin")
    let entry = try #require(try reader.next(maxSize: 10))
    #expect(entry.name == "keep.txt")
    #expect(entry.data == [42])
  }
}
