/// The offsets where a file's parts start: after the preamble and `DICM` of a Part 10
/// file (PS3.10 section 7.1), or at byte 0 for a raw data set.
struct Part10Layout {
  var hasPreamble: Bool
  var hasMeta: Bool
  var metaStart: Int

  static func detect(source: ByteSource, path: String) throws -> Part10Layout {
    let dicm: [UInt8] = [0x44, 0x49, 0x43, 0x4D]
    if source.size >= 132 {
      let prefix = try source.bytes(at: 128, count: 4)
      if UnsafeRawBufferPointer(start: prefix, count: 4).elementsEqual(dicm) {
        return Part10Layout(hasPreamble: true, hasMeta: true, metaStart: 132)
      }
    }
    guard source.size >= 8 else {
      throw DICOMError.notDICOM(path: path, reason: "the file has only \(source.size) bytes")
    }
    let start = try source.bytes(at: 0, count: 8)
    let head = UnsafeRawBufferPointer(start: start, count: 8)
    if head.prefix(4).elementsEqual(dicm) {
      return Part10Layout(hasPreamble: false, hasMeta: true, metaStart: 4)
    }
    if head[0] == 0x02 && head[1] == 0x00 {
      return Part10Layout(hasPreamble: false, hasMeta: true, metaStart: 0)
    }
    return Part10Layout(hasPreamble: false, hasMeta: false, metaStart: 0)
  }
}

extension DICOMReader {
  /// Picks the transfer syntax of the data set that starts at `start`:
  /// the one the meta group declares, corrected when the first element is
  /// plainly encoded otherwise, or the one the first element shows.
  func chooseSyntax(
    meta: DataSet, source: ByteSource, start: Int, path: String,
    parser: inout DataSetParser
  ) throws -> TransferSyntax {
    let detected = try Self.sniff(source: source, at: start)
    guard let uid = meta.string(Tag(0x0002_0010)), !uid.isEmpty else {
      guard let detected else {
        if !meta.isEmpty || start >= source.size { return .explicitVRLittleEndian }
        throw DICOMError.notDICOM(
          path: path, reason: "no DICM prefix, no meta group, and no data element at byte 0")
      }
      let syntax = Self.syntax(for: detected)
      parser.warnings.append(DICOMWarning(.transferSyntaxSniffed(syntax.uid), offset: start))
      return syntax
    }
    let declared = TransferSyntax(uid: uid)
    if !declared.isStandard {
      parser.warnings.append(DICOMWarning(.unknownTransferSyntax(uid), offset: start))
    }
    guard !declared.isDeflated, let detected else { return declared }
    let declaredEncoding = Encoding(
      isExplicitVR: declared.isExplicitVR, isLittleEndian: declared.isLittleEndian)
    guard detected != declaredEncoding else { return declared }
    let name = Self.syntax(for: detected).uid
    parser.warnings.append(
      DICOMWarning(.transferSyntaxMismatch(declared: declared.uid, detected: name), offset: start))
    return TransferSyntax(
      uid: declared.uid, isExplicitVR: detected.isExplicitVR,
      isLittleEndian: detected.isLittleEndian, isEncapsulated: declared.isEncapsulated)
  }

  static func syntax(for encoding: Encoding) -> TransferSyntax {
    switch (encoding.isExplicitVR, encoding.isLittleEndian) {
    case (false, _): return .implicitVRLittleEndian
    case (true, true): return .explicitVRLittleEndian
    case (true, false): return .explicitVRBigEndian
    }
  }

  /// Guesses the encoding from the first element header: the byte order
  /// from which half of the group number is zero, explicit VR when bytes
  /// 4 and 5 name a VR. Returns nil when the bytes do not look like an
  /// element (an unknown tag with a length past the end of the file).
  static func sniff(source: ByteSource, at start: Int) throws -> Encoding? {
    guard source.size - start >= 8 else { return nil }
    let pointer = try source.bytes(at: start, count: 8)
    let bytes = UnsafeRawBufferPointer(start: pointer, count: 8)
    let little = !(bytes[0] == 0 && bytes[1] != 0)
    if VR(first: bytes[4], second: bytes[5]) != nil {
      return Encoding(isExplicitVR: true, isLittleEndian: little)
    }
    let tag = readTag(pointer, true)
    let length = readUInt32(pointer, 4, true)
    let known = tag.isGroupLength || DataDictionary.entry(for: tag) != nil
    let fits = length == DataElement.undefinedLength || Int(length) <= source.size - start - 8
    guard known && fits && tag.group >= 0x0002 else { return nil }
    return .implicitLittle
  }
}
