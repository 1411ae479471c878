import Core

#if canImport(Glibc)
  import Glibc
#endif

/// Reads files in chunks, plain or gzip-compressed.
enum FileBytes {
  static let chunkSize = 1 << 20

  /// Calls `body` with each chunk of `path` from byte `offset` to the end.
  static func read(path: String, from offset: Int64, body: (UnsafeBufferPointer<UInt8>) -> Void)
    throws
  {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw LogError.openFailed(path: path, code: errno) }
    defer { close(descriptor) }
    if offset > 0, lseek(descriptor, off_t(offset), SEEK_SET) < 0 {
      throw LogError.readFailed(path: path, code: errno)
    }
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      guard count >= 0 else { throw LogError.readFailed(path: path, code: errno) }
      if count == 0 { return }
      buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }
  }

  /// Calls `body` with the decompressed chunks of a gzip file, after
  /// dropping the first `skip` decompressed bytes.
  static func readGzip(
    path: String, skipping skip: Int64 = 0, body: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws {
    let reader = try GzipReader(path: path)
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var remainingSkip = skip
    while true {
      let count = try reader.read(into: &buffer)
      if count == 0 { return }
      let start = Int(min(Int64(count), remainingSkip))
      remainingSkip -= Int64(start)
      guard start < count else { continue }
      buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<count])) }
    }
  }

  /// Returns up to `length` leading bytes of a file.
  static func prefix(path: String, length: Int, gzip: Bool) throws -> [UInt8] {
    var bytes: [UInt8] = []
    guard length > 0 else { return bytes }
    if gzip {
      let reader = try GzipReader(path: path)
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while bytes.count < length {
        let count = try reader.read(into: &buffer)
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<min(count, length - bytes.count)])
      }
      return bytes
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw LogError.openFailed(path: path, code: errno) }
    defer { close(descriptor) }
    bytes = [UInt8](repeating: 0, count: length)
    let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, 0) }
    guard count >= 0 else { throw LogError.readFailed(path: path, code: errno) }
    return Array(bytes[0..<count])
  }
}
