import Testing

@testable import Core

private func read(_ bytes: [UInt8], _ options: DICOMReadOptions = DICOMReadOptions())
  -> DICOMReadResult
{
  DICOMReader(options: options).read(bytes: bytes, path: "test.dcm")
}

private let writer = DICOMTestWriter.explicitLittle

private func file(_ body: [UInt8]) -> [UInt8] {
  DICOMTestWriter.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body)
}

@Test func errorUnreadablePath() {
  let result = DICOMReader.read(path: "/nonexistent/medmon/file.dcm")
  #expect(
    result.error
      == .unreadable(path: "/nonexistent/medmon/file.dcm", reason: "no such file or directory"))
  #expect(
    result.error?.message == "cannot read '/nonexistent/medmon/file.dcm': no such file or directory"
  )
}

@Test func errorDirectoryIsUnreadable() {
  let result = DICOMReader.read(path: "/tmp")
  #expect(result.error == .unreadable(path: "/tmp", reason: "not a regular file"))
}

@Test func errorNotDICOM() {
  let result = read(Array("This is a plain text file, not DICOM at all.\n".utf8))
  guard case .notDICOM(let path, _)? = result.error else {
    Issue.record("expected notDICOM, got \(String(describing: result.error))")
    return
  }
  #expect(path == "test.dcm")
  #expect(result.dataSet.isEmpty)
}

@Test func errorTinyFile() {
  let result = read([0x08, 0x00])
  #expect(result.error == .notDICOM(path: "test.dcm", reason: "the file has only 2 bytes"))
}

@Test func errorTruncatedValueKeepsEarlierElements() {
  let whole = file(
    writer.text(0x0008_0060, "CS", "CT") + writer.text(0x0010_0020, "LO", "ABCDEFGH"))
  let result = read(Array(whole.dropLast(4)))
  #expect(result.dataSet.string(.modality) == "CT")
  #expect(!result.dataSet.contains(.patientID))
  let offset = whole.count - 16
  #expect(result.error == .truncated(offset: offset, tag: .patientID, needed: 8, available: 4))
  #expect(result.error?.offset == offset)
}

@Test func errorTruncatedHeader() {
  let whole = file(
    writer.text(0x0008_0060, "CS", "CT") + writer.text(0x0010_0020, "LO", "ABCDEFGH"))
  let result = read(Array(whole.dropLast(11)))
  #expect(result.dataSet.string(.modality) == "CT")
  #expect(result.error == .truncated(offset: whole.count - 16, tag: nil, needed: 8, available: 5))
}

@Test func errorLengthPastItem() {
  // The element claims 40 bytes inside an item of 12: a bad length, not
  // a truncated file, because bytes remain after the sequence.
  let inner = writer.element(0x0008_0100, "SH", Array("ABCD".utf8), length: 40)
  let body =
    writer.sequence(0x0008_1032, [writer.item(inner)])
    + writer.text(0x0010_0020, "LO", "padding bytes here, more than forty of them")
  let result = read(file(body))
  guard case .invalidLength(_, let tag, let length, let remaining)? = result.error else {
    Issue.record("expected invalidLength, got \(String(describing: result.error))")
    return
  }
  #expect(tag == .codeValue)
  #expect(length == 40)
  #expect(remaining == 4)
  #expect(result.dataSet.element(.procedureCodeSequence)?.items?.count == 1)
}

@Test func errorItemAtTopLevel() {
  let body =
    writer.text(0x0008_0060, "CS", "CT") + writer.item(writer.text(0x0008_0100, "SH", "AB"))
  let result = read(file(body))
  #expect(result.dataSet.string(.modality) == "CT")
  guard case .unexpectedTag(_, let tag, _)? = result.error else {
    Issue.record("expected unexpectedTag, got \(String(describing: result.error))")
    return
  }
  #expect(tag == .item)
}

@Test func errorNonItemInSequence() {
  let body = writer.sequence(0x0008_1032, [writer.text(0x0008_0100, "SH", "AB")])
  let result = read(file(body))
  guard case .unexpectedTag(_, let tag, let expected)? = result.error else {
    Issue.record("expected unexpectedTag, got \(String(describing: result.error))")
    return
  }
  #expect(tag == .codeValue)
  #expect(expected == "an item (FFFE,E000)")
}

@Test func errorNestingTooDeep() {
  var nested = writer.text(0x0008_0100, "SH", "AB")
  for _ in 0..<10 {
    nested = writer.sequence(0x0040_A730, [writer.item(nested, undefined: true)], undefined: true)
  }
  var options = DICOMReadOptions()
  options.maxDepth = 4
  let result = read(file(nested), options)
  guard case .nestingTooDeep(_, let tag, let depth)? = result.error else {
    Issue.record("expected nestingTooDeep, got \(String(describing: result.error))")
    return
  }
  #expect(tag == .contentSequence)
  #expect(depth == 4)
  #expect(result.dataSet.element(.contentSequence)?.items?.count == 1)
}

@Test func errorMissingDelimiter() {
  let item =
    writer.tag(0xFFFE_E000) + writer.uint32(0xFFFF_FFFF) + writer.text(0x0008_0100, "SH", "AB")
  let body = writer.element(0x0008_1032, "SQ", item, length: 0xFFFF_FFFF)
  let result = read(file(body))
  guard case .truncated(_, _, let needed, let available)? = result.error else {
    Issue.record("expected truncated, got \(String(describing: result.error))")
    return
  }
  #expect(needed == 8)
  #expect(available == 0)
  #expect(result.dataSet.items(.procedureCodeSequence).first?.string(.codeValue) == "AB")
}

@Test func errorHugeLengthAllocatesNothing() {
  let body = writer.element(0x0009_1010, "OB", [1, 2, 3, 4], length: 0xFFFF_FFF0)
  let result = read(file(body))
  #expect(
    result.error
      == .truncated(offset: 236, tag: Tag(0x0009_1010), needed: 0xFFFF_FFF0, available: 4))
}

@Test func errorTrailingZeroPaddingWarns() {
  let result = read(file(writer.text(0x0008_0060, "CS", "CT") + [0, 0, 0, 0]))
  #expect(result.error == nil)
  #expect(result.warnings.map(\.kind) == [.trailingBytes(4)])
}

@Test func errorUnknownCharacterSetWarns() {
  let body =
    writer.text(0x0008_0005, "CS", "ISO_IR 999") + writer.bytesText(0x0010_0010, "PN", [0xE9])
  let result = read(file(body))
  #expect(result.dataSet.string(.patientName) == "é")
  #expect(
    result.warnings.map(\.kind) == [
      .unknownCharacterSet(term: "ISO_IR 999", fallback: "ISO_IR 100")
    ])
}

@Test func errorMessagesNameTagAndOffset() {
  let error = DICOMError.invalidLength(offset: 300, tag: .patientID, length: 99, remaining: 4)
  #expect(
    error.message
      == "invalid value length '99' for (0010,0020) at byte offset 300: only 4 bytes remain")
  let truncated = DICOMError.truncated(offset: 12, tag: .rows, needed: 2, available: 1)
  #expect(
    truncated.message
      == "file is truncated at byte offset 12 in (0028,0010): needed 2 bytes, 1 left")
}
