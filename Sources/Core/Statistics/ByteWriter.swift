/// An append-only byte buffer with the fixed encodings that statistics
/// summaries use: unsigned LEB128 varints, zigzag varints for signed
/// integers, and little-endian IEEE 754 binary64 for doubles. The same
/// values give the same bytes on every platform.
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  mutating func writeByte(_ value: UInt8) {
    bytes.append(value)
  }

  mutating func writeVarint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Writes a signed integer as a zigzag varint, so small magnitudes of
  /// either sign take one byte.
  mutating func writeSignedVarint(_ value: Int64) {
    let zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
    writeVarint(zigzag)
  }

  mutating func writeDouble(_ value: Double) {
    let bits = value.bitPattern
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
  }
}
