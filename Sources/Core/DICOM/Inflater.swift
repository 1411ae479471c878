import CZlib

/// Inflates the raw deflate stream (RFC 1951, no zlib header) that follows
/// the meta group in the Deflated Explicit VR Little Endian transfer
/// syntax (PS3.5 section A.5).
enum Inflater {
  /// Inflates `input` up to `limit` bytes of output. Returns the output and
  /// whether the stream ended within the limit. `offset` is where the
  /// stream starts in the file, for messages.
  static func inflate(
    _ input: [UInt8], offset: Int, limit: Int
  ) throws -> (bytes: [UInt8], isComplete: Bool) {
    var stream = z_stream()
    guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw DICOMError.inflateFailed(offset: offset, reason: "zlib initialisation failed") }
    defer { inflateEnd(&stream) }

    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var mutableInput = input
    return try mutableInput.withUnsafeMutableBufferPointer { inputBuffer in
      stream.next_in = inputBuffer.baseAddress
      stream.avail_in = UInt32(inputBuffer.count)
      while true {
        let status = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> Int32 in
          stream.next_out = chunkBuffer.baseAddress
          stream.avail_out = UInt32(chunkBuffer.count)
          return CZlib.inflate(&stream, Z_NO_FLUSH)
        }
        let produced = chunk.count - Int(stream.avail_out)
        guard output.count + produced <= limit else {
          output.append(contentsOf: chunk[0..<(limit - output.count)])
          return (output, false)
        }
        output.append(contentsOf: chunk[0..<produced])
        switch status {
        case Z_STREAM_END:
          return (output, true)
        case Z_OK:
          continue
        case Z_BUF_ERROR where stream.avail_in == 0:
          // The stream ends without its final block: keep what inflated.
          return (output, true)
        default:
          let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
          throw DICOMError.inflateFailed(offset: offset + Int(stream.total_in), reason: reason)
        }
      }
    }
  }
}
