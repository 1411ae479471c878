import Testing

@testable import Collect

@Suite struct OutlierRuleTests {
  private func chestModel() -> ModelExpectations {
    var model = ModelExpectations()
    model.bodyParts = ["CHEST"]
    model.modalities = ["CR", "DX"]
    return model
  }

  private func adultChest() -> InstanceAttributes {
    var attributes = InstanceAttributes()
    attributes.modality = "DX"
    attributes.bodyPart = "CHEST "
    attributes.patientAge = "045Y"
    attributes.photometric = "MONOCHROME2"
    attributes.patientPosition = "HFS"
    attributes.rows = 2048
    attributes.columns = 2500
    return attributes
  }

  @Test func typicalStudyFiresNothing() {
    #expect(OutlierRule.check(adultChest(), against: chestModel()) == [])
  }

  @Test func footOnChestModelFires() {
    var attributes = adultChest()
    attributes.bodyPart = "foot"
    #expect(OutlierRule.check(attributes, against: chestModel()) == [.unexpectedBodyPart])
  }

  @Test func russianChestSynonymAccepted() {
    var attributes = adultChest()
    attributes.bodyPart = "Грудная  клетка"
    #expect(OutlierRule.check(attributes, against: chestModel()) == [])
  }

  @Test func childFiresPediatric() {
    var attributes = adultChest()
    attributes.patientAge = "007Y"
    #expect(OutlierRule.check(attributes, against: chestModel()) == [.pediatric])
    attributes.patientAge = "018M"
    #expect(OutlierRule.check(attributes, against: chestModel()) == [.pediatric])
  }

  @Test func ageFromBirthDateWhenAgeMissing() {
    var attributes = adultChest()
    attributes.patientAge = ""
    attributes.birthDate = "20150301"
    attributes.studyDate = "20251001"
    #expect(OutlierRule.check(attributes, against: chestModel()) == [.pediatric])
    attributes.birthDate = ""
    #expect(OutlierRule.check(attributes, against: chestModel()) == [.missingAge])
  }

  @Test func decubitusAndGeometryAndPhotometric() {
    var attributes = adultChest()
    attributes.patientPosition = "HFDL"
    attributes.rows = 64
    attributes.photometric = "MONOCHROME1"
    attributes.modality = "CT"
    attributes.bodyPart = ""
    #expect(
      OutlierRule.check(attributes, against: chestModel()) == [
        .unexpectedModality, .missingBodyPart, .decubitusPosition, .extremeGeometry,
        .unexpectedPhotometric,
      ])
  }

  @Test func disabledRuleSkipped() {
    var attributes = adultChest()
    attributes.patientAge = "005Y"
    let enabled = Set(OutlierRule.allCases).subtracting([.pediatric])
    #expect(OutlierRule.check(attributes, against: chestModel(), enabled: enabled) == [])
  }

  @Test(arguments: [
    (nil as Double?, AgeBand.unknown), (0.5, .infant), (2, .toddler), (11.9, .child), (17, .adolescent),
    (18, .youngAdult), (64.9, .adult), (79, .senior), (95, .elderly), (-1, .unknown),
  ])
  func ageBands(years: Double?, band: AgeBand) {
    #expect(AgeBand(years: years) == band)
  }

  @Test(arguments: [
    ("THORAX", "CHEST"), (" chest\0", "CHEST"), ("ОГК", "CHEST"), ("l-spine", "LSPINE"),
    ("Abdomen_Pelvis", "ABDOMENPELVIS"), ("", ""), ("UNKNOWNPART", "UNKNOWNPART"),
  ])
  func bodyPartNormalisation(raw: String, normalised: String) {
    #expect(BodyPartNormalizer.normalize(raw) == normalised)
  }

  @Test(arguments: [("045Y", 45.0), ("006M", 0.5), ("012W", 12 * 7 / 365.2425), ("bad", nil), ("45Y", nil)])
  func parsesAgeStrings(text: String, years: Double?) {
    #expect(InstanceAttributes.parseAge(text) == years)
  }
}
