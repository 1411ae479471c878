import Core

/// The attributes of one DICOM instance that a snapshot uses. Identifiers
/// (`studyUID`, `seriesUID`, `accessionNumber`, `studyDate`) stay in the
/// state database for `lookup` and never enter an exported table.
public struct InstanceAttributes: Equatable, Sendable {
  public var studyUID = ""
  public var seriesUID = ""
  public var accessionNumber = ""
  /// StudyDate as written, `YYYYMMDD`.
  public var studyDate = ""
  public var modality = ""
  public var manufacturer = ""
  public var model = ""
  public var softwareVersions = ""
  public var bodyPart = ""
  public var sopClass = ""
  public var transferSyntax = ""
  public var photometric = ""
  public var sex = ""
  /// PatientAge as written (`045Y`), used for the band and the sketch.
  public var patientAge = ""
  /// PatientBirthDate, used only to derive an age when PatientAge is empty.
  public var birthDate = ""
  public var viewPosition = ""
  public var patientPosition = ""
  public var institution = ""
  public var station = ""
  public var rows: Int?
  public var columns: Int?
  public var pixelSpacing: Double?
  public var sliceThickness: Double?
  public var kvp: Double?
  public var exposure: Double?

  public init() {}

  /// Age in years from PatientAge, or from the birth and study dates.
  public var ageYears: Double? {
    if let age = Self.parseAge(patientAge) { return age }
    guard let birth = Day(birthDate), let study = Day(studyDate), study >= birth else { return nil }
    return Double(study.daysSinceEpoch - birth.daysSinceEpoch) / 365.2425
  }

  /// Parses a DICOM AS value (`nnnD`, `nnnW`, `nnnM`, `nnnY`) into years.
  public static func parseAge(_ text: String) -> Double? {
    let trimmed = text.trimmingSpaces()
    guard trimmed.count == 4, let unit = trimmed.last, let number = Int(trimmed.prefix(3)) else {
      return nil
    }
    switch unit {
    case "D", "d": return Double(number) / 365.2425
    case "W", "w": return Double(number) * 7 / 365.2425
    case "M", "m": return Double(number) / 12
    case "Y", "y": return Double(number)
    default: return nil
    }
  }
}

extension String {
  /// Returns the string without leading and trailing spaces and NULs, as
  /// DICOM pads its text values.
  func trimmingSpaces() -> String {
    let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\0" }
    guard let first = firstIndex(where: { !isPadding($0) }),
      let last = lastIndex(where: { !isPadding($0) })
    else { return "" }
    return String(self[first...last])
  }
}
