import Testing

@testable import Core

private let patientName: UInt32 = 0x0010_0010
private let patientID: UInt32 = 0x0010_0020

/// Encodes a small data set: character set, modality, patient name and ID, rows.
private func sampleBody(_ writer: DICOMTestWriter) -> [UInt8] {
  writer.text(0x0008_0005, "CS", "ISO_IR 100")
    + writer.text(0x0008_0060, "CS", "CT")
    + writer.bytesText(
      patientName, "PN", [0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65])
    + writer.text(patientID, "LO", "ID42")
    + writer.us(0x0028_0010, 512)
}

private func read(_ bytes: [UInt8], _ options: DICOMReadOptions = DICOMReadOptions())
  -> DICOMReadResult
{
  DICOMReader(options: options).read(bytes: bytes, path: "test.dcm")
}

private func expectSample(_ result: DICOMReadResult) {
  #expect(result.error == nil)
  #expect(result.dataSet.string(.modality) == "CT")
  #expect(result.dataSet.string(.patientName) == "Buc^Jérôme")
  #expect(result.dataSet.string(.patientID) == "ID42")
  #expect(result.dataSet.integer(.rows) == 512)
  #expect(result.dataSet.element(.rows)?.vr == .US)
}

@Test func readerExplicitLittleEndian() {
  let result = read(
    DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: sampleBody(.explicitLittle))
  )
  expectSample(result)
  #expect(result.hasPreamble)
  #expect(result.transferSyntax == .explicitVRLittleEndian)
  #expect(result.meta.string(.transferSyntaxUID) == "1.2.840.10008.1.2.1")
  #expect(result.meta.string(.mediaStorageSOPInstanceUID) == "1.2.3.4")
  #expect(result.warnings.isEmpty)
}

@Test func readerImplicitLittleEndian() {
  let result = read(
    DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2", body: sampleBody(.implicitLittle)))
  expectSample(result)
  #expect(result.transferSyntax == .implicitVRLittleEndian)
  #expect(result.dataSet.element(.patientName)?.vr == .PN)
  #expect(result.warnings.isEmpty)
}

@Test func readerExplicitBigEndian() {
  let writer = DICOMTestWriter.explicitBig
  let body =
    sampleBody(writer)
    + writer.element(
      0x0018_1310, "US", writer.uint16(0) + writer.uint16(256) + writer.uint16(7) + writer.uint16(0)
    )
    + writer.element(0x0028_0030, "DS", Array("0.5\\0.25".utf8))
    + writer.element(0x0028_1052, "SS", writer.uint16(0xFC18))
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.2", body: body))
  expectSample(result)
  #expect(result.transferSyntax == .explicitVRBigEndian)
  #expect(result.dataSet.integers(.acquisitionMatrix) == [0, 256, 7, 0])
  #expect(result.dataSet.doubles(.pixelSpacing) == [0.5, 0.25])
  #expect(result.dataSet.numbers(Tag(0x0028_1052)) == [.signed(-1000)])
}

/// Wraps bytes in raw deflate stored blocks (RFC 1951 section 3.2.4).
func storedDeflate(_ bytes: [UInt8]) -> [UInt8] {
  var output: [UInt8] = []
  var offset = 0
  repeat {
    let count = min(65_535, bytes.count - offset)
    let final: UInt8 = offset + count == bytes.count ? 1 : 0
    output += [
      final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF),
      UInt8(~count >> 8 & 0xFF),
    ]
    output += bytes[offset..<offset + count]
    offset += count
  } while offset < bytes.count
  return output
}

@Test func readerDeflatedExplicitLittleEndian() {
  let body = storedDeflate(sampleBody(.explicitLittle))
  let result = read(DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1.99", body: body))
  expectSample(result)
  #expect(result.transferSyntax.isDeflated)
}

@Test func readerDeflateGarbageFails() {
  let result = read(
    DICOMTestWriter.part10(
      transferSyntax: "1.2.840.10008.1.2.1.99", body: [0xFF, 0xFF, 0xFF, 0xFF]))
  guard case .inflateFailed(let offset, _)? = result.error else {
    Issue.record("expected inflateFailed, got \(String(describing: result.error))")
    return
  }
  #expect(offset >= 132)
  #expect(result.meta.string(.transferSyntaxUID) == "1.2.840.10008.1.2.1.99")
}

@Test func readerDeflateHeaderWithinLimitReads() {
  let writer = DICOMTestWriter.explicitLittle
  let pixels = writer.element(0x7FE0_0010, "OW", [UInt8](repeating: 0, count: 3 << 20))
  let body = storedDeflate(sampleBody(writer) + pixels)
  var options = DICOMReadOptions()
  options.maxInflationRatio = 0
  let file = DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1.99", body: body)
  let header = read(file, options)
  expectSample(header)
  #expect(header.stoppedEarly)
  options.stopBeforePixelData = false
  #expect(read(file, options).error == .inflatedTooLarge(limit: 1 << 20))
}

@Test func readerDeflateOverLimitFails() {
  let body = storedDeflate([UInt8](repeating: 0, count: 3 << 20))
  var options = DICOMReadOptions()
  options.maxInflationRatio = 0
  let result = read(
    DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1.99", body: body), options)
  #expect(result.error == .inflatedTooLarge(limit: 1 << 20))
}

private func encapsulatedFile() -> [UInt8] {
  let writer = DICOMTestWriter.explicitLittle
  let fragments = writer.item([]) + writer.item([0xFF, 0xD8, 0xFF, 0xD9])
  let pixelData = writer.element(
    0x7FE0_0010, "OB", fragments + writer.tag(0xFFFE_E0DD) + writer.uint32(0), length: 0xFFFF_FFFF)
  let after = writer.element(0xFFFC_FFFC, "OB", [0, 0])
  return DICOMTestWriter.part10(
    transferSyntax: "1.2.840.10008.1.2.4.50", body: sampleBody(writer) + pixelData + after)
}

@Test func readerStopsBeforePixelData() {
  let result = read(encapsulatedFile())
  expectSample(result)
  #expect(result.stoppedEarly)
  #expect(result.transferSyntax.isEncapsulated)
  #expect(!result.dataSet.contains(.pixelData))
}

@Test func readerSkipsEncapsulatedFragments() {
  let result = read(encapsulatedFile(), .wholeFile)
  expectSample(result)
  #expect(!result.stoppedEarly)
  #expect(result.dataSet.element(.pixelData)?.vr == .OB)
  #expect(result.dataSet.element(.pixelData)?.hasUndefinedLength == true)
  #expect(result.dataSet.element(.dataSetTrailingPadding)?.length == 2)
}

@Test func readerStopsAfterRequestedTags() {
  var options = DICOMReadOptions()
  options.requestedTags = [.modality]
  let result = read(
    DICOMTestWriter.part10(
      transferSyntax: "1.2.840.10008.1.2.1", body: sampleBody(.explicitLittle)), options)
  #expect(result.stoppedEarly)
  #expect(result.dataSet.string(.modality) == "CT")
  #expect(!result.dataSet.contains(.patientName))
}

@Test func readerSniffsRawExplicitDataSet() {
  let result = read(sampleBody(.explicitLittle))
  expectSample(result)
  #expect(!result.hasPreamble)
  #expect(result.meta.isEmpty)
  #expect(
    result.warnings.map(\.kind) == [
      .missingPreamble, .transferSyntaxSniffed("1.2.840.10008.1.2.1"),
    ])
}

@Test func readerSniffsRawImplicitDataSet() {
  let result = read(sampleBody(.implicitLittle))
  expectSample(result)
  #expect(result.transferSyntax == .implicitVRLittleEndian)
}

@Test func readerSniffsRawBigEndianDataSet() {
  let result = read(sampleBody(.explicitBig))
  expectSample(result)
  #expect(result.transferSyntax == .explicitVRBigEndian)
}

@Test func readerCorrectsLyingMeta() {
  let result = read(
    DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: sampleBody(.implicitLittle))
  )
  expectSample(result)
  #expect(!result.transferSyntax.isExplicitVR)
  #expect(result.transferSyntax.uid == "1.2.840.10008.1.2.1")
  #expect(
    result.warnings.map(\.kind) == [
      .transferSyntaxMismatch(declared: "1.2.840.10008.1.2.1", detected: "1.2.840.10008.1.2")
    ])
}

@Test func readerMetaWithoutPreamble() {
  let file = DICOMTestWriter.part10(
    transferSyntax: "1.2.840.10008.1.2.1", body: sampleBody(.explicitLittle), preamble: false)
  let result = read(file)
  expectSample(result)
  #expect(!result.hasPreamble)
  #expect(result.meta.count == 5)
}
