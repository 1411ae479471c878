import Testing

@testable import Core

private let writer = DICOMTestWriter.explicitLittle

private func dataSet(_ body: [UInt8], _ syntax: String = "1.2.840.10008.1.2.1") -> DataSet {
  DICOMReader().read(bytes: DICOMTestWriter.part10(transferSyntax: syntax, body: body)).dataSet
}

@Test func valueTrimmingPerVR() {
  let set = dataSet(
    writer.text(0x0008_0060, "CS", " CT ")
      + writer.text(0x0008_1030, "LO", "  Head  ")
      + writer.text(0x0010_21B0, "LT", "  line one  ")
      + writer.text(0x0020_000D, "UI", "1.2.3"))
  #expect(set.string(.modality) == "CT")
  #expect(set.string(.studyDescription) == "Head")
  #expect(set.string(.additionalPatientHistory) == "  line one")
  #expect(set.string(.studyInstanceUID) == "1.2.3")
  #expect(set.element(.studyInstanceUID)?.length == 6)
}

@Test func valueMultipleStrings() {
  let set = dataSet(writer.text(0x0008_0008, "CS", "ORIGINAL\\PRIMARY\\\\AXIAL"))
  #expect(set.strings(.imageType) == ["ORIGINAL", "PRIMARY", "", "AXIAL"])
  #expect(set.string(.imageType) == "ORIGINAL")
}

@Test func valueBackslashInSingleValuedText() {
  let set = dataSet(writer.text(0x0008_2111, "ST", "a\\b"))
  #expect(set.strings(.derivationDescription) == ["a\\b"])
}

@Test func valueDecimalAndIntegerStrings() {
  let set = dataSet(
    writer.text(0x0018_0050, "DS", " 1.25 ")
      + writer.text(0x0020_0013, "IS", "+42 ")
      + writer.text(0x0028_0030, "DS", "0.5\\2E-1")
      + writer.text(0x0028_1050, "DS", "40"))
  #expect(set.double(.sliceThickness) == 1.25)
  #expect(set.integer(.sliceThickness) == nil)
  #expect(set.integer(.instanceNumber) == 42)
  #expect(set.doubles(.pixelSpacing) == [0.5, 0.2])
  #expect(set.integer(.windowCenter) == 40)
}

@Test func valueBinaryNumbersLittleEndian() {
  let set = dataSet(
    writer.element(0x0028_1052, "SS", [0x18, 0xFC])
      + writer.element(0x0018_9219, "FD", [0, 0, 0, 0, 0, 0, 0xF8, 0x3F])
      + writer.element(0x0018_1310, "US", [1, 0, 2, 0])
      + writer.element(0x0020_0105, "UL", [0xFF, 0xFF, 0xFF, 0xFF])
      + writer.element(0x0018_9306, "FL", [0, 0, 0xC0, 0x3F]))
  #expect(set.numbers(Tag(0x0028_1052)) == [.signed(-1000)])
  #expect(set.double(Tag(0x0018_9219)) == 1.5)
  #expect(set.integers(.acquisitionMatrix) == [1, 2])
  #expect(set.integer(Tag(0x0020_0105)) == 4_294_967_295)
  #expect(set.double(Tag(0x0018_9306)) == 1.5)
  #expect(set.strings(.acquisitionMatrix) == ["1", "2"])
}

@Test func valueBinaryNumbersBigEndian() {
  let big = DICOMTestWriter.explicitBig
  let set = dataSet(
    big.element(0x0028_1052, "SS", [0xFC, 0x18])
      + big.element(0x0018_9219, "FD", [0x3F, 0xF8, 0, 0, 0, 0, 0, 0])
      + big.element(0x0020_9165, "AT", [0x00, 0x10, 0x00, 0x20]),
    "1.2.840.10008.1.2.2")
  #expect(set.numbers(Tag(0x0028_1052)) == [.signed(-1000)])
  #expect(set.double(Tag(0x0018_9219)) == 1.5)
  #expect(set.attributeTag(Tag(0x0020_9165)) == .patientID)
}

@Test func valueAttributeTagLittleEndian() {
  let set = dataSet(
    writer.element(0x0020_9165, "AT", [0x10, 0x00, 0x20, 0x00, 0x28, 0x00, 0x10, 0x00]))
  let element = set.element(Tag(0x0020_9165))!
  #expect(set.attributeTags(of: element) == [.patientID, .rows])
  #expect(set.strings(Tag(0x0020_9165)) == ["(0010,0020)", "(0028,0010)"])
}

@Test(arguments: [
  ("045Y", 45, DICOMAge.Unit.years), ("003M", 3, .months), ("012W", 12, .weeks), ("001D", 1, .days),
  ("45Y", 45, .years), ("045y", 45, .years), (" 045Y ", 45, .years),
])
func valueAgeParses(text: String, value: Int, unit: DICOMAge.Unit) {
  let age = DICOMAge(text)
  #expect(age?.value == value)
  #expect(age?.unit == unit)
}

@Test func valueAgeRejects() {
  #expect(DICOMAge("Y") == nil)
  #expect(DICOMAge("45") == nil)
  #expect(DICOMAge("4A5Y") == nil)
  #expect(DICOMAge("12345Y") == nil)
  #expect(DICOMAge("") == nil)
}

@Test func valueAgeInYears() {
  #expect(DICOMAge("006M")?.years == 0.5)
  #expect(DICOMAge("045Y")?.years == 45)
  #expect(DICOMAge("045Y")?.description == "045Y")
  #expect(DICOMAge(value: 7, unit: .days).description == "007D")
}

@Test func valueDates() {
  #expect(DICOMDate("20240229") == DICOMDate(year: 2024, month: 2, day: 29))
  #expect(DICOMDate("2024.02.29")?.description == "2024-02-29")
  #expect(DICOMDate("20230229") == nil)
  #expect(DICOMDate("2024021") == nil)
  #expect(DICOMDate("20241301") == nil)
}

@Test func valueTimes() {
  let time = DICOMTime("072731.5")
  #expect(time?.hour == 7)
  #expect(time?.minute == 27)
  #expect(time?.second == 31)
  #expect(time?.microsecond == 500_000)
  #expect(DICOMTime("0727")?.description == "07:27:00")
  #expect(DICOMTime("07:27:31")?.second == 31)
  #expect(DICOMTime("25") == nil)
  #expect(DICOMTime("0760") == nil)
  #expect(DICOMTime("07.5") == nil)
}

@Test func valueDateTimes() {
  let value = DICOMDateTime("20240102030405.25+0130")
  #expect(value?.date == DICOMDate(year: 2024, month: 1, day: 2))
  #expect(value?.time?.second == 5)
  #expect(value?.time?.microsecond == 250_000)
  #expect(value?.utcOffsetMinutes == 90)
  #expect(value?.description == "2024-01-02T03:04:05.250000+01:30")
  #expect(DICOMDateTime("2024")?.date == DICOMDate(year: 2024, month: 1, day: 1))
  #expect(DICOMDateTime("202401-0500")?.utcOffsetMinutes == -300)
  #expect(DICOMDateTime("20240") == nil)
}

@Test func valuePersonNameGroups() {
  let name = PersonName("Yamada^Tarou=山田^太郎=やまだ^たろう")
  #expect(name.alphabetic.familyName == "Yamada")
  #expect(name.alphabetic.givenName == "Tarou")
  #expect(name.ideographic?.familyName == "山田")
  #expect(name.phonetic?.givenName == "たろう")
  let full = PersonName("Adams^John Robert Quincy^^Rev.^B.A. M.Div.")
  #expect(full.alphabetic.middleName == "")
  #expect(full.alphabetic.namePrefix == "Rev.")
  #expect(full.alphabetic.nameSuffix == "B.A. M.Div.")
  #expect(PersonName("Smith^^^^").alphabetic.text == "Smith")
  #expect(PersonName("Smith").ideographic == nil)
}

@Test func valueMissingElement() {
  let set = dataSet(writer.text(0x0008_0060, "CS", "CT") + writer.element(0x0010_0020, "LO", []))
  #expect(set.string(.patientName) == nil)
  #expect(set.string(.patientID) == nil)
  #expect(set.strings(.patientID) == [])
  #expect(set.integer(.rows) == nil)
  #expect(set.age(.patientAge) == nil)
  #expect(set.items(.procedureCodeSequence).isEmpty)
}
