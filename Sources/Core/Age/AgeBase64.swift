/// The standard base64 alphabet of RFC 4648, section 4, with the strict
/// decoding age needs: only canonical encodings are accepted (RFC 4648,
/// section 3.5), so every encoded value has exactly one text form.
enum AgeBase64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  private static let padding = UInt8(ascii: "=")

  /// Maps each byte to its 6-bit value, or 0xFF when it is not in the alphabet.
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
    return table
  }()

  /// Returns whether `byte` is one of the 64 alphabet characters.
  static func isAlphabetCharacter(_ byte: UInt8) -> Bool {
    values[Int(byte)] != 0xFF
  }

  /// Returns the encoding of `bytes`, with `=` padding when `padded`.
  static func encode(_ bytes: UnsafeRawBufferPointer, padded: Bool) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index + 3 <= bytes.count {
      let group =
        UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      for shift in [18, 12, 6, 0] { output.append(alphabet[Int(group >> UInt32(shift) & 0x3F)]) }
      index += 3
    }
    let remaining = bytes.count - index
    guard remaining > 0 else { return output }
    var group = UInt32(bytes[index]) << 16
    if remaining == 2 { group |= UInt32(bytes[index + 1]) << 8 }
    output.append(alphabet[Int(group >> 18 & 0x3F)])
    output.append(alphabet[Int(group >> 12 & 0x3F)])
    if remaining == 2 { output.append(alphabet[Int(group >> 6 & 0x3F)]) }
    if padded { output.append(contentsOf: [UInt8](repeating: padding, count: 3 - remaining)) }
    return output
  }

  /// Returns the encoding of `bytes`, with `=` padding when `padded`.
  static func encode(_ bytes: [UInt8], padded: Bool) -> [UInt8] {
    bytes.withUnsafeBytes { encode($0, padded: padded) }
  }

  /// Returns the unpadded encoding of `bytes` as a string.
  static func encodedString(_ bytes: [UInt8]) -> String {
    String(decoding: encode(bytes, padded: false), as: UTF8.self)
  }

  /// Returns the bytes of a canonical encoding, or nil when `text` contains a
  /// character outside the alphabet, has the wrong length or padding, or
  /// has non-zero unused bits in its last character.
  static func decode(_ text: ArraySlice<UInt8>, padded: Bool) -> [UInt8]? {
    var body = text
    if padded {
      guard text.count % 4 == 0 else { return nil }
      var padCount = 0
      while padCount < 2, body.last == padding {
        body.removeLast()
        padCount += 1
      }
      guard (4 - body.count % 4) % 4 == padCount else { return nil }
    }
    return decodeUnpadded(body)
  }

  /// Returns the bytes of a canonical encoding, or nil.
  static func decode(_ text: [UInt8], padded: Bool) -> [UInt8]? {
    decode(text[...], padded: padded)
  }

  /// Returns the bytes of a canonical unpadded encoding in `text`, or nil.
  static func decode(_ text: String) -> [UInt8]? {
    decode(Array(text.utf8), padded: false)
  }

  private static func decodeUnpadded(_ text: ArraySlice<UInt8>) -> [UInt8]? {
    guard text.count % 4 != 1 else { return nil }
    var output: [UInt8] = []
    output.reserveCapacity(text.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for character in text {
      let value = values[Int(character)]
      guard value != 0xFF else { return nil }
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    // Leftover bits must be zero, or two texts would decode to the same bytes.
    guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
    return output
  }
}
