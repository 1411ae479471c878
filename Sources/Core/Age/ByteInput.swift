#if canImport(Glibc)
  import Glibc
#endif

/// Bytes read in order from a file, a buffer or a decoding layer.
public protocol ByteInput: AnyObject {
  /// Reads up to `buffer.count` bytes into `buffer` and returns how many it
  /// read. Returns 0 only at the end of the input.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// An input that reads from an array in memory.
public final class BufferInput: ByteInput {
  private let bytes: [UInt8]
  private var offset = 0

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = min(buffer.count, bytes.count - offset)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }
}

/// An input that reads from an open file descriptor, which it does not
/// close. `path` names the file in error messages.
public final class FileDescriptorInput: ByteInput {
  public let descriptor: Int32
  public let path: String

  public init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let count = Glibc.read(descriptor, base, buffer.count)
      if count >= 0 { return count }
      if errno != EINTR { throw AgeError.readFailed(path: path, errno: errno) }
    }
  }
}

/// A destination for bytes: a closure that writes all of them or throws.
public typealias ByteSink = (UnsafeRawBufferPointer) throws -> Void

/// Writes whole buffers to an open file descriptor, which it does not close.
public enum FileDescriptorSink {
  /// Returns a sink that writes every byte to `descriptor`, retrying short
  /// writes and interrupted calls. `path` names the file in errors.
  public static func make(descriptor: Int32, path: String) -> ByteSink {
    return { bytes in try writeAll(bytes, to: descriptor, path: path) }
  }

  /// Writes every byte of `bytes` to `descriptor`.
  public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String)
    throws
  {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw AgeError.writeFailed(path: path, errno: errno)
      }
      offset += written
    }
  }
}
