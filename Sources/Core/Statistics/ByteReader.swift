/// A cursor over encoded summary bytes that reads the encodings of
/// `ByteWriter` and reports truncation and malformed varints as
/// `StatisticsError` values naming the summary kind and field.
struct ByteReader {
  let bytes: [UInt8]
  let kind: String
  private(set) var offset = 0

  init(_ bytes: [UInt8], kind: String) {
    self.bytes = bytes
    self.kind = kind
  }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func readByte(_ field: String) throws -> UInt8 {
    guard offset < bytes.count else {
      throw StatisticsError.truncated(kind: kind, field: field, offset: offset)
    }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads an unsigned LEB128 varint of at most 10 bytes. Overlong forms
  /// (a final zero byte after the first) are rejected so that every value
  /// has one encoding.
  mutating func readVarint(_ field: String) throws -> UInt64 {
    let start = offset
    var value: UInt64 = 0
    for index in 0..<10 {
      let byte = try readByte(field)
      let payload = UInt64(byte & 0x7f)
      if index == 9 && byte > 1 {
        throw invalid(field, "varint overflows 64 bits", at: start)
      }
      value |= payload << UInt64(7 * index)
      if byte & 0x80 == 0 {
        if byte == 0 && index > 0 {
          throw invalid(field, "overlong varint", at: start)
        }
        return value
      }
    }
    throw invalid(field, "varint longer than 10 bytes", at: start)
  }

  mutating func readSignedVarint(_ field: String) throws -> Int64 {
    let zigzag = try readVarint(field)
    return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
  }

  mutating func readDouble(_ field: String) throws -> Double {
    var bits: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 8) {
      bits |= UInt64(try readByte(field)) << UInt64(shift)
    }
    return Double(bitPattern: bits)
  }

  /// Reads a varint that must not exceed `limit`, for counts that size an
  /// allocation.
  mutating func readCount(_ field: String, limit: Int) throws -> Int {
    let start = offset
    let value = try readVarint(field)
    guard value <= UInt64(limit) else {
      throw invalid(field, String(value), at: start)
    }
    return Int(value)
  }

  func invalid(_ field: String, _ value: String, at position: Int? = nil) -> StatisticsError {
    .invalidField(kind: kind, field: field, value: value, offset: position ?? offset)
  }

  func expectEnd() throws {
    guard isAtEnd else {
      throw StatisticsError.trailingBytes(
        kind: kind, count: bytes.count - offset, offset: offset)
    }
  }
}
