import Testing

@testable import Core

private let writer = DICOMTestWriter.explicitLittle

private func model(_ body: [UInt8], bulk: Bool = false) -> String {
  var options = DICOMReadOptions()
  options.loadBulkData = bulk
  let result = DICOMReader(options: options).read(
    bytes: DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body))
  return JSONWriter.compact(DICOMJSON.model(of: result.dataSet, includeBulk: bulk))
}

@Test func jsonModelStringsAndNumbers() {
  let body =
    writer.text(0x0008_0008, "CS", "A\\\\B") + writer.text(0x0008_0060, "CS", "CT")
    + writer.text(0x0018_0050, "DS", "1.5") + writer.text(0x0020_0013, "IS", "7")
    + writer.us(0x0028_0010, 512)
  let expected =
    #"{"00080008":{"vr":"CS","Value":["A",null,"B"]},"00080060":{"vr":"CS","Value":["CT"]},"#
    + #""00180050":{"vr":"DS","Value":[1.5]},"00200013":{"vr":"IS","Value":[7]},"#
    + #""00280010":{"vr":"US","Value":[512]}}"#
  #expect(model(body) == expected)
}

@Test func jsonModelPersonNameAndEmpty() {
  let body =
    writer.text(0x0010_0010, "PN", "Yamada^Tarou==yamada^tarou")
    + writer.element(0x0010_0020, "LO", [])
  let expected =
    #"{"00100010":{"vr":"PN","Value":[{"Alphabetic":"Yamada^Tarou","Phonetic":"yamada^tarou"}]},"#
    + #""00100020":{"vr":"LO"}}"#
  #expect(model(body) == expected)
}

@Test func jsonModelSequenceAndTags() {
  let item = writer.item(writer.text(0x0008_0100, "SH", "X"))
  let body =
    writer.sequence(0x0008_1032, [item, writer.item([])])
    + writer.element(0x0020_9165, "AT", [0x10, 0x00, 0x20, 0x00])
  let expected =
    #"{"00081032":{"vr":"SQ","Value":[{"00080100":{"vr":"SH","Value":["X"]}},{}]},"#
    + #""00209165":{"vr":"AT","Value":["00100020"]}}"#
  #expect(model(body) == expected)
}

@Test func jsonModelBulkOnlyWhenRequested() {
  let body = writer.element(0x0009_1010, "OB", [0xDE, 0xAD, 0xBE, 0xEF])
  #expect(model(body) == #"{"00091010":{"vr":"OB"}}"#)
  #expect(model(body, bulk: true) == #"{"00091010":{"vr":"OB","InlineBinary":"3q2+7w=="}}"#)
}

@Test func jsonModelBase64Padding() {
  #expect(Base64.encode([UInt8]()) == "")
  #expect(Base64.encode(Array("f".utf8)) == "Zg==")
  #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
  #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
}
