import Testing

@testable import Core

@Test func dictionaryLookupByTag() throws {
  let entry = try #require(DataDictionary.entry(for: Tag(0x0010_0020)))
  #expect(entry.keyword == "PatientID")
  #expect(entry.vr == .LO)
  #expect(entry.multiplicity == "1")
  #expect(!entry.isRetired)
}

@Test func dictionaryLookupByKeyword() throws {
  let entry = try #require(DataDictionary.entry(keyword: "PixelSpacing"))
  #expect(entry.tag == Tag(0x0028_0030))
  #expect(entry.vr == .DS)
  #expect(entry.multiplicity == "2")
  #expect(DataDictionary.entry(keyword: "NoSuchKeyword") == nil)
}

@Test func dictionaryRetiredAndAmbiguous() throws {
  let retired = try #require(DataDictionary.entry(for: Tag(0x0000_0001)))
  #expect(retired.isRetired)
  let ambiguous = try #require(DataDictionary.entry(for: Tag(0x0028_0106)))
  #expect(ambiguous.allowedVRs == [.US, .SS])
}

@Test func dictionaryRepeatingGroups() throws {
  let overlay = try #require(DataDictionary.entry(for: Tag(0x6002_3000)))
  #expect(overlay.keyword == "OverlayData")
  #expect(DataDictionary.keyword(for: Tag(0x601E_0010)) == "OverlayRows")
}

@Test func dictionarySizeAndSpecialKeywords() {
  #expect(DataDictionary.count > 5000)
  #expect(DataDictionary.keyword(for: Tag(0x0009_0010)) == "PrivateCreator")
  #expect(DataDictionary.keyword(for: Tag(0x0008_0000)) == "GenericGroupLength")
  #expect(DataDictionary.keyword(for: Tag(0x0009_1001)) == "")
  #expect(DataDictionary.impliedVR(for: Tag(0x0009_1001)) == .UN)
  #expect(DataDictionary.impliedVR(for: Tag(0x0009_0011)) == .LO)
}

@Test func dictionaryTagConstants() {
  #expect(Tag.patientID == Tag(group: 0x0010, element: 0x0020))
  #expect(Tag.sopClassUID.rawValue == 0x0008_0016)
  #expect(Tag.pixelData.description == "(7FE0,0010)")
  #expect(Tag.patientID.jsonKey == "00100020")
  #expect(Tag(parsing: "(0010,0020)") == .patientID)
  #expect(Tag(parsing: "7fe00010") == .pixelData)
  #expect(Tag(parsing: "0010") == nil)
}

@Test func dictionaryVRNames() {
  #expect(VR(name: "SQ") == .SQ)
  #expect(VR(name: "XX") == nil)
  #expect(VR.UN.description == "UN")
  #expect(VR.allCases.count == 34)
  #expect(VR.allCases.filter(\.hasLongLength).count == 13)
}
