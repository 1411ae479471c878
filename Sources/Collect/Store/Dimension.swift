import Core

/// The categorical dimensions a snapshot counts per day. The raw values
/// are the names that appear in `dicom_counts.jsonl`.
public enum Dimension: String, CaseIterable, Sendable {
  case modality
  case manufacturer
  case model
  case software
  case bodyPart = "body_part"
  case bodyPartRaw = "body_part_raw"
  case sopClass = "sop_class"
  case transferSyntax = "transfer_syntax"
  case photometric
  case sex
  case ageBand = "age_band"
  case viewPosition = "view_position"
  case patientPosition = "patient_position"
  case institution
  case station
  case studyMonth = "study_month"

  /// Returns the value of this dimension for one instance, already
  /// normalised or pseudonymised as it will be exported.
  func value(
    of attributes: InstanceAttributes, pseudonymizer: any Pseudonymizer, clearAttributes: Set<String>
  ) -> String {
    switch self {
    case .modality: return attributes.modality.trimmingSpaces().uppercased()
    case .manufacturer: return attributes.manufacturer.trimmingSpaces()
    case .model: return attributes.model.trimmingSpaces()
    case .software: return attributes.softwareVersions.trimmingSpaces()
    case .bodyPart: return BodyPartNormalizer.normalize(attributes.bodyPart)
    case .bodyPartRaw: return attributes.bodyPart.trimmingSpaces()
    case .sopClass: return attributes.sopClass.trimmingSpaces()
    case .transferSyntax: return attributes.transferSyntax.trimmingSpaces()
    case .photometric: return attributes.photometric.trimmingSpaces().uppercased()
    case .sex: return Self.normalizeSex(attributes.sex)
    case .ageBand: return AgeBand(years: attributes.ageYears).rawValue
    case .viewPosition: return attributes.viewPosition.trimmingSpaces().uppercased()
    case .patientPosition: return attributes.patientPosition.trimmingSpaces().uppercased()
    case .institution:
      return pseudonymous(
        attributes.institution, "institution", pseudonymizer, !clearAttributes.contains("InstitutionName"))
    case .station:
      return pseudonymous(
        attributes.station, "station", pseudonymizer, !clearAttributes.contains("StationName"))
    case .studyMonth:
      guard let day = Day(attributes.studyDate.trimmingSpaces()) else { return "" }
      return day.monthLabel
    }
  }

  private func pseudonymous(
    _ raw: String, _ kind: String, _ pseudonymizer: any Pseudonymizer, _ enabled: Bool
  ) -> String {
    let value = raw.trimmingSpaces()
    guard !value.isEmpty else { return "" }
    return enabled ? pseudonymizer.name(value.uppercased(), kind: kind) : value
  }

  /// Maps PatientSex to M, F or O, and anything else to empty.
  static func normalizeSex(_ raw: String) -> String {
    let value = raw.trimmingSpaces().uppercased()
    return ["M", "F", "O"].contains(value) ? value : ""
  }
}
