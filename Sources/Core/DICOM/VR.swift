/// A DICOM value representation (PS3.5 section 6.2), stored as its two
/// ASCII characters so that reading one from a file is a comparison. The
/// cases keep the standard's upper-case names.
// swift-format-ignore: AlwaysUseLowerCamelCase
public enum VR: UInt16, CaseIterable, Sendable, CustomStringConvertible {
  case AE = 0x4145
  case AS = 0x4153
  case AT = 0x4154
  case CS = 0x4353
  case DA = 0x4441
  case DS = 0x4453
  case DT = 0x4454
  case FD = 0x4644
  case FL = 0x464C
  case IS = 0x4953
  case LO = 0x4C4F
  case LT = 0x4C54
  case OB = 0x4F42
  case OD = 0x4F44
  case OF = 0x4F46
  case OL = 0x4F4C
  case OV = 0x4F56
  case OW = 0x4F57
  case PN = 0x504E
  case SH = 0x5348
  case SL = 0x534C
  case SQ = 0x5351
  case SS = 0x5353
  case ST = 0x5354
  case SV = 0x5356
  case TM = 0x544D
  case UC = 0x5543
  case UI = 0x5549
  case UL = 0x554C
  case UN = 0x554E
  case UR = 0x5552
  case US = 0x5553
  case UT = 0x5554
  case UV = 0x5556

  /// Reads a VR from its two bytes; nil when they name no VR.
  @inline(__always)
  public init?(first: UInt8, second: UInt8) {
    self.init(rawValue: UInt16(first) << 8 | UInt16(second))
  }

  /// Parses a VR name such as `"PN"`.
  public init?(name: String) {
    let bytes = Array(name.utf8)
    guard bytes.count == 2 else { return nil }
    self.init(first: bytes[0], second: bytes[1])
  }

  public var description: String {
    String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], as: UTF8.self)
  }

  /// True when explicit VR encoding gives this VR two reserved bytes and a
  /// 32-bit length (PS3.5 table 7.1-1) instead of a 16-bit length.
  public var hasLongLength: Bool {
    switch self {
    case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV: return true
    default: return false
    }
  }

  /// True for VRs whose value is character data.
  public var isText: Bool {
    switch self {
    case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR,
      .UT:
      return true
    default: return false
    }
  }

  /// True for text VRs that use the Specific Character Set (PS3.5
  /// section 6.1.2.3); the others are restricted to the default repertoire.
  public var usesCharacterSet: Bool {
    switch self {
    case .LO, .LT, .PN, .SH, .ST, .UC, .UT: return true
    default: return false
    }
  }

  /// True for text VRs that hold one value, in which a backslash is an
  /// ordinary character (PS3.5 table 6.2-1).
  public var isSingleValuedText: Bool {
    switch self {
    case .LT, .ST, .UR, .UT: return true
    default: return false
    }
  }

  /// True for the VRs the DICOM JSON model encodes as InlineBinary.
  public var isBulk: Bool {
    switch self {
    case .OB, .OD, .OF, .OL, .OV, .OW, .UN: return true
    default: return false
    }
  }

  /// The size of one binary value, or nil for text, bulk and sequences.
  public var binaryWidth: Int? {
    switch self {
    case .US, .SS: return 2
    case .UL, .SL, .FL, .AT: return 4
    case .FD, .SV, .UV: return 8
    default: return nil
    }
  }

  /// The width of the byte-swapping unit for big endian data (PS3.5
  /// section 7.3): 1 for text and OB, else the size of one number.
  public var swapWidth: Int {
    switch self {
    case .US, .SS, .OW, .AT: return 2
    case .UL, .SL, .FL, .OF, .OL: return 4
    case .FD, .OD, .SV, .UV, .OV: return 8
    default: return 1
    }
  }
}
