/// The Bech32 encoding of BIP 173, as age uses it: the checksum constant 1
/// (not Bech32m) and no limit on the length. A string is either all lower
/// case or all upper case, and the checksum is computed over the lower
/// case form.
public enum Bech32 {
  /// A reason a string is not valid Bech32.
  public enum Defect: Error, Equatable, Sendable {
    case mixedCase
    case missingSeparator
    case emptyHumanReadablePart
    case invalidHumanReadableCharacter
    case invalidDataCharacter(Character)
    case tooShortForChecksum
    case invalidChecksum
    case invalidPadding
  }

  private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
  private static let generator: [UInt32] = [
    0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3,
  ]
  private static let checksumLength = 6

  /// Returns `data` encoded under the human-readable part `hrp`, in lower
  /// case, or in upper case when `uppercase` is set.
  public static func encode(hrp: String, data: [UInt8], uppercase: Bool = false) -> String {
    let lowerHRP = Array(hrp.lowercased().utf8)
    let values = convertBits(data, from: 8, to: 5, pad: true)!
    let checksum = makeChecksum(hrp: lowerHRP, values: values)
    var text = lowerHRP + [UInt8(ascii: "1")]
    for value in values + checksum { text.append(charset[Int(value)]) }
    let result = String(decoding: text, as: UTF8.self)
    return uppercase ? result.uppercased() : result
  }

  /// Returns the human-readable part (in the case it was written in) and
  /// the data bytes of `text`.
  public static func decode(_ text: String) throws(Defect) -> (hrp: String, data: [UInt8]) {
    let bytes = Array(text.utf8)
    let hasLower = bytes.contains { (0x61...0x7A).contains($0) }
    let hasUpper = bytes.contains { (0x41...0x5A).contains($0) }
    guard !(hasLower && hasUpper) else { throw .mixedCase }
    guard let separator = bytes.lastIndex(of: UInt8(ascii: "1")) else { throw .missingSeparator }
    guard separator > 0 else { throw .emptyHumanReadablePart }
    let hrp = bytes[..<separator]
    guard hrp.allSatisfy({ (33...126).contains($0) }) else { throw .invalidHumanReadableCharacter }

    let dataPart = bytes[(separator + 1)...]
    guard dataPart.count >= checksumLength else { throw .tooShortForChecksum }
    var values: [UInt8] = []
    for character in dataPart {
      guard let value = charset.firstIndex(of: lowercase(character)) else {
        throw .invalidDataCharacter(Character(Unicode.Scalar(character)))
      }
      values.append(UInt8(value))
    }
    let lowerHRP = hrp.map(lowercase)
    guard polymod(expand(lowerHRP) + values) == 1 else { throw .invalidChecksum }
    let payload = Array(values.dropLast(checksumLength))
    guard let data = convertBits(payload, from: 5, to: 8, pad: false) else { throw .invalidPadding }
    return (String(decoding: hrp, as: UTF8.self), data)
  }

  private static func lowercase(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }

  private static func polymod(_ values: [UInt8]) -> UInt32 {
    var checksum: UInt32 = 1
    for value in values {
      let top = checksum >> 25
      checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
      for (bit, constant) in generator.enumerated() where (top >> UInt32(bit)) & 1 == 1 {
        checksum ^= constant
      }
    }
    return checksum
  }

  private static func expand(_ hrp: [UInt8]) -> [UInt8] {
    hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
  }

  private static func makeChecksum(hrp: [UInt8], values: [UInt8]) -> [UInt8] {
    let residue = polymod(expand(hrp) + values + [UInt8](repeating: 0, count: checksumLength)) ^ 1
    return (0..<checksumLength).map {
      UInt8(truncatingIfNeeded: residue >> UInt32(5 * (5 - $0)) & 31)
    }
  }

  /// Regroups bits from `from`-bit values into `to`-bit values. Without
  /// padding, returns nil when the leftover bits are not a zero fill of
  /// fewer than `from` bits.
  private static func convertBits(_ data: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
    var accumulator: UInt32 = 0
    var bits = 0
    var output: [UInt8] = []
    let mask = UInt32(1 << to) - 1
    for value in data {
      accumulator = accumulator << UInt32(from) | UInt32(value)
      bits += from
      while bits >= to {
        bits -= to
        output.append(UInt8(accumulator >> UInt32(bits) & mask))
      }
      accumulator &= (1 << UInt32(bits)) - 1
    }
    if pad {
      if bits > 0 { output.append(UInt8(accumulator << UInt32(to - bits) & mask)) }
    } else if bits >= from || accumulator != 0 {
      return nil
    }
    return output
  }
}
