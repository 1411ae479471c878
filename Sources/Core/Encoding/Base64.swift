/// The standard base64 encoding of RFC 4648 section 4, with padding, for
/// binary summaries carried in JSON.
public enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  private static let decodeTable: [UInt8] = {
    var table = [UInt8](repeating: 0xff, count: 256)
    for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
    return table
  }()

  /// Encodes bytes as padded base64 text.
  public static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let remaining = Swift.min(3, bytes.count - index)
      var group: UInt32 = 0
      for offset in 0..<3 {
        let byte = offset < remaining ? UInt32(bytes[index + offset]) : 0
        group = group << 8 | byte
      }
      for position in 0..<4 {
        let symbol = alphabet[Int((group >> UInt32(18 - 6 * position)) & 0x3f)]
        output.append(position <= remaining ? symbol : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes padded base64 text. It rejects whitespace, a length that is
  /// not a multiple of four, misplaced padding and nonzero padding bits,
  /// so each byte string has exactly one accepted text form.
  public static func decode(_ text: String) throws -> [UInt8] {
    let symbols = Array(text.utf8)
    guard symbols.count % 4 == 0 else {
      throw StatisticsError.invalidBase64(offset: symbols.count)
    }
    var output: [UInt8] = []
    output.reserveCapacity(symbols.count / 4 * 3)
    for start in stride(from: 0, to: symbols.count, by: 4) {
      let isLast = start + 4 == symbols.count
      try decodeGroup(symbols[start..<(start + 4)], start: start, isLast: isLast, into: &output)
    }
    return output
  }

  private static func decodeGroup(
    _ group: ArraySlice<UInt8>, start: Int, isLast: Bool, into output: inout [UInt8]
  ) throws {
    var bits: UInt32 = 0
    var padding = 0
    for (offset, symbol) in group.enumerated() {
      if symbol == UInt8(ascii: "=") && isLast && offset >= 2 {
        padding += 1
        bits <<= 6
        continue
      }
      let value = decodeTable[Int(symbol)]
      guard value != 0xff, padding == 0 else {
        throw StatisticsError.invalidBase64(offset: start + offset)
      }
      bits = bits << 6 | UInt32(value)
    }
    let unusedMask: UInt32
    switch padding {
    case 2: unusedMask = 0xffff
    case 1: unusedMask = 0xff
    default: unusedMask = 0
    }
    guard bits & unusedMask == 0 else {
      throw StatisticsError.invalidBase64(offset: start + 3 - padding)
    }
    let produced = 3 - padding
    for index in 0..<produced {
      output.append(UInt8(truncatingIfNeeded: bits >> UInt32(16 - 8 * index)))
    }
  }
}
