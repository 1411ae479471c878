/// A study-level check against what the deployed model expects. Each hit
/// stores the study's pseudonym so the site can look the study up.
public enum OutlierRule: String, CaseIterable, Sendable {
  case pediatric = "pediatric_patient"
  case unexpectedBodyPart = "unexpected_body_part"
  case unexpectedModality = "unexpected_modality"
  case missingBodyPart = "missing_body_part"
  case missingAge = "missing_age"
  case decubitusPosition = "decubitus_position"
  case extremeGeometry = "extreme_geometry"
  case unexpectedPhotometric = "unexpected_photometric"

  /// The rule's meaning in one line, for help and reports.
  public var summary: String {
    switch self {
    case .pediatric: return "patient younger than the model's minimum age"
    case .unexpectedBodyPart: return "body part outside the model's expected set"
    case .unexpectedModality: return "modality outside the model's expected set"
    case .missingBodyPart: return "BodyPartExamined empty or missing"
    case .missingAge: return "neither PatientAge nor PatientBirthDate gives an age"
    case .decubitusPosition: return "lateral or decubitus PatientPosition (HFDL, FFDR, LFP...)"
    case .extremeGeometry: return "Rows or Columns outside the model's expected range"
    case .unexpectedPhotometric: return "PhotometricInterpretation other than the expected one"
    }
  }

  /// PatientPosition values with the patient on their side (decubitus)
  /// or entering left or right side first (PS3.3 C.7.3.1.1.2).
  static let lateralPositions: Set<String> = [
    "HFDL", "HFDR", "FFDL", "FFDR", "LFP", "LFS", "RFP", "RFS", "AFDL", "AFDR", "PFDL", "PFDR",
  ]

  /// Returns the rules that `attributes` breaks, in declaration order.
  public static func check(
    _ attributes: InstanceAttributes, against model: ModelExpectations,
    enabled: Set<OutlierRule> = Set(allCases)
  ) -> [OutlierRule] {
    allCases.filter { enabled.contains($0) && $0.fires(on: attributes, model) }
  }

  func fires(on attributes: InstanceAttributes, _ model: ModelExpectations) -> Bool {
    let bodyPart = BodyPartNormalizer.normalize(attributes.bodyPart)
    switch self {
    case .pediatric:
      guard let age = attributes.ageYears else { return false }
      return age < Double(model.minimumAgeYears)
    case .unexpectedBodyPart:
      return !bodyPart.isEmpty && !model.bodyParts.isEmpty
        && !model.bodyParts.map(BodyPartNormalizer.normalize).contains(bodyPart)
    case .unexpectedModality:
      let modality = attributes.modality.trimmingSpaces().uppercased()
      return !modality.isEmpty && !model.modalities.isEmpty
        && !model.modalities.map { $0.uppercased() }.contains(modality)
    case .missingBodyPart:
      return bodyPart.isEmpty
    case .missingAge:
      return attributes.ageYears == nil
    case .decubitusPosition:
      return Self.lateralPositions.contains(attributes.patientPosition.trimmingSpaces().uppercased())
    case .extremeGeometry:
      let sides = [attributes.rows, attributes.columns].compactMap { $0 }
      return sides.contains { $0 < model.minimumMatrix || $0 > model.maximumMatrix }
    case .unexpectedPhotometric:
      let photometric = attributes.photometric.trimmingSpaces().uppercased()
      return !photometric.isEmpty && photometric != model.photometric.uppercased()
    }
  }
}
