import Testing

@testable import Core

@Suite struct ByteReaderTests {
  @Test(arguments: [0, 1, 127, 128, 300, UInt64(Int64.max), UInt64.max])
  func varintRoundTrips(value: UInt64) throws {
    var writer = ByteWriter()
    writer.writeVarint(value)
    var reader = ByteReader(writer.bytes, kind: "test")
    #expect(try reader.readVarint("value") == value)
    #expect(reader.isAtEnd)
  }

  @Test(arguments: [0, 1, -1, 63, -64, Int64.max, Int64.min])
  func zigzagRoundTrips(value: Int64) throws {
    var writer = ByteWriter()
    writer.writeSignedVarint(value)
    var reader = ByteReader(writer.bytes, kind: "test")
    #expect(try reader.readSignedVarint("value") == value)
  }

  @Test func smallSignedValuesTakeOneByte() {
    var writer = ByteWriter()
    writer.writeSignedVarint(-64)
    writer.writeSignedVarint(63)
    #expect(writer.bytes == [127, 126])
  }

  @Test func doubleIsLittleEndian() throws {
    var writer = ByteWriter()
    writer.writeDouble(1)
    #expect(writer.bytes == [0, 0, 0, 0, 0, 0, 0xf0, 0x3f])
    var reader = ByteReader(writer.bytes, kind: "test")
    #expect(try reader.readDouble("value") == 1)
  }

  @Test(
    arguments: [
      [0x80, 0x00], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02],
      [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
    ] as [[UInt8]])
  func rejectsOverlongAndOverflowingVarints(bytes: [UInt8]) {
    var reader = ByteReader(bytes, kind: "test")
    #expect(throws: StatisticsError.self) { try reader.readVarint("value") }
  }

  @Test func reportsTruncationWithFieldAndOffset() {
    var reader = ByteReader([0x80], kind: "DDSketch")
    #expect(throws: StatisticsError.truncated(kind: "DDSketch", field: "count", offset: 1)) {
      try reader.readVarint("count")
    }
  }

  @Test func countAboveLimitIsInvalid() {
    var reader = ByteReader([0x10], kind: "test")
    #expect(throws: StatisticsError.invalidField(kind: "test", field: "n", value: "16", offset: 0))
    {
      try reader.readCount("n", limit: 15)
    }
  }
}
