import Testing

@testable import Core

private let writer = DICOMTestWriter.explicitLittle

private func read(_ body: [UInt8], syntax: String = "1.2.840.10008.1.2.1") -> DICOMReadResult {
  DICOMReader().read(bytes: DICOMTestWriter.part10(transferSyntax: syntax, body: body))
}

@Test func warningUnknownTransferSyntax() {
  let result = read(writer.text(0x0008_0060, "CS", "CT"), syntax: "1.3.6.1.4.1.99.1")
  #expect(result.error == nil)
  #expect(result.dataSet.string(.modality) == "CT")
  #expect(result.warnings.map(\.kind) == [.unknownTransferSyntax("1.3.6.1.4.1.99.1")])
}

@Test func warningImplicitElementInExplicitData() {
  // A private element written in implicit VR inside an explicit VR file.
  let implicit = DICOMTestWriter.implicitLittle
  let body =
    writer.text(0x0008_0060, "CS", "CT") + implicit.element(0x0009_1001, "UN", [1, 2])
    + writer.text(0x0010_0020, "LO", "after")
  let result = read(body)
  #expect(result.error == nil)
  #expect(result.dataSet.element(Tag(0x0009_1001))?.vr == .UN)
  #expect(result.dataSet.string(.patientID) == "after")
  #expect(result.warnings.map(\.kind) == [.implicitElementInExplicitData])
  #expect(result.warnings.first?.tag == Tag(0x0009_1001))
}

@Test func warningInvalidVR() {
  let body =
    writer.tag(0x0009_1001) + Array("XX".utf8) + writer.uint16(2) + [7, 8]
    + writer.text(0x0010_0020, "LO", "after")
  let result = read(body)
  #expect(result.error == nil)
  #expect(result.dataSet.element(Tag(0x0009_1001))?.vr == .UN)
  #expect(result.dataSet.string(.patientID) == "after")
  #expect(result.warnings.map(\.kind) == [.invalidVR("XX")])
}

@Test func warningUndefinedLengthText() {
  let implicit = DICOMTestWriter.implicitLittle
  let item = implicit.item(implicit.text(0x0008_0100, "SH", "A"), undefined: true)
  let body = writer.element(
    0x0008_1030, "UT", item + writer.tag(0xFFFE_E0DD) + writer.uint32(0), length: 0xFFFF_FFFF)
  let result = read(body)
  #expect(result.error == nil)
  #expect(result.dataSet.element(.studyDescription)?.vr == .SQ)
  #expect(result.dataSet.items(.studyDescription).first?.string(.codeValue) == "A")
  #expect(result.warnings.map(\.kind) == [.undefinedLengthNonSequence(.UT)])
}

@Test func warningStrayDelimiter() {
  // An undefined-length item that ends with the sequence delimiter
  // instead of its own Item Delimitation Item.
  let item =
    writer.tag(0xFFFE_E000) + writer.uint32(0xFFFF_FFFF) + writer.text(0x0008_0100, "SH", "A")
  let body =
    writer.element(
      0x0008_1032, "SQ", item + writer.tag(0xFFFE_E0DD) + writer.uint32(0), length: 0xFFFF_FFFF)
    + writer.text(0x0010_0020, "LO", "after")
  let result = read(body)
  #expect(result.error == nil)
  #expect(result.dataSet.items(.procedureCodeSequence).first?.string(.codeValue) == "A")
  #expect(result.dataSet.string(.patientID) == "after")
  #expect(result.warnings.map(\.kind) == [.strayDelimiter])
}

@Test func warningDescriptions() {
  let warning = DICOMWarning(.oddLength(3), offset: 140, tag: .patientID)
  #expect(warning.description == "odd value length '3' at byte offset 140 in (0010,0020)")
  let group = DICOMWarning(
    .wrongGroupLength(declared: 99, actual: 10), offset: 132, tag: Tag(0x0010_0000))
  #expect(
    group.description
      == "group length '99' at byte offset 132 in (0010,0000) differs from the 10 bytes found")
}
