/// Names and limits of the bundle layout shared by the writer on the site
/// and the reader at the vendor (docs/bundle-format.md).
public enum BundleLayout {
  /// The `format` value of every manifest.
  public static let format = "medmon-bundle"
  /// The `format_version` values this build reads and writes.
  public static let supportedVersions: ClosedRange<Int64> = 1...1

  public static let manifestName = "manifest.json"
  public static let signatureName = "manifest.sig"
  public static let payloadName = "payload.age"
  /// The outer tar's entries, in the order they are written.
  public static let entryNames = [manifestName, signatureName, payloadName]

  public static let contentName = "content.json"
  public static let collectionName = "collection.json"

  /// Returns the file name `medmon-SITE-START-END-SEQUENCE.tar`, with the
  /// site name reduced to lower-case `[a-z0-9-]`.
  public static func fileName(siteName: String, start: Day, end: Day, sequence: Int) -> String {
    let compact = { (day: Day) in day.description.filter { $0 != "-" } }
    let digits = String(sequence)
    let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    return "medmon-\(slug(siteName))-\(compact(start))-\(compact(end))-\(padded).tar"
  }

  /// Reduces a name to lower-case letters, digits and single hyphens.
  public static func slug(_ name: String) -> String {
    var result = ""
    for character in name.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        result.append(character)
      } else if !result.isEmpty && result.last != "-" {
        result.append("-")
      }
    }
    while result.last == "-" { result.removeLast() }
    return result.isEmpty ? "site" : result
  }
}

/// The payload tables, each stored as `NAME.jsonl` in the inner archive.
public enum PayloadTable: String, CaseIterable, Sendable {
  case dicomCounts = "dicom_counts"
  case dicomNumeric = "dicom_numeric"
  case crosstab
  case outliers
  case scanProblems = "scan_problems"
  case snapshots
  case host
  case logLevels = "log_levels"
  case logTemplates = "log_templates"
  case latency
  case throughput
  case results
  case resultSketches = "result_sketches"
  case review

  /// The file name inside the inner archive.
  public var fileName: String { rawValue + ".jsonl" }
}
