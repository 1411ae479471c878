/// Reads DICOM files: Part 10 files (preamble, `DICM`, meta group) and raw
/// data sets, in any transfer syntax (PS3.10 section 7, PS3.5 section 10).
/// A reader has no mutable state, so one value can serve every thread.
public struct DICOMReader: Sendable {
  public var options: DICOMReadOptions

  public init(options: DICOMReadOptions = DICOMReadOptions()) {
    self.options = options
  }

  /// Reads the file at `path`. An unreadable or damaged file gives a
  /// result whose `error` is set, with what was read before the damage.
  public static func read(
    path: String, options: DICOMReadOptions = DICOMReadOptions()
  ) -> DICOMReadResult {
    DICOMReader(options: options).read(path: path)
  }

  public func read(path: String) -> DICOMReadResult {
    do {
      return read(source: try ByteSource(path: path), path: path)
    } catch let error as DICOMError {
      var result = DICOMReadResult(path: path)
      result.error = error
      return result
    } catch {
      var result = DICOMReadResult(path: path)
      result.error = .unreadable(path: path, reason: "\(error)")
      return result
    }
  }

  /// Reads a file already in memory; `path` only names it in messages.
  public func read(bytes: [UInt8], path: String = "<memory>") -> DICOMReadResult {
    read(source: ByteSource(bytes: bytes), path: path)
  }

  func read(source: ByteSource, path: String) -> DICOMReadResult {
    var result = DICOMReadResult(path: path)
    var parser = DataSetParser(source: source, options: options)
    var metaElements: [DataElement] = []
    var elements: [DataElement] = []
    // Set when the inflated data set was cut at the size limit.
    var inflationLimit: Int? = nil
    do {
      let layout = try Part10Layout.detect(source: source, path: path)
      result.hasPreamble = layout.hasPreamble
      if !layout.hasPreamble {
        parser.warnings.append(DICOMWarning(.missingPreamble, offset: 0))
      }
      var start = layout.metaStart
      if layout.hasMeta {
        start = try parser.parseElements(
          from: layout.metaStart, to: source.size, context: .metaGroup, depth: 0,
          encoding: .explicitLittle, into: &metaElements)
      }
      let metaSet = DataSet(
        elements: metaElements, storage: parser.storage, isLittleEndian: true,
        characterSet: .default)
      result.meta = metaSet

      var syntax = try chooseSyntax(
        meta: metaSet, source: source, start: start, path: path, parser: &parser)
      result.transferSyntax = syntax
      var dataParser = parser
      if syntax.isDeflated {
        let limit = max(1 << 20, source.size * options.maxInflationRatio)
        let inflated = try Inflater.inflate(
          try source.remainingBytes(from: start), offset: start, limit: limit)
        inflationLimit = inflated.isComplete ? nil : limit
        dataParser = DataSetParser(source: ByteSource(bytes: inflated.bytes), options: options)
        dataParser.warnings = parser.warnings
        start = 0
        syntax = TransferSyntax(
          uid: syntax.uid, isExplicitVR: true, isLittleEndian: true, isDeflated: true)
      }
      dataParser.storage = []
      parser = dataParser
      let encoding = Encoding(
        isExplicitVR: syntax.isExplicitVR, isLittleEndian: syntax.isLittleEndian)
      _ = try parser.parseElements(
        from: start, to: parser.source.size, context: .topLevel, depth: 0, encoding: encoding,
        into: &elements)
    } catch let error as DICOMError {
      result.error = error
    } catch {
      result.error = .unreadable(path: path, reason: "\(error)")
    }
    if let limit = inflationLimit, !parser.stopped {
      // The parse ran into the cut, not into the end of the data set.
      if result.error == nil || result.error?.isTruncation == true {
        result.error = .inflatedTooLarge(limit: limit)
      }
    }
    result.dataSet = makeDataSet(elements, parser: parser, result: &result)
    result.warnings = parser.warnings + result.warnings
    result.stoppedEarly = parser.stopped
    return result
  }

  private func makeDataSet(
    _ elements: [DataElement], parser: DataSetParser, result: inout DICOMReadResult
  ) -> DataSet {
    let little = result.transferSyntax.isLittleEndian
    let raw = DataSet(
      elements: elements, storage: parser.storage, isLittleEndian: little, characterSet: .default)
    let terms = raw.strings(Tag(0x0008_0005))
    let characterSet = SpecificCharacterSet(terms: terms, fallback: options.fallbackCharacterSet)
    for term in characterSet.unknownTerms {
      result.warnings.append(
        DICOMWarning(
          .unknownCharacterSet(term: term, fallback: characterSet.fallbackName),
          offset: raw.element(Tag(0x0008_0005))?.offset ?? 0, tag: Tag(0x0008_0005)))
    }
    return DataSet(
      elements: elements, storage: parser.storage, isLittleEndian: little,
      characterSet: characterSet)
  }
}
