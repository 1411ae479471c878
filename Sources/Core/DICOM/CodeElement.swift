/// A graphic character set that ISO 2022 designates to G0 or G1
/// (PS3.3 tables C.12-3 and C.12-4).
enum CodeElement: Sendable, Equatable {
  case ascii
  /// JIS X 0201 Romaji, decoded as ASCII (it differs only at 0x5C and 0x7E,
  /// and 0x5C is DICOM's value delimiter in every repertoire).
  case jisRoman
  case jisKatakana
  /// An ISO 8859 upper half, by index into `CharacterTables.latinIRs`.
  case latin(Int)
  case jisX0208
  case jisX0212
  case ksX1001
  case gb2312

  var isG0: Bool {
    switch self {
    case .ascii, .jisRoman, .jisX0208, .jisX0212: return true
    default: return false
    }
  }

  /// Returns the sets an ISO IR number designates. IR 13 designates two.
  static func designation(ir: Int) -> [CodeElement]? {
    switch ir {
    case 6: return [.ascii]
    case 13: return [.jisRoman, .jisKatakana]
    case 87: return [.jisX0208]
    case 159: return [.jisX0212]
    case 149: return [.ksX1001]
    case 58: return [.gb2312]
    default: return CharacterTables.latinIndex(ir: ir).map { [.latin($0)] }
    }
  }

  /// Parses the escape sequence that starts at `bytes[start]` (an ESC)
  /// and returns the set it designates and its length.
  static func escape(_ bytes: UnsafeRawBufferPointer, at start: Int) -> (CodeElement, Int)? {
    func byte(_ offset: Int) -> UInt8? {
      start + offset < bytes.count ? bytes[start + offset] : nil
    }
    switch (byte(1), byte(2), byte(3)) {
    case (0x28, 0x42, _): return (.ascii, 3)  // ESC ( B
    case (0x28, 0x4A, _): return (.jisRoman, 3)  // ESC ( J
    case (0x29, 0x49, _): return (.jisKatakana, 3)  // ESC ) I
    case (0x24, 0x42, _), (0x24, 0x40, _): return (.jisX0208, 3)  // ESC $ B, ESC $ @
    case (0x24, 0x28, 0x44): return (.jisX0212, 4)  // ESC $ ( D
    case (0x24, 0x29, 0x43): return (.ksX1001, 4)  // ESC $ ) C
    case (0x24, 0x29, 0x41): return (.gb2312, 4)  // ESC $ ) A
    case (0x2D, let final?, _):
      guard let ir = latinFinals[final], let index = CharacterTables.latinIndex(ir: ir) else {
        return nil
      }
      return (.latin(index), 3)
    default: return nil
    }
  }

  /// The final bytes of `ESC - F` designations of 96-character sets.
  private static let latinFinals: [UInt8: Int] = [
    0x41: 100, 0x42: 101, 0x43: 109, 0x44: 110, 0x4C: 144, 0x47: 127, 0x46: 126,
    0x48: 138, 0x4D: 148, 0x62: 203, 0x54: 166,
  ]
}

/// The sets designated to G0 and G1 at one point of a value.
struct CodeState: Sendable, Equatable {
  var g0: CodeElement
  var g1: CodeElement?

  mutating func designate(_ elements: [CodeElement]) {
    for element in elements {
      if element.isG0 { g0 = element } else { g1 = element }
    }
  }
}
