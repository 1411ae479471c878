/// The binary form of `HyperLogLog`, version 1:
///
///     version     byte, 1
///     precision   byte, 4 to 18
///     form        byte, 0 = sparse, 1 = dense
///     sparse:     varint n of nonzero registers, then n pairs of
///                 (index increase as varint, the first from -1; rank byte)
///     dense:      2^p registers of 6 bits each, packed from the low bit
///                 of each byte upward
///
/// The encoder picks the shorter form, dense on a tie, so equal
/// estimators have equal bytes.
extension HyperLogLog {
  public static let encodingVersion: UInt8 = 1
  static let kind = "HyperLogLog"

  /// Encodes the estimator in its version 1 binary form.
  public func serialized() -> [UInt8] {
    let sparse = sparseBody()
    let denseLength = (registers.count * 6 + 7) / 8
    var writer = ByteWriter()
    writer.writeByte(HyperLogLog.encodingVersion)
    writer.writeByte(UInt8(precision))
    if sparse.count < denseLength {
      writer.writeByte(0)
      return writer.bytes + sparse
    }
    writer.writeByte(1)
    return writer.bytes + denseBody()
  }

  /// Encodes the binary form as base64 text, for JSON.
  public func base64() -> String { Base64.encode(serialized()) }

  /// Decodes base64 text made by `base64()`.
  public init(base64 text: String) throws {
    try self.init(serialized: Base64.decode(text))
  }

  private func sparseBody() -> [UInt8] {
    var writer = ByteWriter()
    let nonzero = registers.indices.filter { registers[$0] != 0 }
    writer.writeVarint(UInt64(nonzero.count))
    var previous = -1
    for index in nonzero {
      writer.writeVarint(UInt64(index - previous))
      writer.writeByte(registers[index])
      previous = index
    }
    return writer.bytes
  }

  private func denseBody() -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: (registers.count * 6 + 7) / 8)
    for (index, register) in registers.enumerated() {
      let bit = index * 6
      let value = UInt16(register) << UInt16(bit % 8)
      bytes[bit / 8] |= UInt8(truncatingIfNeeded: value)
      if value > 0xff { bytes[bit / 8 + 1] |= UInt8(truncatingIfNeeded: value >> 8) }
    }
    return bytes
  }

  /// Decodes an estimator, rejecting unknown versions and forms, bad
  /// precisions, ranks above 65 - p, indices past the last register,
  /// sparse forms that are not strictly ascending, and trailing bytes.
  public init(serialized bytes: [UInt8]) throws {
    var reader = ByteReader(bytes, kind: HyperLogLog.kind)
    let version = try reader.readByte("version")
    guard version == HyperLogLog.encodingVersion else {
      throw StatisticsError.unsupportedVersion(kind: HyperLogLog.kind, version: Int(version))
    }
    let precisionByte = try reader.readByte("precision")
    guard HyperLogLog.precisionRange.contains(Int(precisionByte)) else {
      throw reader.invalid("precision", String(precisionByte), at: 1)
    }
    try self.init(precision: Int(precisionByte))
    let form = try reader.readByte("form")
    switch form {
    case 0: try decodeSparse(from: &reader)
    case 1: try decodeDense(from: &reader)
    default: throw reader.invalid("form", String(form), at: 2)
    }
    try reader.expectEnd()
  }

  private mutating func decodeSparse(from reader: inout ByteReader) throws {
    let count = try reader.readCount("register count", limit: registers.count)
    var index = -1
    for _ in 0..<count {
      let start = reader.offset
      let step = try reader.readCount("register index step", limit: registers.count)
      index += step
      guard step >= 1, index < registers.count else {
        throw reader.invalid("register index", String(index), at: start)
      }
      registers[index] = try readRank(from: &reader)
      guard registers[index] > 0 else {
        throw reader.invalid("register rank", "0", at: reader.offset - 1)
      }
    }
  }

  private mutating func decodeDense(from reader: inout ByteReader) throws {
    let length = (registers.count * 6 + 7) / 8
    var packed: [UInt8] = []
    packed.reserveCapacity(length)
    for _ in 0..<length { packed.append(try reader.readByte("dense registers")) }
    for index in registers.indices {
      let bit = index * 6
      var value = UInt16(packed[bit / 8])
      if bit / 8 + 1 < packed.count { value |= UInt16(packed[bit / 8 + 1]) << 8 }
      let rank = UInt8((value >> UInt16(bit % 8)) & 0x3f)
      guard rank <= maxRank else {
        throw reader.invalid("register rank", String(rank), at: 3 + bit / 8)
      }
      registers[index] = rank
    }
  }

  private func readRank(from reader: inout ByteReader) throws -> UInt8 {
    let rank = try reader.readByte("register rank")
    guard rank <= maxRank else {
      throw reader.invalid("register rank", String(rank), at: reader.offset - 1)
    }
    return rank
  }
}

extension HyperLogLog: Base64Codable {}
