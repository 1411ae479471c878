import Glibc
import Testing

@testable import Core

@Suite struct TarWriterTests {
  /// Returns `count` bytes from a fixed linear congruential sequence, so
  /// large entries are reproducible and do not compress to nothing.
  static func pseudoRandomBytes(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
  }

  static let files: [(name: String, data: [UInt8], mode: UInt32)] = [
    ("manifest.json", Array("{\"format\": 1}\n".utf8), 0o644),
    ("empty", [], 0o600),
    ("stats/large.bin", pseudoRandomBytes(5 * 1024 * 1024 + 17), 0o644),
    ("stats/site-01 daily.jsonl", Array("ü\n".utf8), 0o644),
    (String(repeating: "long-directory-name/", count: 8) + "file.txt", [1, 2, 3], 0o755),
  ]

  static func writeAll(to writer: TarWriter) throws {
    for (index, file) in files.enumerated() {
      try writer.addFile(
        name: file.name, contents: file.data, mode: file.mode,
        modificationTime: 1_700_000_000 + Int64(index))
    }
  }

  static func expectAllRead(_ entries: [TarEntry]) {
    #expect(entries.map(\.name) == files.map(\.name))
    for (index, (entry, file)) in zip(entries, files).enumerated() {
      #expect(entry.type == .regularFile)
      #expect(entry.size == Int64(file.data.count))
      #expect(entry.data == file.data, "data of \(file.name)")
      #expect(entry.header.mode == file.mode)
      #expect(entry.header.modificationTime == 1_700_000_000 + Int64(index))
    }
  }

  @Test(arguments: [TarCompression.none, .zstd(level: 3)])
  func memoryRoundTrip(compression: TarCompression) throws {
    let writer = try TarWriter.inMemory(compression: compression)
    try Self.writeAll(to: writer)
    let bytes = try writer.finish()
    let isZstd = bytes.starts(with: [0x28, 0xB5, 0x2F, 0xFD])
    #expect(isZstd == (compression != .none))

    let reader = try TarReader(bytes: bytes)
    Self.expectAllRead(try reader.readAll(maxEntrySize: 8 << 20, maxTotalSize: 16 << 20))
  }

  @Test(arguments: [TarCompression.none, .zstd(level: 19)])
  func fileRoundTrip(compression: TarCompression) throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("bundle.tar")
    let writer = try TarWriter(path: path, compression: compression)
    try Self.writeAll(to: writer)
    #expect(try writer.finish() == [])

    let reader = try TarReader(path: path)
    Self.expectAllRead(try reader.readAll(maxEntrySize: 8 << 20, maxTotalSize: 16 << 20))
  }

  @Test func plainArchiveIsUstarAndBlockPadded() throws {
    let writer = try TarWriter.inMemory()
    try writer.addFile(name: "a.txt", contents: Array("hello".utf8))
    let bytes = try writer.finish()
    #expect(bytes.count % 10_240 == 0)
    #expect(Array(bytes[0..<5]) == Array("a.txt".utf8))
    #expect(Array(bytes[257..<263]) == Array("ustar\0".utf8))
    #expect(Array(bytes[512..<517]) == Array("hello".utf8))
  }

  @Test func sameInputGivesSameBytes() throws {
    var outputs: [[UInt8]] = []
    for _ in 0..<2 {
      let writer = try TarWriter.inMemory(compression: .zstd(level: 3))
      try writer.addFile(name: "x", contents: [1, 2, 3], modificationTime: 5)
      outputs.append(try writer.finish())
    }
    #expect(outputs[0] == outputs[1])
  }

  @Test func streamedChunksRoundTrip() throws {
    let data = Self.pseudoRandomBytes(300_000, seed: 7)
    let writer = try TarWriter.inMemory()
    try writer.addFile(name: "chunks.bin", size: Int64(data.count)) { entry in
      for start in stride(from: 0, to: data.count, by: 65_536) {
        try entry.write(Array(data[start..<min(start + 65_536, data.count)]))
      }
    }
    let reader = try TarReader(bytes: try writer.finish())
    let entry = try #require(try reader.next(maxSize: 1 << 20))
    #expect(entry.data == data)
    #expect(try reader.next(maxSize: 1 << 20) == nil)
  }

  @Test func shortEntryIsRejected() throws {
    let writer = try TarWriter.inMemory()
    let error = #expect(throws: ArchiveError.self) {
      try writer.addFile(name: "short", size: 10) { try $0.write([1, 2, 3]) }
    }
    #expect(error == .entrySizeMismatch(name: "short", declared: 10, written: 3))
  }

  @Test func failedEntryStopsWriter() throws {
    let writer = try TarWriter.inMemory()
    #expect(throws: ArchiveError.self) {
      try writer.addFile(name: "short", size: 10) { try $0.write([1]) }
    }
    let error = #expect(throws: ArchiveError.self) {
      try writer.addFile(name: "next", contents: [1])
    }
    #expect(error?.message.contains("an earlier entry failed") == true)
    #expect(throws: ArchiveError.self) { try writer.finish() }
  }

  @Test func overlongEntryIsRejected() throws {
    let writer = try TarWriter.inMemory()
    let error = #expect(throws: ArchiveError.self) {
      try writer.addFile(name: "long", size: 2) { try $0.write([1, 2, 3]) }
    }
    #expect(error == .entrySizeMismatch(name: "long", declared: 2, written: 3))
  }

  @Test(arguments: [
    ("/etc/passwd", UnsafeEntryReason.absolutePath), ("../up", .parentComponent),
    ("a/../../b", .parentComponent), ("a/..", .parentComponent), ("", .emptyName),
    ("nul\u{0}byte", .nulCharacter), ("Zürich.txt", .nonASCII),
  ])
  func unsafeNameIsRejected(name: String, reason: UnsafeEntryReason) throws {
    let writer = try TarWriter.inMemory()
    let error = #expect(throws: ArchiveError.self) {
      try writer.addFile(name: name, contents: [])
    }
    #expect(error == .invalidEntryName(name: name, reason: reason))
  }

  @Test func invalidZstdLevelIsRejected() throws {
    let error = #expect(throws: ArchiveError.self) {
      try TarWriter.inMemory(compression: .zstd(level: 99))
    }
    #expect(error?.message.contains("zstd level 99") == true)
  }

  @Test func unwritablePathFails() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("missing/bundle.tar")
    let error = #expect(throws: ArchiveError.self) { try TarWriter(path: path) }
    #expect(error?.message.hasPrefix("failed to open archive '\(path)'") == true)
  }

  @Test func addAfterFinishIsRejected() throws {
    let writer = try TarWriter.inMemory()
    try writer.finish()
    #expect(throws: ArchiveError.self) { try writer.addFile(name: "late", contents: [1]) }
  }

  @Test func fileDescriptorStaysOpen() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("fd.tar")
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let writer = try TarWriter(fileDescriptor: descriptor)
    try writer.addFile(name: "one", contents: [9])
    try writer.finish()
    #expect(fcntl(descriptor, F_GETFD) != -1)

    let entries = try TarReader(path: path).readAll(maxEntrySize: 10, maxTotalSize: 10)
    #expect(entries.map(\.data) == [[9]])
  }

  /// Runs a shell command and returns its standard output.
  static func output(of command: String) throws -> String {
    guard let pipe = popen(command, "r") else {
      throw TestSetupError(message: "popen failed for \(command)")
    }
    var text = ""
    var line = [CChar](repeating: 0, count: 4096)
    while fgets(&line, Int32(line.count), pipe) != nil {
      text += String(cString: line)
    }
    let status = pclose(pipe)
    guard status == 0 else {
      throw TestSetupError(message: "'\(command)' exited with status \(status)")
    }
    return text
  }

  @Test(arguments: [TarCompression.none, .zstd(level: 3)])
  func gnuTarReadsArchive(compression: TarCompression) throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("peer.tar")
    let writer = try TarWriter(path: path, compression: compression)
    try Self.writeAll(to: writer)
    try writer.finish()

    let zstdFlag = compression == .none ? "" : "--zstd"
    let listing = try Self.output(of: "tar \(zstdFlag) -tf '\(path)'")
    #expect(listing == Self.files.map { $0.name + "\n" }.joined())
    let content = try Self.output(of: "tar \(zstdFlag) -xOf '\(path)' manifest.json")
    #expect(content == "{\"format\": 1}\n")
  }
}
