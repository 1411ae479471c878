/// A parsed data set: its elements in file order and the bytes of their
/// values. Item data sets of sequences share the same storage. A data set
/// is an immutable value, safe to share between threads.
public struct DataSet: Sendable {
  public let elements: [DataElement]
  let storage: [UInt8]
  public let isLittleEndian: Bool
  /// The Specific Character Set that decodes this data set's text.
  public let characterSet: SpecificCharacterSet
  private let isSorted: Bool

  init(
    elements: [DataElement], storage: [UInt8], isLittleEndian: Bool,
    characterSet: SpecificCharacterSet
  ) {
    self.elements = elements
    self.storage = storage
    self.isLittleEndian = isLittleEndian
    self.characterSet = characterSet
    self.isSorted = zip(elements, elements.dropFirst()).allSatisfy { $0.tag < $1.tag }
  }

  /// An empty data set.
  public static let empty = DataSet(
    elements: [], storage: [], isLittleEndian: true, characterSet: .default)

  public var isEmpty: Bool { elements.isEmpty }
  public var count: Int { elements.count }

  /// Returns the element with `tag`, or nil.
  public func element(_ tag: Tag) -> DataElement? {
    guard isSorted else { return elements.first { $0.tag == tag } }
    var low = 0
    var high = elements.count
    while low < high {
      let middle = (low + high) / 2
      if elements[middle].tag < tag { low = middle + 1 } else { high = middle }
    }
    return low < elements.count && elements[low].tag == tag ? elements[low] : nil
  }

  public func contains(_ tag: Tag) -> Bool { element(tag) != nil }

  /// Calls `body` with the value bytes of `element`; empty when skipped.
  public func withValueBytes<Result>(
    _ element: DataElement, _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows -> Result {
    guard element.isValueLoaded else {
      return try body(UnsafeRawBufferPointer(start: nil, count: 0))
    }
    return try storage.withUnsafeBytes { raw in
      try body(
        UnsafeRawBufferPointer(
          rebasing: raw[element.valueStart..<element.valueStart + element.valueCount]))
    }
  }

  /// Returns the value bytes of `element` as written (in the data set's
  /// byte order); empty when the value was skipped.
  public func bytes(_ element: DataElement) -> ArraySlice<UInt8> {
    guard element.isValueLoaded else { return [] }
    return storage[element.valueStart..<element.valueStart + element.valueCount]
  }

  /// Returns the items of the sequence `tag` as data sets; empty when the
  /// element is missing or not a sequence.
  public func items(_ tag: Tag) -> [DataSet] {
    guard let element = element(tag) else { return [] }
    return items(of: element)
  }

  /// Returns the items of a sequence element as data sets. An item that
  /// has its own (0008,0005) uses that character set (PS3.5 7.5.3).
  public func items(of element: DataElement) -> [DataSet] {
    guard let items = element.items else { return [] }
    return items.map { item($0) }
  }

  func item(_ elements: [DataElement]) -> DataSet {
    var characterSet = self.characterSet
    if let first = elements.first, first.tag <= Tag(0x0008_0005),
      let own = elements.first(where: { $0.tag == Tag(0x0008_0005) })
    {
      let terms = DataSet(
        elements: [own], storage: storage, isLittleEndian: isLittleEndian,
        characterSet: .default
      ).strings(own.tag)
      characterSet = SpecificCharacterSet(terms: terms)
    }
    return DataSet(
      elements: elements, storage: storage, isLittleEndian: isLittleEndian,
      characterSet: characterSet)
  }
}

extension DataSet {
  /// Returns the private creator that reserves the block of a private
  /// element: (gggg,00xx) for (gggg,xxyy), as PS3.5 section 7.8.1 defines.
  /// Returns nil for standard tags, for creators themselves, and when the
  /// creator element is missing.
  public func privateCreator(of tag: Tag) -> String? {
    guard tag.isPrivate, !tag.isPrivateCreator, tag.element >= 0x1000 else { return nil }
    return string(Tag(group: tag.group, element: tag.element >> 8))
  }
}
