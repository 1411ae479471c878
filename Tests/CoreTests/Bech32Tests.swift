import Testing

@testable import Core

@Suite struct Bech32Tests {
  // Valid Bech32 strings from BIP 173.
  @Test(arguments: [
    "A12UEL5L", "a12uel5l",
    "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl",
  ])
  func decodesBIP173ValidStrings(text: String) throws {
    let decoded = try Bech32.decode(text)
    let separator = text.lastIndex(of: "1")!
    #expect(decoded.hrp == String(text[..<separator]))
    let uppercase = text.uppercased() == text && text.lowercased() != text
    #expect(Bech32.encode(hrp: decoded.hrp, data: decoded.data, uppercase: uppercase) == text)
  }

  // Invalid strings from BIP 173, and mixed case.
  @Test(arguments: [
    ("pzry9x0s0muk", Bech32.Defect.missingSeparator),
    ("1pzry9x0s0muk", .emptyHumanReadablePart),
    ("x1b4n0q5v", .invalidDataCharacter("b")),
    ("li1dgmt3", .tooShortForChecksum),
    ("A1G7SGD8", .invalidChecksum),
    ("10a06t8", .emptyHumanReadablePart),
    ("A12uEL5L", .mixedCase),
    ("a12uel5m", .invalidChecksum),
  ])
  func rejectsInvalidStrings(text: String, defect: Bech32.Defect) {
    #expect(throws: defect) { _ = try Bech32.decode(text) }
  }

  @Test func rejectsNonZeroPadding() throws {
    // Three data characters carry 15 bits: one byte and 7 bits of padding,
    // which must all be zero. "qqp" leaves a 1 in the padding.
    let valid = Bech32.encode(hrp: "age", data: [0])
    #expect(try Bech32.decode(valid).data == [0])
    let hrp = Array("age".utf8)
    var values: [UInt8] = [0, 0, 1]
    values += Self.checksum(hrp: hrp, values: values)
    let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    let text = "age1" + String(decoding: values.map { charset[Int($0)] }, as: UTF8.self)
    #expect(throws: Bech32.Defect.invalidPadding) { _ = try Bech32.decode(text) }
  }

  @Test func roundTripsRandomData() throws {
    for length in [0, 1, 5, 31, 32, 33, 64, 200] {
      let data = try SecureRandom.bytes(count: length)
      let text = Bech32.encode(hrp: "AGE-SECRET-KEY-", data: data, uppercase: true)
      #expect(text == text.uppercased())
      let decoded = try Bech32.decode(text)
      #expect(decoded.hrp == "AGE-SECRET-KEY-")
      #expect(decoded.data == data)
    }
  }

  /// Computes a BIP 173 checksum independently of `Bech32`, for building
  /// strings with a chosen data part.
  static func checksum(hrp: [UInt8], values: [UInt8]) -> [UInt8] {
    let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
    var check: UInt32 = 1
    let expanded = hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 } + values + [0, 0, 0, 0, 0, 0]
    for value in expanded {
      let top = check >> 25
      check = (check & 0x1ff_ffff) << 5 ^ UInt32(value)
      for bit in 0..<5 where (top >> UInt32(bit)) & 1 == 1 { check ^= generator[bit] }
    }
    check ^= 1
    return (0..<6).map { UInt8(check >> UInt32(5 * (5 - $0)) & 31) }
  }
}
