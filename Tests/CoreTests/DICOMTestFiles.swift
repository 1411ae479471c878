#if canImport(Glibc)
  import Glibc
#endif

/// Writes `bytes` to a new file under /tmp and returns its path.
func writeTemporaryFile(_ bytes: [UInt8]) throws -> String {
  var template = Array("/tmp/medmon-dicom-test-XXXXXX".utf8CString)
  let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
  guard descriptor >= 0 else { throw TemporaryFileError(code: errno) }
  defer { close(descriptor) }
  let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  guard written == bytes.count else { throw TemporaryFileError(code: errno) }
  return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

func removeTemporaryFile(_ path: String) { unlink(path) }

struct TemporaryFileError: Error {
  let code: Int32
}

/// Returns the corpus directory from MEDMON_CORPUS, or nil when it is not set.
func corpusDirectory() -> String? {
  guard let value = getenv("MEDMON_CORPUS") else { return nil }
  let path = String(cString: value) + "/dicom"
  var status = stat()
  return stat(path, &status) == 0 ? path : nil
}

/// Reads a whole text file, or returns nil.
func readTextFile(_ path: String) -> String? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65_536)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count <= 0 { break }
    bytes += buffer[0..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}
