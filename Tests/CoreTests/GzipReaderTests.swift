import Core
import Glibc
import Testing

@Suite struct GzipReaderTests {
  /// Creates a directory under /tmp, which the calling test removes.
  private func temporaryDirectory() -> String {
    var template = Array("/tmp/medmon-gzip-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
  }

  private func readAll(_ path: String) throws -> [UInt8] {
    let reader = try GzipReader(path: path)
    var buffer = [UInt8](repeating: 0, count: 1000)
    var output: [UInt8] = []
    while true {
      let count = try reader.read(into: &buffer)
      if count == 0 { return output }
      output += buffer[0..<count]
    }
  }

  @Test func readsConcatenatedMembers() throws {
    let directory = temporaryDirectory()
    defer { _ = system("rm -rf '\(directory)'") }
    let command =
      "cd '\(directory)' && seq 1 20000 > a && echo tail > b && gzip -c a > x.gz && gzip -c b >> x.gz"
    #expect(system(command) == 0)
    let text = String(decoding: try readAll(directory + "/x.gz"), as: UTF8.self)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 20001)
    #expect(lines.first == "1")
    #expect(lines.last == "tail")
  }

  @Test func corruptDataThrows() throws {
    let directory = temporaryDirectory()
    defer { _ = system("rm -rf '\(directory)'") }
    #expect(
      system(
        "cd '\(directory)' && seq 1 1000 | gzip -c | head -c 300 > cut.gz && printf 'plain text' > bad.gz"
      ) == 0)
    #expect(throws: CompressionError.self) { try readAll(directory + "/cut.gz") }
    #expect(throws: CompressionError.self) { try readAll(directory + "/bad.gz") }
  }

  @Test func missingFileThrows() {
    #expect(throws: CompressionError.self) { try GzipReader(path: "/nonexistent/x.gz") }
  }
}
