/// The decoded header of one element: tag, VR, value length and the size
/// of the header itself (8 or 12 bytes, PS3.5 section 7.1).
struct ElementHeader {
  var tag: Tag
  var vr: VR
  var length: UInt32
  var size: Int
  /// False when the VR came from the dictionary (implicit VR encoding).
  var isExplicit: Bool
}

/// The encoding rules of one level of a data set: explicit or implicit VR
/// and the byte order.
struct Encoding: Equatable {
  var isExplicitVR: Bool
  var isLittleEndian: Bool

  static let implicitLittle = Encoding(isExplicitVR: false, isLittleEndian: true)
  static let explicitLittle = Encoding(isExplicitVR: true, isLittleEndian: true)
}

@inline(__always)
func readUInt16(_ pointer: UnsafeRawPointer, _ offset: Int, _ little: Bool) -> UInt16 {
  let raw = pointer.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
  return little ? UInt16(littleEndian: raw) : UInt16(bigEndian: raw)
}

@inline(__always)
func readUInt32(_ pointer: UnsafeRawPointer, _ offset: Int, _ little: Bool) -> UInt32 {
  let raw = pointer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
  return little ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
}

@inline(__always)
func readTag(_ pointer: UnsafeRawPointer, _ little: Bool) -> Tag {
  Tag(group: readUInt16(pointer, 0, little), element: readUInt16(pointer, 2, little))
}

@inline(__always)
func isUpperLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
