/// Typed access to element values. Text is decoded with the data set's
/// Specific Character Set and trimmed as PS3.5 table 6.2-1 specifies for
/// its VR. Numbers are read in the data set's byte order.
extension DataSet {
  /// Returns the first value of `tag` as text, or nil when the element is
  /// missing or empty.
  public func string(_ tag: Tag) -> String? {
    guard let element = element(tag) else { return nil }
    let values = strings(of: element)
    return values.first.flatMap { $0.isEmpty && values.count == 1 ? nil : $0 }
  }

  /// Returns every value of `tag` as text; binary values are formatted.
  public func strings(_ tag: Tag) -> [String] {
    guard let element = element(tag) else { return [] }
    return strings(of: element)
  }

  public func strings(of element: DataElement) -> [String] {
    guard element.vr.isText else {
      if let numbers = numbers(of: element) { return numbers.map(\.description) }
      if element.vr == .AT { return attributeTags(of: element).map(\.description) }
      return []
    }
    let usesCharacterSet = element.vr.usesCharacterSet
    if usesCharacterSet && !characterSet.keepsBackslash {
      return decodedStrings(of: element)
    }
    return withValueBytes(element) { bytes in
      guard bytes.count > 0 else { return [] }
      if element.vr.isSingleValuedText {
        return [decodeTrimmed(bytes, vr: element.vr, usesCharacterSet)]
      }
      var values: [String] = []
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x5C {
        let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        values.append(decodeTrimmed(piece, vr: element.vr, usesCharacterSet))
        start = index + 1
      }
      return values
    }
  }

  /// Decodes one value after removing its padding bytes.
  private func decodeTrimmed(_ bytes: UnsafeRawBufferPointer, vr: VR, _ usesCharacterSet: Bool)
    -> String
  {
    var lower = 0
    var upper = bytes.count
    while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0) { upper -= 1 }
    if vr == .PN { while upper > lower && bytes[upper - 1] == 0x3D { upper -= 1 } }
    if DataSet.trimsLeadingSpaces(vr) { while lower < upper && bytes[lower] == 0x20 { lower += 1 } }
    let piece = UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
    guard usesCharacterSet else { return String(decoding: piece, as: UTF8.self) }
    return characterSet.decode(piece, isPersonName: vr == .PN)
  }

  /// Splits text whose encoding can use the byte 0x5C inside a character
  /// (ISO 2022 multi-byte sets, GBK, GB18030): decodes first, then splits.
  private func decodedStrings(of element: DataElement) -> [String] {
    let text = withValueBytes(element) { characterSet.decode($0, isPersonName: element.vr == .PN) }
    guard !text.isEmpty else { return [] }
    if element.vr.isSingleValuedText { return [DataSet.trim(Substring(text), vr: element.vr)] }
    return text.split(separator: "\\", omittingEmptySubsequences: false).map {
      DataSet.trim($0, vr: element.vr)
    }
  }

  static func trimsLeadingSpaces(_ vr: VR) -> Bool {
    switch vr {
    case .AE, .CS, .DS, .IS, .LO, .SH, .AS, .DA, .TM, .DT, .UI: return true
    default: return false
    }
  }

  /// Removes the padding PS3.5 table 6.2-1 calls insignificant: leading
  /// and trailing spaces for AE, CS, DS, IS, LO and SH, trailing spaces for
  /// the others, trailing NUL bytes everywhere (UI pads with them), and
  /// trailing `=` of person names. Leading spaces of AS, DA, TM, DT and UI
  /// are removed too, although the standard does not allow them there.
  static func trim(_ text: Substring, vr: VR) -> String {
    var slice = text
    while let last = slice.last, last == " " || last == "\0" { slice.removeLast() }
    if vr == .PN {
      // PS3.5 section 6.2.1.1: trailing empty component groups are
      // equivalent to omitted ones.
      while slice.last == "=" { slice.removeLast() }
    }
    if trimsLeadingSpaces(vr) {
      while let first = slice.first, first == " " { slice.removeFirst() }
    }
    return String(slice)
  }

  /// Returns the first value as an integer: binary integers, IS, and DS
  /// values without a fraction.
  public func integer(_ tag: Tag) -> Int? { integers(tag).first }

  public func integers(_ tag: Tag) -> [Int] {
    guard let element = element(tag) else { return [] }
    if let numbers = numbers(of: element) {
      return numbers.compactMap { $0.integer }
    }
    guard element.vr == .IS || element.vr == .DS else { return [] }
    return strings(of: element).compactMap { text in
      if let value = Int(text) { return value }
      if let value = Double(text), value.rounded() == value, abs(value) < 9e18 { return Int(value) }
      return nil
    }
  }

  /// Returns the first value as a floating-point number: binary numbers,
  /// DS and IS.
  public func double(_ tag: Tag) -> Double? { doubles(tag).first }

  public func doubles(_ tag: Tag) -> [Double] {
    guard let element = element(tag) else { return [] }
    if let numbers = numbers(of: element) { return numbers.map(\.double) }
    guard element.vr == .IS || element.vr == .DS else { return [] }
    return strings(of: element).compactMap { Double($0) }
  }

  /// Returns the AS value of `tag` (or any text value shaped like one).
  public func age(_ tag: Tag) -> DICOMAge? { string(tag).flatMap(DICOMAge.init) }

  public func date(_ tag: Tag) -> DICOMDate? { string(tag).flatMap(DICOMDate.init) }

  public func time(_ tag: Tag) -> DICOMTime? { string(tag).flatMap(DICOMTime.init) }

  public func dateTime(_ tag: Tag) -> DICOMDateTime? { string(tag).flatMap(DICOMDateTime.init) }

  public func personName(_ tag: Tag) -> PersonName? { personNames(tag).first }

  public func personNames(_ tag: Tag) -> [PersonName] {
    strings(tag).map(PersonName.init)
  }

  /// Returns the first AT value of `tag`.
  public func attributeTag(_ tag: Tag) -> Tag? {
    element(tag).flatMap { attributeTags(of: $0).first }
  }

  public func attributeTags(of element: DataElement) -> [Tag] {
    guard element.vr == .AT else { return [] }
    return withValueBytes(element) { bytes in
      stride(from: 0, to: bytes.count - 3, by: 4).map { offset in
        let pointer = bytes.baseAddress! + offset
        return Tag(
          group: readUInt16(pointer, 0, isLittleEndian),
          element: readUInt16(pointer, 2, isLittleEndian))
      }
    }
  }
}
