import CZlib

#if canImport(Glibc)
  import Glibc
#endif

/// Errors from reading gzip streams.
public enum CompressionError: MedmonError {
  case openFailed(path: String, code: Int32)
  case corrupt(path: String, detail: String)

  public var message: String {
    switch self {
    case .openFailed(let path, let code):
      return "cannot open '\(path)': \(String(cString: strerror(code)))"
    case .corrupt(let path, let detail):
      return "invalid gzip data in '\(path)': \(detail)"
    }
  }
}

/// Reads a gzip file as a stream of decompressed bytes, through zlib.
/// Concatenated gzip members are read one after the other, as `gzip -d`
/// does.
public final class GzipReader {
  private let path: String
  private let descriptor: Int32
  private var stream = z_stream()
  private var input = [UInt8](repeating: 0, count: 64 * 1024)
  private var inputEnd = false
  private var finished = false
  private var filled = 0
  /// A gzip member has started and its end has not been read yet.
  private var inMember = false

  /// Opens `path`, which must be a gzip file.
  public init(path: String) throws {
    self.path = path
    descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CompressionError.openFailed(path: path, code: errno) }
    // 15 window bits plus 16 selects the gzip wrapper.
    let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      close(descriptor)
      throw CompressionError.corrupt(path: path, detail: "zlib init failed with code \(status)")
    }
  }

  deinit {
    inflateEnd(&stream)
    close(descriptor)
  }

  /// Fills `buffer` with up to `buffer.count` decompressed bytes and
  /// returns how many it wrote; 0 means the end of the stream.
  public func read(into buffer: inout [UInt8]) throws -> Int {
    var produced = 0
    while produced == 0, !finished {
      if stream.avail_in == 0, !inputEnd { try refill() }
      if stream.avail_in == 0, inputEnd {
        if inMember { throw CompressionError.corrupt(path: path, detail: "the file ends early") }
        finished = true
        break
      }
      inMember = true
      produced = try inflateStep(into: &buffer)
    }
    return produced
  }

  private func refill() throws {
    let count = input.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
    guard count >= 0 else { throw CompressionError.openFailed(path: path, code: errno) }
    if count == 0 { inputEnd = true }
    filled = count
    stream.avail_in = UInt32(count)
  }

  private func inflateStep(into buffer: inout [UInt8]) throws -> Int {
    let start = filled - Int(stream.avail_in)
    let status: Int32 = input.withUnsafeMutableBufferPointer { inBytes in
      buffer.withUnsafeMutableBufferPointer { outBytes in
        stream.next_in = inBytes.baseAddress! + start
        stream.next_out = outBytes.baseAddress
        stream.avail_out = UInt32(outBytes.count)
        return inflate(&stream, Z_NO_FLUSH)
      }
    }
    let produced = buffer.count - Int(stream.avail_out)
    switch status {
    case Z_OK:
      return produced
    case Z_BUF_ERROR where stream.avail_in == 0 && !inputEnd:
      return produced
    case Z_BUF_ERROR:
      throw CompressionError.corrupt(path: path, detail: "the file ends early")
    case Z_STREAM_END:
      inflateReset(&stream)
      inMember = false
      return produced
    default:
      throw CompressionError.corrupt(path: path, detail: "zlib error \(status)")
    }
  }
}
