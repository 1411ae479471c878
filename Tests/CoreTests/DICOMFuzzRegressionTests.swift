import Testing

@testable import Core

#if canImport(Glibc)
  import Glibc
#endif

private let findingsDirectory: String = {
  let file = #filePath
  let folder = file[..<file.lastIndex(of: "/")!]
  return folder + "/DICOMFuzzFindings"
}()

/// Lists the saved fuzz inputs (every file but the README).
private func findings() -> [String] {
  guard let handle = opendir(findingsDirectory) else { return [] }
  defer { closedir(handle) }
  var names: [String] = []
  while let entry = readdir(handle) {
    let name = withUnsafePointer(to: entry.pointee.d_name) {
      String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
    }
    if !name.hasPrefix(".") && name != "README.md" { names.append(name) }
  }
  return names.sorted()
}

/// Reads an input the way the fuzz target does and decodes every value.
private func exercise(_ result: DICOMReadResult) -> Int {
  var count = 0
  func visit(_ dataSet: DataSet) {
    for element in dataSet.elements {
      count += dataSet.strings(of: element).count
      for item in dataSet.items(of: element) { visit(item) }
    }
  }
  visit(result.dataSet)
  _ = JSONWriter.compact(DICOMJSON.model(of: result.dataSet, includeBulk: true))
  _ = DICOMTextDump.render(result)
  return count
}

@Test func fuzzFindingsFolderExists() {
  var status = stat()
  #expect(stat(findingsDirectory + "/README.md", &status) == 0)
}

@Test(arguments: findings())
func fuzzFindingReadsSafely(name: String) {
  var options = DICOMReadOptions.wholeFile
  options.loadBulkData = true
  let result = DICOMReader.read(path: findingsDirectory + "/" + name, options: options)
  #expect(exercise(result) >= 0)
  #expect(
    result.error != nil || result.dataSet.count + result.meta.count > 0 || !result.warnings.isEmpty)
}

private let writer = DICOMTestWriter.explicitLittle

@Test func fuzzManyEmptyItemsFinish() {
  let items = [[UInt8]](repeating: writer.item([]), count: 10_000)
  let file = DICOMTestWriter.part10(
    transferSyntax: "1.2.840.10008.1.2.1", body: writer.sequence(0x0008_1032, items))
  let result = DICOMReader().read(bytes: file)
  #expect(result.error == nil)
  #expect(result.dataSet.element(.procedureCodeSequence)?.items?.count == 10_000)
}

@Test func fuzzDelimiterOnlySequenceFinishes() {
  let body =
    writer.element(
      0x0008_1032, "SQ", writer.tag(0xFFFE_E0DD) + writer.uint32(0), length: 0xFFFF_FFFF)
    + writer.text(0x0010_0020, "LO", "after")
  let result = DICOMReader().read(
    bytes: DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  #expect(result.error == nil)
  #expect(result.dataSet.element(.procedureCodeSequence)?.items?.isEmpty == true)
  #expect(result.dataSet.string(.patientID) == "after")
}

@Test func fuzzRandomBytesNeverCrash() {
  // A fixed linear congruential generator, so failures reproduce.
  var state: UInt64 = 0x5_DEEC_E66D
  let valid = DICOMTestWriter.part10(
    transferSyntax: "1.2.840.10008.1.2.1",
    body: writer.text(0x0008_0060, "CS", "CT")
      + writer.sequence(0x0008_1032, [writer.item(writer.text(0x0008_0100, "SH", "A"))]))
  var errors = 0
  for _ in 0..<2_000 {
    var bytes = valid
    for _ in 0..<4 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let position = Int(state >> 33) % bytes.count
      bytes[position] = UInt8(truncatingIfNeeded: state >> 17)
    }
    let result = DICOMReader(options: .wholeFile).read(bytes: bytes)
    _ = exercise(result)
    if result.error != nil { errors += 1 }
  }
  #expect(errors > 0)
  #expect(errors < 2_000)
}
