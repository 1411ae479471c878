import Core

/// Parses one file of the store into the attributes a snapshot counts.
/// The parse stops as soon as the last attribute it needs has passed, so
/// a large image costs no more than a small one.
public struct DICOMFileScanner: Sendable {
  private let reader: DICOMReader

  /// The attributes `InstanceAttributes` is built from.
  static let tags: Set<Tag> = [
    .studyInstanceUID, .seriesInstanceUID, .accessionNumber, .studyDate, .modality,
    .manufacturer, .manufacturerModelName, .softwareVersions, .bodyPartExamined, .sopClassUID,
    .photometricInterpretation, .patientSex, .patientAge, .patientBirthDate, .viewPosition,
    .patientPosition, .institutionName, .stationName, .rows, .columns, .pixelSpacing,
    .sliceThickness, .kvp, .exposure, .specificCharacterSet,
  ]

  public init() {
    var options = DICOMReadOptions()
    options.requestedTags = Self.tags
    reader = DICOMReader(options: options)
  }

  /// Reads `path` and returns its attributes, or the problem kind when it
  /// is not a DICOM file or cannot be read. A truncated file keeps what
  /// was read before the damage when that includes a study UID.
  public func scan(_ path: String, _ status: FileSystem.Status) -> ScannedFile {
    let result = reader.read(path: path)
    let problem = result.error.map(Self.problemKind)
    if let error = result.error, !Self.keepsPartialData(error) {
      return ScannedFile(path: path, status: status, attributes: nil, problem: problem)
    }
    let attributes = Self.attributes(of: result)
    if attributes.studyUID.isEmpty && attributes.modality.isEmpty && attributes.sopClass.isEmpty {
      return ScannedFile(path: path, status: status, attributes: nil, problem: problem ?? "not_dicom")
    }
    return ScannedFile(path: path, status: status, attributes: attributes, problem: problem)
  }

  static func attributes(of result: DICOMReadResult) -> InstanceAttributes {
    let data = result.dataSet
    var attributes = InstanceAttributes()
    attributes.studyUID = data.string(.studyInstanceUID) ?? ""
    attributes.seriesUID = data.string(.seriesInstanceUID) ?? ""
    attributes.accessionNumber = data.string(.accessionNumber) ?? ""
    attributes.studyDate = data.string(.studyDate) ?? ""
    attributes.modality = data.string(.modality) ?? ""
    attributes.manufacturer = data.string(.manufacturer) ?? ""
    attributes.model = data.string(.manufacturerModelName) ?? ""
    attributes.softwareVersions = data.strings(.softwareVersions).joined(separator: "\\")
    attributes.bodyPart = data.string(.bodyPartExamined) ?? ""
    attributes.sopClass = data.string(.sopClassUID) ?? result.meta.string(.mediaStorageSOPClassUID) ?? ""
    attributes.transferSyntax = result.transferSyntax.uid
    attributes.photometric = data.string(.photometricInterpretation) ?? ""
    attributes.sex = data.string(.patientSex) ?? ""
    attributes.patientAge = data.string(.patientAge) ?? ""
    attributes.birthDate = data.string(.patientBirthDate) ?? ""
    attributes.viewPosition = data.string(.viewPosition) ?? ""
    attributes.patientPosition = data.string(.patientPosition) ?? ""
    attributes.institution = data.string(.institutionName) ?? ""
    attributes.station = data.string(.stationName) ?? ""
    attributes.rows = data.integer(.rows)
    attributes.columns = data.integer(.columns)
    attributes.pixelSpacing = data.double(.pixelSpacing)
    attributes.sliceThickness = data.double(.sliceThickness)
    attributes.kvp = data.double(.kvp)
    attributes.exposure = data.double(.exposure)
    return attributes
  }

  /// Maps a parser error to a scan problem kind of the bundle format.
  static func problemKind(_ error: DICOMError) -> String {
    switch error {
    case .unreadable: return "unreadable"
    case .notDICOM: return "not_dicom"
    case .truncated: return "truncated"
    default: return "parse_error"
    }
  }

  private static func keepsPartialData(_ error: DICOMError) -> Bool {
    switch error {
    case .unreadable, .notDICOM: return false
    default: return true
    }
  }
}
