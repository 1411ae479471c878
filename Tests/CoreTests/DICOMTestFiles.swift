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

/// The corpus directory from MEDMON_CORPUS, or nil when it is not set.
func corpusDirectory() -> String? {
  guard let value = getenv("MEDMON_CORPUS") else { return nil }
  let path = String(cString: value) + "/dicom"
  var status = stat()
  return stat(path, &status) == 0 ? path : nil
}
