/// One binary numeric value (US, SS, UL, SL, SV, UV, FL, FD, and the
/// OB/OW/OL/OV/OF/OD words), kept in its own kind so no value is rounded.
public enum DICOMNumber: Sendable, Equatable, CustomStringConvertible {
  case signed(Int64)
  case unsigned(UInt64)
  case float(Double)

  /// The value as an integer; nil for fractions and values out of range.
  public var integer: Int? {
    switch self {
    case .signed(let value): return Int(exactly: value)
    case .unsigned(let value): return Int(exactly: value)
    case .float(let value): return value.rounded() == value ? Int(exactly: value) : nil
    }
  }

  public var double: Double {
    switch self {
    case .signed(let value): return Double(value)
    case .unsigned(let value): return Double(value)
    case .float(let value): return value
    }
  }

  public var description: String {
    switch self {
    case .signed(let value): return String(value)
    case .unsigned(let value): return String(value)
    case .float(let value): return String(value)
    }
  }
}

extension DataSet {
  /// Returns the binary values of an element in the data set's byte order;
  /// nil when its VR is not a binary number. A trailing partial value is
  /// ignored.
  public func numbers(of element: DataElement) -> [DICOMNumber]? {
    let width: Int
    switch element.vr {
    case .US, .SS, .UL, .SL, .SV, .UV, .FL, .FD: width = element.vr.binaryWidth!
    case .OW: width = 2
    case .OL, .OF: width = 4
    case .OV, .OD: width = 8
    default: return nil
    }
    let little = isLittleEndian
    let vr = element.vr
    return withValueBytes(element) { bytes in
      var result: [DICOMNumber] = []
      result.reserveCapacity(bytes.count / width)
      var offset = 0
      while offset + width <= bytes.count {
        result.append(DataSet.number(bytes.baseAddress! + offset, vr: vr, little: little))
        offset += width
      }
      return result
    }
  }

  /// Returns the binary numbers of `tag`.
  public func numbers(_ tag: Tag) -> [DICOMNumber] {
    element(tag).flatMap { numbers(of: $0) } ?? []
  }

  private static func number(_ pointer: UnsafeRawPointer, vr: VR, little: Bool) -> DICOMNumber {
    switch vr {
    case .US, .OW: return .unsigned(UInt64(readUInt16(pointer, 0, little)))
    case .SS: return .signed(Int64(Int16(bitPattern: readUInt16(pointer, 0, little))))
    case .UL, .OL: return .unsigned(UInt64(readUInt32(pointer, 0, little)))
    case .SL: return .signed(Int64(Int32(bitPattern: readUInt32(pointer, 0, little))))
    case .FL, .OF: return .float(Double(Float(bitPattern: readUInt32(pointer, 0, little))))
    case .UV, .OV: return .unsigned(readUInt64(pointer, little))
    case .SV: return .signed(Int64(bitPattern: readUInt64(pointer, little)))
    default: return .float(Double(bitPattern: readUInt64(pointer, little)))
    }
  }
}

@inline(__always)
func readUInt64(_ pointer: UnsafeRawPointer, _ little: Bool) -> UInt64 {
  let raw = pointer.loadUnaligned(as: UInt64.self)
  return little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw)
}
