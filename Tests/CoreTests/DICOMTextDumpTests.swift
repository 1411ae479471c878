import Testing

@testable import Core

private let writer = DICOMTestWriter.explicitLittle

@Test func textDumpLayout() {
  let item = writer.item(writer.text(0x0008_0100, "SH", "T-D1100"))
  let body =
    writer.text(0x0008_0060, "CS", "CT")
    + writer.text(0x0009_0010, "LO", "ACME")
    + writer.element(0x0009_1001, "OB", [0xDE, 0xAD])
    + writer.sequence(0x0008_2218, [item])
    + writer.us(0x0028_0010, 512)
  let result = DICOMReader().read(
    bytes: DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body), path: "a.dcm")
  let lines = DICOMTextDump.render(result).split(separator: "\n").map(String.init)
  #expect(lines.first == "# a.dcm")
  #expect(lines.contains("# transfer syntax 1.2.840.10008.1.2.1"))
  #expect(lines.contains("(0002,0010) UI 20 TransferSyntaxUID [1.2.840.10008.1.2.1]"))
  let dataSetLines = Array(lines.drop { $0 != "# data set" }.dropFirst())
  #expect(
    dataSetLines == [
      "(0008,0060) CS 2 Modality [CT]",
      "(0009,0010) LO 4 PrivateCreator [ACME]",
      "(0009,1001) OB 2 Private[ACME] [DE AD]",
      "(0008,2218) SQ 24 AnatomicRegionSequence",
      "  Item 1",
      "    (0008,0100) SH 8 CodeValue [T-D1100]",
      "(0028,0010) US 2 Rows [512]",
    ])
}

@Test func textDumpCutsLongValues() {
  let long = String(repeating: "x", count: 100)
  let result = DICOMReader().read(
    bytes: DICOMTestWriter.part10(
      transferSyntax: "1.2.840.10008.1.2.1", body: writer.text(0x0008_1030, "LO", long)))
  let line = DICOMTextDump.render(result).split(separator: "\n").last.map(String.init)
  #expect(
    line == "(0008,1030) LO 100 StudyDescription [" + String(repeating: "x", count: 72) + "...]")
}

@Test func textDumpSkippedValue() {
  let bulk = [UInt8](repeating: 1, count: 1000)
  let result = DICOMReader().read(
    bytes: DICOMTestWriter.part10(
      transferSyntax: "1.2.840.10008.1.2.1", body: writer.element(0x0009_1001, "OB", bulk)))
  let line = DICOMTextDump.render(result).split(separator: "\n").last.map(String.init)
  #expect(line == "(0009,1001) OB 1000 Private (value not read)")
}
