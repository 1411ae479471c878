#if canImport(Glibc)
  import Glibc
#endif

/// The bytes a parse reads from: a window into an open file that slides and
/// grows on demand, or a buffer in memory. A parse reads only the windows
/// it needs, so values it skips (Pixel Data, unrequested bulk data) are not
/// read from disk beyond the window that ends the header.
final class ByteSource {
  /// The file descriptor, or -1 when every byte is in `buffer`.
  private let descriptor: Int32
  /// The number of bytes in the file or in memory.
  let size: Int
  private var buffer: UnsafeMutableRawPointer
  private var capacity: Int
  /// The file offset of `buffer[0]` and the number of valid bytes there.
  private var base = 0
  private var count = 0
  private let ownsDescriptor: Bool

  /// The size of the first read of a file. Most headers fit in it, so most
  /// files need one read system call.
  static let initialWindow = 16 * 1024

  /// Opens `path` for reading, or throws `DICOMError.unreadable`.
  init(path: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw DICOMError.unreadable(path: path, reason: ByteSource.errorText(errno))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = ByteSource.errorText(errno)
      close(descriptor)
      throw DICOMError.unreadable(path: path, reason: reason)
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw DICOMError.unreadable(path: path, reason: "not a regular file")
    }
    self.descriptor = descriptor
    self.ownsDescriptor = true
    self.size = Int(status.st_size)
    self.capacity = min(size, ByteSource.initialWindow)
    self.buffer = UnsafeMutableRawPointer.allocate(byteCount: max(capacity, 1), alignment: 8)
  }

  /// Wraps bytes already in memory.
  init(bytes: [UInt8]) {
    self.descriptor = -1
    self.ownsDescriptor = false
    self.size = bytes.count
    self.capacity = bytes.count
    self.buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
    bytes.withUnsafeBytes { raw in
      if let source = raw.baseAddress { buffer.copyMemory(from: source, byteCount: raw.count) }
    }
    self.count = bytes.count
  }

  deinit {
    buffer.deallocate()
    if ownsDescriptor { close(descriptor) }
  }

  /// Returns a pointer to `length` bytes at file offset `offset`, valid
  /// until the next call. The caller checks first that the range lies
  /// within `size`.
  @inline(__always)
  func bytes(at offset: Int, count length: Int) throws -> UnsafeRawPointer {
    if offset >= base && offset + length <= base + count {
      return UnsafeRawPointer(buffer + (offset - base))
    }
    try load(at: offset, count: length)
    return UnsafeRawPointer(buffer + (offset - base))
  }

  private func load(at offset: Int, count length: Int) throws {
    // The parser checks every range first; this guard keeps a missed check
    // an error instead of a read outside the buffer.
    guard descriptor >= 0, offset >= 0, length >= 0, offset <= size - length else {
      throw DICOMError.truncated(
        offset: offset, tag: nil, needed: length, available: max(0, size - offset))
    }
    let readSize = min(size - offset, max(length, ByteSource.initialWindow, capacity))
    if readSize > capacity {
      buffer.deallocate()
      capacity = readSize
      buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }
    var done = 0
    while done < readSize {
      let result = pread(descriptor, buffer + done, readSize - done, off_t(offset + done))
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        count = 0
        throw DICOMError.truncated(
          offset: offset + done, tag: nil, needed: length, available: done)
      }
      done += result
    }
    base = offset
    count = done
  }

  /// Copies every byte from `offset` to the end, for inflating.
  func remainingBytes(from offset: Int) throws -> [UInt8] {
    let length = size - offset
    guard length > 0 else { return [] }
    let pointer = try bytes(at: offset, count: length)
    return Array(UnsafeRawBufferPointer(start: pointer, count: length))
  }

  static func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text).lowercased()
  }
}
