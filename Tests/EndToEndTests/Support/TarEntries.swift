/// Locates the entries of a ustar or pax tar file, so a test can change a
/// byte inside one entry's data.
enum TarEntries {
  /// Returns the byte range of each entry's data, by entry name.
  static func dataRanges(_ bytes: [UInt8]) -> [String: Range<Int>] {
    var ranges: [String: Range<Int>] = [:]
    var offset = 0
    while offset + 512 <= bytes.count, bytes[offset] != 0 {
      let header = bytes[offset..<(offset + 512)]
      let name = String(decoding: header.prefix(100).prefix { $0 != 0 }, as: UTF8.self)
      let sizeField = header.dropFirst(124).prefix(12).prefix { $0 != 0 && $0 != 0x20 }
      let size = Int(String(decoding: sizeField, as: UTF8.self), radix: 8) ?? 0
      ranges[name] = (offset + 512)..<(offset + 512 + size)
      offset += 512 + (size + 511) / 512 * 512
    }
    return ranges
  }
}
