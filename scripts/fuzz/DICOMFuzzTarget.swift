// libFuzzer entry point over medmon's DICOM reader, built by `make fuzz`
// together with the sources of Sources/Core/DICOM into one module.

/// Reads one input as a whole file with bulk values loaded, decodes every
/// value at every level, and renders both dump formats, so that a crash,
/// hang or runaway allocation anywhere on that path shows up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var options = DICOMReadOptions.wholeFile
  options.loadBulkData = true
  let result = DICOMReader(options: options).read(bytes: bytes, path: "fuzz")
  decodeEverything(result.dataSet)
  decodeEverything(result.meta)
  _ = JSONWriter.compact(DICOMJSON.model(of: result.dataSet, includeBulk: true))
  _ = DICOMTextDump.render(result)
  _ = result.error?.message
  _ = result.warnings.map(\.description)
  return 0
}

private func decodeEverything(_ dataSet: DataSet) {
  for element in dataSet.elements {
    _ = dataSet.strings(of: element)
    _ = dataSet.numbers(of: element)
    _ = dataSet.integers(element.tag)
    _ = dataSet.doubles(element.tag)
    _ = dataSet.age(element.tag)
    _ = dataSet.date(element.tag)
    _ = dataSet.time(element.tag)
    _ = dataSet.dateTime(element.tag)
    _ = dataSet.personNames(element.tag)
    for item in dataSet.items(of: element) { decodeEverything(item) }
  }
}
