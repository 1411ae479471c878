import Glibc
import Testing

@testable import Collect

/// Creates a temporary directory, which the calling test removes.
private func makeTemporaryDirectory() -> String {
  var template = Array("/tmp/medmon-logs-XXXXXX".utf8CString)
  let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
  return path
}

private func append(_ text: String, to path: String) {
  let file = fopen(path, "a")!
  fputs(text, file)
  fclose(file)
}

private func shell(_ command: String) {
  #expect(system(command) == 0, "command failed: \(command)")
}

@Suite struct LogFileReaderTests {
  @Test func incrementalReadSurvivesRotation() throws {
    let directory = makeTemporaryDirectory()
    defer { shell("rm -rf '\(directory)'") }
    let path = directory + "/app.log"
    var written: [String] = []
    var seen: [String] = []
    let reader = LogFileReader()
    var state: LogFileState? = nil
    func readMore() throws {
      state = try reader.readNew(path: path, state: state) { line in
        seen.append(String(decoding: line.bytes, as: UTF8.self))
      }
    }
    func write(_ lines: [String]) {
      written += lines
      append(lines.map { $0 + "\r\n" }.joined(), to: path)
    }

    write((1...5).map { "2024-05-01 10:00:0\($0) INFO app: study \($0) done" })
    append("2024-05-01 10:00:06 INFO app: half", to: path)
    try readMore()
    #expect(seen == written)

    append(" a line\n", to: path)
    written.append("2024-05-01 10:00:06 INFO app: half a line")
    write(["2024-05-01 10:00:07 ERROR app: patient Ivanov Ivan failed"])
    try readMore()
    #expect(seen == written)

    write(["2024-05-01 10:00:08 INFO app: before rename"])
    shell("mv '\(path)' '\(path).1' && gzip '\(path).1'")
    write(["2024-05-02 00:00:01 INFO app: new file"])
    try readMore()
    #expect(seen == written)

    write(["2024-05-02 00:00:02 INFO app: before copytruncate"])
    shell("cp '\(path)' '\(path).1' && truncate -s 0 '\(path)'")
    write(["2024-05-02 00:00:03 INFO app: after copytruncate"])
    try readMore()
    #expect(seen == written)
    #expect(Set(seen).count == seen.count)

    shell("rm '\(path)'")
    try readMore()
    #expect(seen == written)
    #expect(state?.inode == 0)
  }

  @Test func gzipRotatedFileScansWhole() throws {
    let directory = makeTemporaryDirectory()
    defer { shell("rm -rf '\(directory)'") }
    let path = directory + "/app.log.1"
    append((1...3000).map { "line \($0) of the log\n" }.joined(), to: path)
    shell("gzip '\(path)'")
    var count = 0
    var last = ""
    try LogFileScanner(format: .plain).scan(path: path + ".gz") { event in
      count += 1
      last = event.messageText
    }
    #expect(count == 3000)
    #expect(last == "line 3000 of the log")
  }
}

@Suite struct LineSplitterTests {
  @Test func longLineIsCutButCounted() {
    var splitter = LineSplitter()
    let long = [UInt8](repeating: 0x61, count: LineSplitter.maximumLineLength + 100)
    var lines: [[UInt8]] = []
    for chunk in [long, Array("\nshort\r\n".utf8)] {
      chunk.withUnsafeBufferPointer { splitter.add($0) { line, _ in lines.append(line) } }
    }
    #expect(lines.count == 2)
    #expect(lines.first?.count == LineSplitter.maximumLineLength)
    #expect(lines.last == Array("short".utf8))
    #expect(splitter.consumedBytes == Int64(long.count + 8))
  }

  @Test func partialLineWaits() {
    var splitter = LineSplitter()
    var lines: [String] = []
    Array("a\nb".utf8).withUnsafeBufferPointer {
      splitter.add($0) { line, _ in lines.append(String(decoding: line, as: UTF8.self)) }
    }
    #expect(lines == ["a"])
    #expect(splitter.consumedBytes == 2)
    splitter.finish { line, number in
      lines.append("\(number):" + String(decoding: line, as: UTF8.self))
    }
    #expect(lines == ["a", "2:b"])
  }
}
