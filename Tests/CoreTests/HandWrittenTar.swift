/// Builds tar archives byte by byte, without libarchive, so the reader
/// tests can feed it entries that `TarWriter` refuses to write.
struct HandWrittenTar {
  private(set) var bytes: [UInt8] = []

  /// Appends a ustar header (POSIX.1-1988 layout) and the data blocks.
  mutating func add(
    name: String, type: Character = "0", data: [UInt8] = [], declaredSize: Int? = nil,
    linkName: String = "", mode: Int = 0o644
  ) {
    add(
      rawName: Array(name.utf8), type: type, data: data, declaredSize: declaredSize,
      linkName: linkName, mode: mode)
  }

  /// Appends an entry whose name field contains `rawName` as given, which
  /// need not be valid UTF-8.
  mutating func add(
    rawName: [UInt8], type: Character = "0", data: [UInt8] = [], declaredSize: Int? = nil,
    linkName: String = "", mode: Int = 0o644
  ) {
    var header = [UInt8](repeating: 0, count: 512)
    header.replaceSubrange(0..<min(rawName.count, 100), with: rawName.prefix(100))
    put(octal(mode, width: 8), at: 100, width: 8, into: &header)
    put(octal(0, width: 8), at: 108, width: 8, into: &header)
    put(octal(0, width: 8), at: 116, width: 8, into: &header)
    put(octal(declaredSize ?? data.count, width: 12), at: 124, width: 12, into: &header)
    put(octal(1_700_000_000, width: 12), at: 136, width: 12, into: &header)
    header[156] = type.asciiValue!
    put(linkName, at: 157, width: 100, into: &header)
    put("ustar\0", at: 257, width: 6, into: &header)
    put("00", at: 263, width: 2, into: &header)
    put(octal(1, width: 8), at: 329, width: 8, into: &header)
    put(octal(3, width: 8), at: 337, width: 8, into: &header)

    // The checksum is the byte sum with its own field read as spaces.
    put("        ", at: 148, width: 8, into: &header)
    let sum = header.reduce(0) { $0 + Int($1) }
    put(octal(sum, width: 7), at: 148, width: 7, into: &header)
    header[155] = 0x20

    bytes += header
    bytes += data
    bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
  }

  /// Appends a pax extended header ('x') whose records apply to the
  /// next entry.
  mutating func addPaxHeader(_ records: [(String, String)]) {
    var body: [UInt8] = []
    for (key, value) in records {
      let rest = " \(key)=\(value)\n"
      // The length prefix counts its own digits.
      var length = rest.utf8.count + 1
      while "\(length)".count + rest.utf8.count != length { length += 1 }
      body += Array("\(length)\(rest)".utf8)
    }
    add(name: "PaxHeaders/entry", type: "x", data: body)
  }

  /// Returns the archive with the two zero blocks that end it.
  func finished() -> [UInt8] {
    bytes + [UInt8](repeating: 0, count: 1024)
  }

  private func octal(_ value: Int, width: Int) -> String {
    let digits = String(value, radix: 8)
    return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
  }

  private func put(_ text: String, at offset: Int, width: Int, into header: inout [UInt8]) {
    for (index, byte) in text.utf8.prefix(width).enumerated() {
      header[offset + index] = byte
    }
  }
}
