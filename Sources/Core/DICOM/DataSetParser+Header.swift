/// A group length element seen at the top level: its group, the length it
/// declares, and the offset where the group's other elements start.
struct GroupLengthState {
  var group: UInt16
  var declared: UInt32
  var start: Int
}

extension DataSetParser {
  /// Reads the element header at `position`. In explicit VR data an
  /// element whose VR bytes are not letters is read as implicit VR, which
  /// some writers do for private elements.
  mutating func readHeader(at position: Int, end: Int, encoding: Encoding) throws -> ElementHeader {
    let little = encoding.isLittleEndian
    let pointer = try source.bytes(at: position, count: 8)
    let tag = readTag(pointer, little)
    if tag.group == 0xFFFE || !encoding.isExplicitVR {
      return implicitHeader(tag, length: readUInt32(pointer, 4, little))
    }
    let first = pointer.load(fromByteOffset: 4, as: UInt8.self)
    let second = pointer.load(fromByteOffset: 5, as: UInt8.self)
    if let vr = VR(first: first, second: second) {
      guard vr.hasLongLength else {
        return ElementHeader(
          tag: tag, vr: vr, length: UInt32(readUInt16(pointer, 6, little)), size: 8,
          isExplicit: true)
      }
      return try longHeader(tag, vr: vr, at: position, end: end, little: little)
    }
    if isUpperLetter(first) && isUpperLetter(second) {
      let text = String(decoding: [first, second], as: UTF8.self)
      warnings.append(DICOMWarning(.invalidVR(text), offset: position, tag: tag))
      let reserved = readUInt16(pointer, 6, little)
      if reserved == 0 {
        return try longHeader(tag, vr: .UN, at: position, end: end, little: little)
      }
      return ElementHeader(tag: tag, vr: .UN, length: UInt32(reserved), size: 8, isExplicit: true)
    }
    warnings.append(DICOMWarning(.implicitElementInExplicitData, offset: position, tag: tag))
    return implicitHeader(tag, length: readUInt32(pointer, 4, little))
  }

  private func longHeader(
    _ tag: Tag, vr: VR, at position: Int, end: Int, little: Bool
  ) throws -> ElementHeader {
    guard end - position >= 12 else {
      throw missingBytes(at: position, tag: tag, needed: 12, end: end)
    }
    let pointer = try source.bytes(at: position, count: 12)
    return ElementHeader(
      tag: tag, vr: vr, length: readUInt32(pointer, 8, little), size: 12, isExplicit: true)
  }

  private func implicitHeader(_ tag: Tag, length: UInt32) -> ElementHeader {
    ElementHeader(tag: tag, vr: impliedVR(tag), length: length, size: 8, isExplicit: false)
  }

  /// Returns the VR of an implicit VR element, with the registry's alternatives
  /// resolved as PS3.5 annex A.1 and PS3.3 C.7.6.3.1.4 describe: SS for
  /// pixel values when Pixel Representation is 1, OW for pixel data.
  func impliedVR(_ tag: Tag) -> VR {
    if tag.isGroupLength { return .UL }
    if tag.isPrivateCreator { return .LO }
    if tag.isPrivate || tag.group == 0xFFFE { return .UN }
    guard let entry = DataDictionary.entry(for: tag), let vr = entry.vr else { return .UN }
    guard entry.allowedVRs.count > 1 else { return vr }
    if entry.allowedVRs.contains(.OW) && !entry.allowedVRs.contains(.SS) { return .OW }
    if entry.allowedVRs.contains(.SS) && pixelRepresentation == 1 { return .SS }
    return vr
  }

  /// Handles an item or delimiter tag met in a list of elements: returns
  /// the offset where the list ends, or throws when the tag has no place
  /// there.
  mutating func handleDelimiter(
    _ header: ElementHeader, at position: Int, context: Context
  ) throws -> Int {
    switch (header.tag, context) {
    case (.itemDelimitation, .delimitedItem):
      return position + 8
    case (.sequenceDelimitation, .delimitedItem):
      // The item delimiter is missing; let the sequence consume this one.
      warnings.append(DICOMWarning(.strayDelimiter, offset: position, tag: header.tag))
      return position
    case (.itemDelimitation, _), (.sequenceDelimitation, _):
      throw DICOMError.unexpectedTag(
        offset: position, tag: header.tag, expected: "a data element")
    default:
      throw DICOMError.unexpectedTag(
        offset: position, tag: header.tag, expected: "a data element, not an item")
    }
  }

  /// True when the element at `position` belongs to group 0002, which the
  /// meta group always encodes little endian.
  func isMetaGroup(at position: Int) -> Bool {
    guard let pointer = try? source.bytes(at: position, count: 2) else { return false }
    return readUInt16(pointer, 0, true) == 0x0002
  }

  func shouldStop(before tag: Tag) -> Bool {
    if options.stopBeforePixelData && tag.rawValue >= 0x7FE0_0008 { return true }
    if let stopTag, tag > stopTag { return true }
    return false
  }

  /// Compares a group length with the bytes its group took, once the group
  /// ends (`group` differs or is nil), and warns when they differ.
  mutating func checkGroupLength(
    _ state: inout GroupLengthState?, at position: Int, group: UInt16?
  ) {
    guard let current = state, group != current.group else { return }
    let actual = position - current.start
    if Int(current.declared) != actual {
      warnings.append(
        DICOMWarning(
          .wrongGroupLength(declared: current.declared, actual: actual), offset: current.start - 12,
          tag: Tag(group: current.group, element: 0)))
    }
    state = nil
  }

  /// Accepts fewer than 8 bytes at the end of the data set when they are
  /// all zero (padding), and otherwise reports a truncated element.
  mutating func checkTrailingBytes(at position: Int, count: Int) throws {
    let pointer = try source.bytes(at: position, count: count)
    let bytes = UnsafeRawBufferPointer(start: pointer, count: count)
    guard bytes.allSatisfy({ $0 == 0 }) else {
      throw DICOMError.truncated(offset: position, tag: nil, needed: 8, available: count)
    }
    warnings.append(DICOMWarning(.trailingBytes(count), offset: position))
  }

  /// Returns the error for a structure that needs `needed` bytes where fewer
  /// remain: truncation at the end of the file, a bad length otherwise.
  func missingBytes(at position: Int, tag: Tag?, needed: Int, end: Int) -> DICOMError {
    .truncated(offset: position, tag: tag, needed: needed, available: max(0, end - position))
  }

  func invalidLength(
    _ header: ElementHeader, at position: Int, valueStart: Int, end: Int
  ) -> DICOMError {
    let remaining = max(0, end - valueStart)
    if end >= source.size {
      return .truncated(
        offset: position, tag: header.tag, needed: Int(header.length), available: remaining)
    }
    return .invalidLength(
      offset: position, tag: header.tag, length: header.length, remaining: remaining)
  }

  /// Reads a US or UL value just parsed, for group lengths and Pixel
  /// Representation.
  func integerValue(_ element: DataElement, _ little: Bool) -> UInt32 {
    guard element.isValueLoaded else { return 0 }
    let start = element.valueStart
    if element.valueCount >= 4 {
      let bytes = storage[start..<start + 4]
      let raw = bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
      return little ? raw : raw.byteSwapped
    }
    if element.valueCount >= 2 {
      let raw = UInt32(storage[start]) | UInt32(storage[start + 1]) << 8
      return little ? raw : UInt32(UInt16(raw).byteSwapped)
    }
    return 0
  }
}
