import Testing

@testable import Core

private func read(_ bytes: [UInt8], _ options: DICOMReadOptions = DICOMReadOptions())
  -> DICOMReadResult
{
  DICOMReader(options: options).read(bytes: bytes, path: "test.dcm")
}

private func codeItem(_ writer: DICOMTestWriter, _ value: String, undefined: Bool = false)
  -> [UInt8]
{
  writer.item(
    writer.text(0x0008_0100, "SH", value) + writer.text(0x0008_0102, "SH", "DCM"),
    undefined: undefined)
}

@Test(arguments: [false, true])
func sequenceLengthsExplicit(undefined: Bool) {
  let writer = DICOMTestWriter.explicitLittle
  let body =
    writer.text(0x0008_0060, "CS", "MR")
    + writer.sequence(
      0x0008_1032, [codeItem(writer, "A", undefined: undefined), codeItem(writer, "B")],
      undefined: undefined)
    + writer.text(0x0010_0020, "LO", "after")
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  #expect(result.error == nil)
  let items = result.dataSet.items(.procedureCodeSequence)
  #expect(items.count == 2)
  #expect(items.map { $0.string(.codeValue) } == ["A", "B"])
  #expect(items.map { $0.string(.codingSchemeDesignator) } == ["DCM", "DCM"])
  #expect(result.dataSet.string(.patientID) == "after")
}

@Test(arguments: [false, true])
func sequenceLengthsImplicit(undefined: Bool) {
  let writer = DICOMTestWriter.implicitLittle
  let body =
    writer.sequence(
      0x0008_1032, [codeItem(writer, "A", undefined: undefined)], undefined: undefined)
    + writer.text(0x0010_0020, "LO", "after")
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2", body: body))
  #expect(result.error == nil)
  #expect(result.dataSet.element(.procedureCodeSequence)?.vr == .SQ)
  #expect(result.dataSet.items(.procedureCodeSequence).first?.string(.codeValue) == "A")
  #expect(result.dataSet.string(.patientID) == "after")
}

@Test func sequenceNestedThreeLevels() {
  let writer = DICOMTestWriter.explicitLittle
  let inner = writer.sequence(0x0040_A168, [codeItem(writer, "deep")], undefined: true)
  let middle = writer.sequence(
    0x0040_A730, [writer.item(writer.text(0x0040_A040, "CS", "CODE") + inner, undefined: true)])
  let outer = writer.sequence(0x0040_A730, [writer.item(middle)], undefined: true)
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: outer))
  #expect(result.error == nil)
  let level1 = result.dataSet.items(.contentSequence)
  let level2 = level1.first?.items(.contentSequence) ?? []
  let level3 = level2.first?.items(.conceptCodeSequence) ?? []
  #expect(level2.first?.string(.valueType) == "CODE")
  #expect(level3.first?.string(.codeValue) == "deep")
}

@Test func sequenceUnknownVRUndefinedLength() {
  // CP-246: an explicit UN element of undefined length contains implicit VR
  // little endian items.
  let explicit = DICOMTestWriter.explicitLittle
  let implicit = DICOMTestWriter.implicitLittle
  let item = implicit.item(implicit.text(0x0008_0100, "SH", "T-D1100"), undefined: true)
  let body =
    explicit.sequence(0x0008_2218, [item], undefined: true, vr: "UN")
    + explicit.text(0x0010_0020, "LO", "after")
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  #expect(result.error == nil)
  #expect(result.dataSet.element(.anatomicRegionSequence)?.vr == .SQ)
  #expect(result.dataSet.items(.anatomicRegionSequence).first?.string(.codeValue) == "T-D1100")
  #expect(result.dataSet.string(.patientID) == "after")
}

@Test func sequenceKnownUNBecomesRegistryVR() {
  let writer = DICOMTestWriter.explicitLittle
  let body = writer.element(0x0028_0010, "UN", [0x00, 0x02])
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  #expect(result.dataSet.element(.rows)?.vr == .US)
  #expect(result.dataSet.integer(.rows) == 512)
}

@Test func sequenceItemCharacterSet() {
  let writer = DICOMTestWriter.explicitLittle
  let item = writer.item(
    writer.text(0x0008_0005, "CS", "ISO_IR 192")
      + writer.bytesText(0x0010_0010, "PN", [0xC3, 0xA9]))
  let body =
    writer.text(0x0008_0005, "CS", "ISO_IR 100") + writer.bytesText(0x0010_0010, "PN", [0xE9])
    + writer.sequence(0x0400_0561, [item])
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  #expect(result.dataSet.string(.patientName) == "é")
  #expect(result.dataSet.items(.originalAttributesSequence).first?.string(.patientName) == "é")
}

@Test func privateTagsAndCreators() {
  let writer = DICOMTestWriter.implicitLittle
  let body =
    writer.text(0x0009_0010, "LO", "ACME 1.0")
    + writer.element(0x0009_1001, "UN", [1, 2, 3, 4])
    + writer.text(0x0010_0020, "LO", "P")
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2", body: body))
  #expect(result.dataSet.element(Tag(0x0009_0010))?.vr == .LO)
  #expect(result.dataSet.string(Tag(0x0009_0010)) == "ACME 1.0")
  #expect(result.dataSet.element(Tag(0x0009_1001))?.vr == .UN)
  #expect(Array(result.dataSet.bytes(result.dataSet.element(Tag(0x0009_1001))!)) == [1, 2, 3, 4])
  #expect(Tag(0x0009_1001).isPrivate)
  #expect(Tag(0x0009_0010).isPrivateCreator)
  #expect(DataDictionary.keyword(for: Tag(0x0009_0010)) == "PrivateCreator")
  #expect(result.dataSet.privateCreator(of: Tag(0x0009_1001)) == "ACME 1.0")
  #expect(result.dataSet.privateCreator(of: Tag(0x0009_1101)) == nil)
  #expect(result.dataSet.privateCreator(of: .patientID) == nil)
}

@Test func oddLengthWarns() {
  let writer = DICOMTestWriter.explicitLittle
  let body =
    writer.element(0x0010_0020, "LO", Array("ABC".utf8))
    + writer.text(0x0010_0030, "DA", "20240101")
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  #expect(result.error == nil)
  #expect(result.dataSet.string(.patientID) == "ABC")
  #expect(result.dataSet.date(.patientBirthDate) == DICOMDate(year: 2024, month: 1, day: 1))
  #expect(result.warnings.map(\.kind) == [.oddLength(3)])
}

@Test func wrongGroupLengthWarns() {
  let writer = DICOMTestWriter.explicitLittle
  let body =
    writer.element(0x0010_0000, "UL", writer.uint32(99)) + writer.text(0x0010_0020, "LO", "AB")
    + writer.text(0x0020_000D, "UI", "1.2")
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  #expect(result.error == nil)
  #expect(result.warnings.map(\.kind) == [.wrongGroupLength(declared: 99, actual: 10)])
  #expect(result.warnings.first?.tag == Tag(0x0010_0000))
}

@Test func bulkValueSkippedUnlessRequested() throws {
  let writer = DICOMTestWriter.explicitLittle
  let bulk = [UInt8](repeating: 7, count: 100_000)
  let body = writer.element(0x0009_1010, "OB", bulk) + writer.text(0x0010_0020, "LO", "after")
  let file = DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body)
  let path = try writeTemporaryFile(file)
  defer { removeTemporaryFile(path) }

  let skipped = DICOMReader.read(path: path)
  #expect(skipped.error == nil)
  #expect(skipped.dataSet.element(Tag(0x0009_1010))?.isValueLoaded == false)
  #expect(skipped.dataSet.element(Tag(0x0009_1010))?.length == 100_000)
  #expect(skipped.dataSet.string(.patientID) == "after")

  var options = DICOMReadOptions()
  options.loadBulkData = true
  let loaded = DICOMReader.read(path: path, options: options)
  let element = try #require(loaded.dataSet.element(Tag(0x0009_1010)))
  #expect(loaded.dataSet.bytes(element).count == 100_000)
  #expect(loaded.dataSet.bytes(element).allSatisfy { $0 == 7 })
}
