/// Parses data elements from a `ByteSource`, recursively through
/// sequences. Every length is checked against the bytes that remain in the
/// enclosing item and in the file before anything is read or allocated.
/// On an error the elements read so far stay in the output arrays, so a
/// caller can keep them.
struct DataSetParser {
  let source: ByteSource
  let options: DICOMReadOptions
  let stopTag: Tag?
  /// The bytes of every loaded value, shared by all the data sets built
  /// from this parse.
  var storage: [UInt8] = []
  var warnings: [DICOMWarning] = []
  /// True once a stop condition (Pixel Data, requested tags) ended the
  /// parse early.
  var stopped = false
  /// (0028,0103) Pixel Representation, which picks US or SS for the
  /// elements whose VR the registry leaves open.
  var pixelRepresentation: UInt16 = 0

  init(source: ByteSource, options: DICOMReadOptions) {
    self.source = source
    self.options = options
    self.stopTag = options.lastRequestedTag
  }

  /// The kind of element list being parsed, which decides what ends it
  /// besides its end offset.
  enum Context {
    /// The top level of the data set.
    case topLevel
    /// The meta group, which ends at the first tag outside group 0002.
    case metaGroup
    /// An item of undefined length, which ends at an Item Delimitation.
    case delimitedItem
    /// An item of defined length.
    case item
  }

  /// Parses elements from `start` up to `end` and returns the offset after
  /// the last one consumed.
  mutating func parseElements(
    from start: Int, to end: Int, context: Context, depth: Int, encoding: Encoding,
    into elements: inout [DataElement]
  ) throws -> Int {
    var position = start
    var groupLength: GroupLengthState? = nil
    while true {
      if let finished = try endOfList(at: position, end: end, context: context) {
        checkGroupLength(&groupLength, at: position, group: nil)
        return finished
      }
      let header = try readHeader(at: position, end: end, encoding: encoding)
      let tag = header.tag
      if tag.group == 0xFFFE {
        return try handleDelimiter(header, at: position, context: context)
      }
      if depth == 0 && shouldStop(before: tag) {
        stopped = true
        return position
      }
      if context != .item && context != .delimitedItem {
        checkGroupLength(&groupLength, at: position, group: tag.group)
      }

      let valueStart = position + header.size
      let element = try parseValue(
        header, at: position, valueStart: valueStart, end: end, depth: depth,
        encoding: encoding, into: &elements)
      if tag.isGroupLength && header.length == 4 && depth == 0 {
        let declared = integerValue(element, encoding.isLittleEndian)
        groupLength = GroupLengthState(group: tag.group, declared: declared, start: valueStart + 4)
      }
      if tag == Tag(0x0028_0103) {
        pixelRepresentation = UInt16(
          truncatingIfNeeded: integerValue(element, encoding.isLittleEndian))
      }
      elements.append(element)
      position =
        element.hasUndefinedLength || element.items != nil
        ? lastEnd : valueStart + Int(header.length)
    }
  }

  /// Returns the offset where a list of elements ends when no element
  /// starts at `position`, or nil when one does. Fewer than 8 bytes are
  /// trailing padding at the top level and a truncation anywhere else.
  private mutating func endOfList(at position: Int, end: Int, context: Context) throws -> Int? {
    let remaining = end - position
    if remaining <= 0 {
      if context == .delimitedItem {
        throw missingBytes(at: position, tag: nil, needed: 8, end: end)
      }
      return position
    }
    if context == .metaGroup && (remaining < 8 || !isMetaGroup(at: position)) {
      return position
    }
    guard remaining < 8 else { return nil }
    guard context == .topLevel else {
      throw missingBytes(at: position, tag: nil, needed: 8, end: end)
    }
    try checkTrailingBytes(at: position, count: remaining)
    return end
  }

  /// The offset after the last sequence or encapsulated value parsed.
  var lastEnd = 0

  private mutating func parseValue(
    _ header: ElementHeader, at position: Int, valueStart: Int, end: Int, depth: Int,
    encoding: Encoding, into elements: inout [DataElement]
  ) throws -> DataElement {
    var header = header
    let undefined = header.length == DataElement.undefinedLength

    if header.vr == .UN && header.isExplicit, let known = DataDictionary.entry(for: header.tag),
      let knownVR = known.vr, knownVR != .UN, !undefined
    {
      // PS3.5 section 6.2.2: a UN element whose tag is known is decoded
      // with the registry's VR; a sequence inside is implicit VR LE.
      header.vr = knownVR
      if knownVR == .SQ {
        return try parseSequenceElement(
          header, at: position, valueStart: valueStart, end: end, depth: depth,
          encoding: .implicitLittle, into: &elements)
      }
    }
    if header.vr == .UN && header.tag.isPrivateCreator && !undefined {
      header.vr = .LO  // PS3.5 section 7.8.1: private creators are LO.
    }
    if header.vr == .SQ {
      return try parseSequenceElement(
        header, at: position, valueStart: valueStart, end: end, depth: depth,
        encoding: encoding, into: &elements)
    }
    if undefined {
      if header.tag == Tag(0x7FE0_0010) || header.vr == .OB || header.vr == .OW {
        lastEnd = try skipFragments(from: valueStart, end: end, tag: header.tag, encoding: encoding)
        // PS3.5 section A.4: encapsulated Pixel Data is OB, also when an
        // implicit VR reader took OW from the registry.
        let vr: VR = header.isExplicit ? header.vr : .OB
        return DataElement(tag: header.tag, vr: vr, length: header.length, offset: position)
      }
      // CP-246: a UN (or unknown) element of undefined length contains an
      // implicit VR little endian sequence.
      if header.vr != .UN {
        warnings.append(
          DICOMWarning(.undefinedLengthNonSequence(header.vr), offset: position, tag: header.tag))
      }
      header.vr = .SQ
      return try parseSequenceElement(
        header, at: position, valueStart: valueStart, end: end, depth: depth,
        encoding: .implicitLittle, into: &elements)
    }

    let length = Int(header.length)
    guard length <= end - valueStart else {
      throw invalidLength(header, at: position, valueStart: valueStart, end: end)
    }
    if length & 1 == 1 {
      warnings.append(DICOMWarning(.oddLength(header.length), offset: position, tag: header.tag))
    }
    if header.vr.isBulk && length > options.bulkThreshold && !options.loadBulkData {
      return DataElement(tag: header.tag, vr: header.vr, length: header.length, offset: position)
    }
    let start = storage.count
    if length > 0 {
      let pointer = try source.bytes(at: valueStart, count: length)
      storage.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length))
    }
    return DataElement(
      tag: header.tag, vr: header.vr, length: header.length, offset: position,
      valueStart: start, valueCount: length)
  }

  private mutating func parseSequenceElement(
    _ header: ElementHeader, at position: Int, valueStart: Int, end: Int, depth: Int,
    encoding: Encoding, into elements: inout [DataElement]
  ) throws -> DataElement {
    guard depth < options.maxDepth else {
      throw DICOMError.nestingTooDeep(offset: position, tag: header.tag, depth: options.maxDepth)
    }
    var sequenceEnd = end
    var truncation: DICOMError? = nil
    if header.length != DataElement.undefinedLength {
      if Int(header.length) > end - valueStart {
        // A sequence cut short by the end of the file keeps the items
        // that are complete; anything else is a bad length.
        truncation = invalidLength(header, at: position, valueStart: valueStart, end: end)
        guard case .truncated = truncation else { throw truncation! }
      } else {
        sequenceEnd = valueStart + Int(header.length)
      }
    }
    var items: [[DataElement]] = []
    do {
      lastEnd = try parseItems(
        from: valueStart, to: sequenceEnd, delimited: header.length == DataElement.undefinedLength,
        depth: depth + 1, encoding: encoding, into: &items)
      if let truncation { throw truncation }
    } catch {
      elements.append(
        DataElement(tag: header.tag, vr: .SQ, length: header.length, offset: position, items: items)
      )
      throw error
    }
    return DataElement(
      tag: header.tag, vr: .SQ, length: header.length, offset: position, items: items)
  }

  private mutating func parseItems(
    from start: Int, to end: Int, delimited: Bool, depth: Int, encoding: Encoding,
    into items: inout [[DataElement]]
  ) throws -> Int {
    var position = start
    while true {
      if position >= end && !delimited { return position }
      guard end - position >= 8 else {
        throw missingBytes(at: position, tag: nil, needed: 8, end: end)
      }
      let pointer = try source.bytes(at: position, count: 8)
      let tag = readTag(pointer, encoding.isLittleEndian)
      let length = readUInt32(pointer, 4, encoding.isLittleEndian)
      if tag == .sequenceDelimitation { return position + 8 }
      guard tag == .item else {
        throw DICOMError.unexpectedTag(offset: position, tag: tag, expected: "an item (FFFE,E000)")
      }
      var item: [DataElement] = []
      let itemStart = position + 8
      do {
        if length == DataElement.undefinedLength {
          position = try parseElements(
            from: itemStart, to: end, context: .delimitedItem, depth: depth, encoding: encoding,
            into: &item)
        } else {
          var itemEnd = itemStart + Int(length)
          var truncation: DICOMError? = nil
          if Int(length) > end - itemStart {
            let header = ElementHeader(
              tag: tag, vr: .SQ, length: length, size: 8, isExplicit: false)
            truncation = invalidLength(header, at: position, valueStart: itemStart, end: end)
            guard case .truncated = truncation else { throw truncation! }
            itemEnd = end
          }
          position = try parseElements(
            from: itemStart, to: itemEnd, context: .item, depth: depth,
            encoding: encoding, into: &item)
          if let truncation { throw truncation }
        }
      } catch {
        items.append(item)
        throw error
      }
      items.append(item)
    }
  }

  /// Skips the items of an encapsulated value (PS3.5 section A.4) without
  /// reading their content, and returns the offset after its delimiter.
  private func skipFragments(from start: Int, end: Int, tag: Tag, encoding: Encoding) throws -> Int
  {
    var position = start
    while true {
      guard end - position >= 8 else {
        throw missingBytes(at: position, tag: tag, needed: 8, end: end)
      }
      let pointer = try source.bytes(at: position, count: 8)
      let itemTag = readTag(pointer, encoding.isLittleEndian)
      let length = readUInt32(pointer, 4, encoding.isLittleEndian)
      if itemTag == .sequenceDelimitation { return position + 8 }
      guard itemTag == .item, length != DataElement.undefinedLength else {
        throw DICOMError.unexpectedTag(
          offset: position, tag: itemTag, expected: "a fragment item (FFFE,E000)")
      }
      guard Int(length) <= end - position - 8 else {
        let header = ElementHeader(
          tag: itemTag, vr: .OB, length: length, size: 8, isExplicit: false)
        throw invalidLength(header, at: position, valueStart: position + 8, end: end)
      }
      position += 8 + Int(length)
    }
  }
}
