/// Turns the bytes of a text value into a String under a Specific
/// Character Set. Bytes that map to no character become U+FFFD.
extension SpecificCharacterSet {
  /// Decodes `bytes`. For ISO 2022 the designations return to the initial
  /// state at each value delimiter and control character, and in person
  /// names also at `^` and `=` (PS3.5 section 6.1.2.5.3).
  public func decode(_ bytes: UnsafeRawBufferPointer, isPersonName: Bool = false) -> String {
    if encoding == .utf8 || bytes.allSatisfy({ $0 < 0x80 }) && encoding != .iso2022 {
      return String(decoding: bytes, as: UTF8.self)
    }
    var scalars = String.UnicodeScalarView()
    switch encoding {
    case .single: decodeSingle(bytes, into: &scalars)
    case .gb18030, .gbk: decodeGB(bytes, into: &scalars)
    case .iso2022, .utf8: decodeISO2022(bytes, isPersonName: isPersonName, into: &scalars)
    }
    return String(scalars)
  }

  public func decode(_ bytes: [UInt8], isPersonName: Bool = false) -> String {
    bytes.withUnsafeBytes { decode($0, isPersonName: isPersonName) }
  }

  private func decodeSingle(
    _ bytes: UnsafeRawBufferPointer, into scalars: inout String.UnicodeScalarView
  ) {
    for byte in bytes {
      scalars.append(single(byte, g1: initialState.g1))
    }
  }

  func single(_ byte: UInt8, g1: CodeElement?) -> Unicode.Scalar {
    guard byte >= 0x80 else { return Unicode.Scalar(byte) }
    switch g1 {
    case .latin(let index)? where byte >= 0xA0:
      return scalar(CharacterTables.latin[index * 96 + Int(byte - 0xA0)])
    case .jisKatakana? where byte >= 0xA1 && byte <= 0xDF:
      return Unicode.Scalar(0xFF61 + UInt32(byte - 0xA1)) ?? replacement
    default:
      return replacement
    }
  }

  private var replacement: Unicode.Scalar { "\u{FFFD}" }

  private func scalar(_ unit: UInt16) -> Unicode.Scalar {
    Unicode.Scalar(unit) ?? replacement
  }

  private func decodeGB(
    _ bytes: UnsafeRawBufferPointer, into scalars: inout String.UnicodeScalarView
  ) {
    let table = encoding == .gbk ? CharacterTables.gbk : CharacterTables.gb18030
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        scalars.append(Unicode.Scalar(lead))
        index += 1
        continue
      }
      guard lead != 0x80, lead != 0xFF, index + 1 < bytes.count else {
        scalars.append(replacement)
        index += 1
        continue
      }
      let second = bytes[index + 1]
      if encoding == .gb18030, (0x30...0x39).contains(second), index + 3 < bytes.count,
        (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3])
      {
        let decoded = CharacterTables.gb18030FourByte(
          lead, second, bytes[index + 2], bytes[index + 3])
        scalars.append(decoded ?? replacement)
        index += 4
        continue
      }
      guard second >= 0x40, second != 0x7F, second != 0xFF else {
        scalars.append(replacement)
        index += 1
        continue
      }
      scalars.append(scalar(table[Int(lead - 0x81) * 191 + Int(second - 0x40)]))
      index += 2
    }
  }
}
