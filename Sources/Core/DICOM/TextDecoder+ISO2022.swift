extension SpecificCharacterSet {
  /// Decodes ISO 2022 text: escape sequences switch G0 and G1, G0 bytes
  /// are 0x21-0x7E and G1 bytes 0xA1-0xFE, one or two per character as
  /// the designated set defines.
  func decodeISO2022(
    _ bytes: UnsafeRawBufferPointer, isPersonName: Bool,
    into scalars: inout String.UnicodeScalarView
  ) {
    var state = initialState
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B, let (element, length) = CodeElement.escape(bytes, at: index) {
        state.designate([element])
        index += length
        continue
      }
      if byte < 0x80 {
        index += decodeG0(
          bytes, at: index, state: &state, isPersonName: isPersonName, into: &scalars)
      } else {
        index += decodeG1(bytes, at: index, g1: state.g1, into: &scalars)
      }
    }
  }

  private func decodeG0(
    _ bytes: UnsafeRawBufferPointer, at index: Int, state: inout CodeState, isPersonName: Bool,
    into scalars: inout String.UnicodeScalarView
  ) -> Int {
    let byte = bytes[index]
    switch state.g0 {
    case .jisX0208, .jisX0212:
      guard byte >= 0x21, byte <= 0x7E, index + 1 < bytes.count,
        (0x21...0x7E).contains(bytes[index + 1])
      else {
        scalars.append(Unicode.Scalar(byte))
        return 1
      }
      let table = state.g0 == .jisX0208 ? CharacterTables.jisX0208 : CharacterTables.jisX0212
      let cell = Int(byte - 0x21) * 94 + Int(bytes[index + 1] - 0x21)
      scalars.append(Unicode.Scalar(table[cell]) ?? "\u{FFFD}")
      return 2
    default:
      scalars.append(Unicode.Scalar(byte))
      if isDelimiter(byte, isPersonName: isPersonName) { state = initialState }
      return 1
    }
  }

  private func isDelimiter(_ byte: UInt8, isPersonName: Bool) -> Bool {
    switch byte {
    case 0x5C, 0x0D, 0x0A, 0x09, 0x0C: return true
    case 0x5E, 0x3D: return isPersonName
    default: return false
    }
  }

  private func decodeG1(
    _ bytes: UnsafeRawBufferPointer, at index: Int, g1: CodeElement?,
    into scalars: inout String.UnicodeScalarView
  ) -> Int {
    let byte = bytes[index]
    switch g1 {
    case .ksX1001?, .gb2312?:
      guard byte >= 0xA1, byte <= 0xFE, index + 1 < bytes.count,
        (0xA1...0xFE).contains(bytes[index + 1])
      else {
        scalars.append("\u{FFFD}")
        return 1
      }
      let second = bytes[index + 1]
      let unit: UInt16
      if g1 == .ksX1001 {
        unit = CharacterTables.ksX1001[Int(byte - 0xA1) * 94 + Int(second - 0xA1)]
      } else {
        unit = CharacterTables.gb18030[Int(byte - 0x81) * 191 + Int(second - 0x40)]
      }
      scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
      return 2
    default:
      scalars.append(single(byte, g1: g1))
      return 1
    }
  }
}
