import Core
import Glibc
import Testing

@testable import Collect

private func makeFolder() throws -> String {
  var template = Array("/tmp/medmon-results-XXXXXX".utf8CString)
  let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
  return String(cString: try #require(path))
}

private func removeFolder(_ folder: String) {
  _ = try? Subprocess.run("/bin/rm", arguments: ["-rf", "--", folder])
}

/// Appends text to a file the way a writer does, creating it when needed.
private func append(_ text: String, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
  #expect(descriptor >= 0)
  try FileSystem.writeAll(Array(text.utf8), to: descriptor, path: path)
  close(descriptor)
}

private func line(_ study: Int, status: String = "ok") -> String {
  #"{"time":1790928902,"study":"1.2.3.\#(study)","model":"m","version":"1","status":"\#(status)"}"#
    + "\n"
}

/// Reads with a reader whose pseudonym is the raw identifier prefixed,
/// which lets the tests see which lines were read.
private func readPass(
  _ patterns: [String], _ cursors: [ResultsCursor], lineLimit: Int = 1 << 20, chunk: Int = 64
) -> (summary: ResultsReadSummary, studies: [String]) {
  var reader = ResultsReader(pseudonymize: { "p:" + $0 })
  reader.maximumLineLength = lineLimit
  reader.chunkSize = chunk
  var studies: [String] = []
  let summary = reader.read(patterns, cursors: cursors) { studies.append($0.study) }
  return (summary, studies)
}

/// A log sink that keeps the messages of one test, which runs on one task.
private final class RecordingSink: LogSink, @unchecked Sendable {
  var messages: [(LogLevel, String)] = []
  func write(_ level: LogLevel, _ message: String) { messages.append((level, message)) }
}

@Suite struct ResultsReaderTests {
  @Test func rejectedLinesAreLoggedUpToLimit() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append(String(repeating: "{}\n", count: 25), to: path)
    let sink = RecordingSink()
    let reader = ResultsReader(logger: Logger(sink: sink), pseudonymize: { $0 })
    let summary = reader.read([path], cursors: []) { _ in }

    #expect(summary.rejectedByKind == ["missing_field": 25])
    #expect(summary.problems.count == 20)
    let warnings = sink.messages.filter { $0.0 == .warning }.map(\.1)
    #expect(warnings.count == 21)
    #expect(
      warnings.first
        == "\(path):1: skipped result at byte 0: missing required field 'time'")
    #expect(
      warnings.last
        == "results: skipped 25 invalid lines in all, only the first 20 are listed")
  }

  @Test func appendsAreReadOnce() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append(line(1) + line(2), to: path)
    let first = readPass([path], [])
    #expect(first.studies == ["p:1.2.3.1", "p:1.2.3.2"])
    #expect(first.summary.cursors.count == 1)
    #expect(first.summary.cursors.first?.line == 2)

    let unchanged = readPass([path], first.summary.cursors)
    #expect(unchanged.studies.isEmpty)

    try append(line(3), to: path)
    let second = readPass([path], unchanged.summary.cursors)
    #expect(second.studies == ["p:1.2.3.3"])
    #expect(second.summary.cursors.first?.line == 3)
    #expect(second.summary.cursors.first?.offset == Int64(3 * line(1).utf8.count))
  }

  @Test func partialLastLineWaits() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    let whole = line(1)
    let cut = whole.utf8.count / 2
    try append(line(7) + String(whole.prefix(cut)), to: path)
    let first = readPass([path], [])
    #expect(first.studies == ["p:1.2.3.7"])
    #expect(first.summary.rejectedLines == 0)
    #expect(first.summary.cursors.first?.offset == Int64(line(7).utf8.count))

    try append(String(whole.dropFirst(cut)), to: path)
    let second = readPass([path], first.summary.cursors)
    #expect(second.studies == ["p:1.2.3.1"])
    #expect(second.summary.rejectedLines == 0)
  }

  @Test func badLinesAreCountedAndSkipped() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    let bad = #"{"time":1790928902,"study":"1.2.3.9","model":"m","version":"1"}"# + "\n"
    try append(line(1) + "garbage\r\n" + "\n" + bad + line(2) + "[1]\n", to: path)
    let pass = readPass([path], [])

    #expect(pass.studies == ["p:1.2.3.1", "p:1.2.3.2"])
    #expect(pass.summary.records == 2)
    #expect(
      pass.summary.rejectedByKind == ["invalid_json": 1, "missing_field": 1, "invalid_field": 1])
    #expect(pass.summary.rejectedLines == 3)
    let offset = Int64(line(1).utf8.count)
    #expect(
      pass.summary.problems.first
        == .rejectedLine(path: path, line: 2, offset: offset, problem: .invalidJSON(offset: 0)))
    #expect(
      pass.summary.problems.dropFirst().first
        == .rejectedLine(
          path: path, line: 4, offset: offset + 10, problem: .missingField("status")))
    #expect(pass.summary.cursors.first?.line == 6)
  }

  @Test func crlfLineEnds() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append(line(1).replacingOccurrences("\n", "\r\n") + line(2), to: path)
    let pass = readPass([path], [])
    #expect(pass.studies == ["p:1.2.3.1", "p:1.2.3.2"])
    #expect(pass.summary.rejectedLines == 0)
  }

  @Test func renameRotationFinishesOldFile() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append(line(1), to: path)
    let first = readPass([path], [])

    // The writer appends, then rotation renames and a new file starts.
    try append(line(2), to: path)
    #expect(rename(path, path + ".1") == 0)
    try append(line(3), to: path)
    let second = readPass([path], first.summary.cursors)
    #expect(second.studies == ["p:1.2.3.2", "p:1.2.3.3"])
    #expect(second.summary.rotatedFiles == 1)
    #expect(Set(second.summary.cursors.map(\.path)) == [path, path + ".1"])

    // Once the rotated file is deleted its cursor is dropped.
    #expect(unlink(path + ".1") == 0)
    try append(line(4), to: path)
    let third = readPass([path], second.summary.cursors)
    #expect(third.studies == ["p:1.2.3.4"])
    #expect(third.summary.cursors.map(\.path) == [path])
  }

  @Test func globMatchesRotatedNameOnce() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append(line(1) + line(2), to: path)
    let first = readPass([folder + "/results.jsonl*"], [])
    #expect(rename(path, path + ".1") == 0)
    try append(line(3), to: path)
    try append(line(9), to: path + ".9.gz")
    let second = readPass([folder + "/results.jsonl*"], first.summary.cursors)
    #expect(second.studies == ["p:1.2.3.3"])
    #expect(second.summary.cursors.count == 2)
    #expect(second.summary.skippedPaths == [path + ".9.gz"])
  }

  @Test func copyTruncateRestarts() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append(line(1) + line(2), to: path)
    let first = readPass([path], [])
    #expect(truncate(path, 0) == 0)
    try append(line(3), to: path)
    let second = readPass([path], first.summary.cursors)
    #expect(second.studies == ["p:1.2.3.3"])
    #expect(second.summary.restartedFiles == 1)
  }

  @Test func replacedFileWithSameSizeRestarts() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append(line(1), to: path)
    let first = readPass([path], [])
    // Same inode and a longer file, but other first bytes: a new file.
    #expect(truncate(path, 0) == 0)
    try append(line(5) + line(6), to: path)
    let second = readPass([path], first.summary.cursors)
    #expect(second.studies == ["p:1.2.3.5", "p:1.2.3.6"])
    #expect(second.summary.restartedFiles == 1)
  }

  @Test func longLineIsRejectedOnceAcrossPasses() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    let long = String(repeating: "x", count: 500)
    try append(line(1) + long, to: path)
    let first = readPass([path], [], lineLimit: 200)
    #expect(first.studies == ["p:1.2.3.1"])
    #expect(first.summary.rejectedByKind == ["too_long": 1])
    #expect(first.summary.cursors.first?.insideLongLine == true)

    try append(long + "\n" + line(2), to: path)
    let second = readPass([path], first.summary.cursors, lineLimit: 200)
    #expect(second.studies == ["p:1.2.3.2"])
    #expect(second.summary.rejectedLines == 0)
    #expect(second.summary.cursors.first?.line == 3)
  }

  @Test func missingFileIsQuiet() {
    let pass = readPass(["/nonexistent/results.jsonl"], [])
    #expect(pass.studies.isEmpty)
    #expect(pass.summary.cursors.isEmpty)
    #expect(pass.summary.problems.isEmpty)
  }

  @Test func readErrorNamesPath() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let fileReader = ResultFileReader(
      parser: ResultLineParser(pseudonymize: { $0 }), maximumLineLength: 100, chunkSize: 64)
    var summary = ResultsReadSummary()
    // A folder opens read-only, but reading it fails with EISDIR.
    #expect(throws: FileSystemError("read", path: folder, code: EISDIR)) {
      try fileReader.read(folder, from: nil, summary: &summary) { _ in }
    }
  }

  @Test func manyLinesInSmallChunks() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let path = folder + "/results.jsonl"
    try append((1...500).map { line($0) }.joined(), to: path)
    let pass = readPass([path], [], chunk: 7)
    #expect(pass.studies.count == 500)
    #expect(pass.studies.last == "p:1.2.3.500")
    #expect(Set(pass.studies).count == 500)
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false)
      .joined(separator: replacement)
  }
}
