/// The binary form of `DDSketch`, version 1. All integers are unsigned
/// LEB128 varints unless marked zigzag, all doubles IEEE 754 binary64
/// little-endian:
///
///     version            byte, 1
///     mapping            byte, 1 = cubic-interpolated logarithmic
///     relativeAccuracy   double
///     maxBucketCount     varint
///     zeroCount          varint
///     positive store     store
///     negative store     store (indices of |x|)
///     sum                exact sum (see ExactSum.encode)
///     min, max           double each, present only when count > 0
///
/// A store is a varint n of nonempty buckets (at most maxBucketCount);
/// when n > 0, the first index as a zigzag varint and its count, then for
/// each further bucket the index increase (>= 1) and the count (>= 1).
/// Buckets are in ascending index order, so equal sketches have equal
/// bytes.
extension DDSketch {
  public static let encodingVersion: UInt8 = 1
  static let cubicMappingID: UInt8 = 1
  static let kind = "DDSketch"

  /// Encodes the sketch in its version 1 binary form.
  public func serialized() -> [UInt8] {
    var writer = ByteWriter()
    writer.writeByte(DDSketch.encodingVersion)
    writer.writeByte(DDSketch.cubicMappingID)
    writer.writeDouble(relativeAccuracy)
    writer.writeVarint(UInt64(maxBucketCount))
    writer.writeVarint(zeroCount)
    DDSketch.encode(positive, into: &writer)
    DDSketch.encode(negative, into: &writer)
    exactSum.encode(into: &writer)
    if !isEmpty {
      writer.writeDouble(minimum)
      writer.writeDouble(maximum)
    }
    return writer.bytes
  }

  /// Encodes the binary form as base64 text, for JSON.
  public func base64() -> String { Base64.encode(serialized()) }

  /// Decodes base64 text made by `base64()`.
  public init(base64 text: String) throws {
    try self.init(serialized: Base64.decode(text))
  }

  private static func encode(_ store: SketchStore, into writer: inout ByteWriter) {
    let buckets = store.buckets
    writer.writeVarint(UInt64(buckets.count))
    var previous: Int?
    for (index, count) in buckets {
      if let previous {
        writer.writeVarint(UInt64(index - previous))
      } else {
        writer.writeSignedVarint(Int64(index))
      }
      writer.writeVarint(count)
      previous = index
    }
  }

  /// Decodes a sketch, rejecting unknown versions, out-of-range
  /// parameters, indices and counts, totals that overflow, min above
  /// max, and trailing bytes.
  public init(serialized bytes: [UInt8]) throws {
    var reader = ByteReader(bytes, kind: DDSketch.kind)
    let version = try reader.readByte("version")
    guard version == DDSketch.encodingVersion else {
      throw StatisticsError.unsupportedVersion(kind: DDSketch.kind, version: Int(version))
    }
    let mappingID = try reader.readByte("mapping")
    guard mappingID == DDSketch.cubicMappingID else {
      throw reader.invalid("mapping", String(mappingID), at: reader.offset - 1)
    }
    let accuracy = try reader.readDouble("relativeAccuracy")
    let maxBuckets = try reader.readCount(
      "maxBucketCount", limit: DDSketch.maxBucketCountRange.upperBound)
    do {
      try self.init(relativeAccuracy: accuracy, maxBucketCount: maxBuckets)
    } catch {
      throw reader.invalid("parameters", "\(accuracy), \(maxBuckets)", at: 2)
    }
    try decodeBody(from: &reader)
    try reader.expectEnd()
  }

  private mutating func decodeBody(from reader: inout ByteReader) throws {
    zeroCount = try reader.readVarint("zeroCount")
    var total = zeroCount
    try DDSketch.decode(&positive, mapping: mapping, total: &total, from: &reader)
    try DDSketch.decode(&negative, mapping: mapping, total: &total, from: &reader)
    exactSum = try ExactSum.decode(from: &reader)
    guard total > 0 else { return }

    let start = reader.offset
    minimum = try reader.readDouble("min")
    maximum = try reader.readDouble("max")
    guard minimum.isFinite, maximum.isFinite, minimum <= maximum else {
      throw reader.invalid("min/max", "\(minimum), \(maximum)", at: start)
    }
  }

  private static func decode(
    _ store: inout SketchStore, mapping: SketchIndexMapping, total: inout UInt64,
    from reader: inout ByteReader
  ) throws {
    let bucketCount = try reader.readCount("bucket count", limit: store.maxBucketCount)
    var index = 0
    for position in 0..<bucketCount {
      let start = reader.offset
      if position == 0 {
        let first = try reader.readSignedVarint("bucket index")
        guard first >= Int64(mapping.indexRange.lowerBound) else {
          throw reader.invalid("bucket index", String(first), at: start)
        }
        index = Int(first)
      } else {
        let step = try reader.readVarint("bucket index step")
        guard step >= 1, step <= UInt64(mapping.indexRange.count) else {
          throw reader.invalid("bucket index step", String(step), at: start)
        }
        index += Int(step)
      }
      guard mapping.indexRange.contains(index) else {
        throw reader.invalid("bucket index", String(index), at: start)
      }
      let count = try reader.readVarint("bucket count")
      let (sum, overflow) = total.addingReportingOverflow(count)
      guard count > 0, !overflow else {
        throw reader.invalid("bucket count", String(count), at: reader.offset)
      }
      total = sum
      store.add(index: index, count: count)
    }
  }
}

extension DDSketch: Base64Codable {}
