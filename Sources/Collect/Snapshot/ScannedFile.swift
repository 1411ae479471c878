import Core

/// One file of the DICOM store after parsing: its attributes, or why it
/// could not be counted. A truncated file still has the attributes read
/// before the damage, and is counted as well as reported.
public struct ScannedFile: Sendable {
  public var path: String
  public var status: FileSystem.Status
  public var attributes: InstanceAttributes?
  /// A scan problem kind from the bundle format (`not_dicom`,
  /// `truncated`, `parse_error`, `unreadable`), or nil.
  public var problem: String?

  public init(
    path: String, status: FileSystem.Status, attributes: InstanceAttributes?, problem: String?
  ) {
    self.path = path
    self.status = status
    self.attributes = attributes
    self.problem = problem
  }
}

/// Numeric attributes kept as distributions, with the names used in
/// `dicom_numeric.jsonl`.
enum NumericMetric: String, CaseIterable {
  case ageYears = "age_years"
  case rows
  case columns
  case pixelSpacing = "pixel_spacing_mm"
  case sliceThickness = "slice_thickness_mm"
  case kvp
  case exposure = "exposure_mas"
  case fileSize = "file_size_bytes"

  func value(of file: ScannedFile) -> Double? {
    guard let attributes = file.attributes else { return nil }
    switch self {
    case .ageYears: return attributes.ageYears
    case .rows: return attributes.rows.map(Double.init)
    case .columns: return attributes.columns.map(Double.init)
    case .pixelSpacing: return attributes.pixelSpacing
    case .sliceThickness: return attributes.sliceThickness
    case .kvp: return attributes.kvp
    case .exposure: return attributes.exposure
    case .fileSize: return Double(file.status.size)
    }
  }
}
