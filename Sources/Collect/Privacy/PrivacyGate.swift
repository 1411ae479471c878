import Core

/// Checks the plain payload before it is encrypted. Every table has an
/// allow-list of fields, and every string value is checked against
/// patterns of identifiers: DICOM UIDs, person names, birth dates and
/// long digit runs such as patient IDs and accession numbers. A payload
/// that fails is never written.
public struct PrivacyGate {
  /// A value or field that must not leave the site.
  public struct Violation: Equatable, Sendable {
    public var table: String
    public var row: Int
    public var field: String
    public var reason: String
  }

  /// Fields allowed per table; anything else is a violation.
  static let allowedFields: [PayloadTable: Set<String>] = [
    .dicomCounts: ["day", "dimension", "value", "studies", "series", "instances"],
    .dicomNumeric: ["day", "metric", "count", "sketch"],
    .crosstab: ["day", "age_band", "sex", "body_part", "station", "count"],
    .outliers: ["day", "rule", "study", "modality", "body_part", "age_band", "station"],
    .scanProblems: ["day", "kind", "count"],
    .snapshots: ["time", "duration_ms", "files_seen", "files_new", "files_changed", "problems", "boot_time"],
    .host: [
      "time", "uptime_s", "boot_time", "load1", "memory_total_bytes", "memory_available_bytes", "disks",
      "gpu_status", "gpus", "units",
    ],
    .logLevels: ["day", "level", "count"],
    .logTemplates: ["day", "fingerprint", "level", "template", "count", "first_seen", "last_seen", "sample"],
    .latency: ["day", "count", "sketch"],
    .throughput: ["day", "hour", "count"],
    .results: ["day", "model", "version", "studies", "status", "findings"],
    .resultSketches: ["day", "model", "version", "metric", "count", "sketch"],
    .review: ["model", "version", "study", "day", "reason", "uncertainty"],
  ]

  /// Fields whose values are standard UIDs by definition (SOP classes and
  /// transfer syntaxes identify kinds of objects, not patients).
  static let uidFields: Set<String> = ["sop_class_value", "transfer_syntax_value"]

  /// Values that describe equipment rather than patients. Software
  /// versions often carry build dates and part numbers, so the digit-run
  /// check is skipped for them; the UID and person-name checks still apply.
  /// None of these attributes is in the PS3.15 Annex E profile.
  static let equipmentFields: Set<String> = [
    "manufacturer_value", "model_value", "software_value", "sop_class_value", "transfer_syntax_value",
  ]

  /// Fields that medmon fills with hashes of a fixed form; they are
  /// checked against that form instead of the identifier patterns.
  static let formattedFields: [String: (String) -> Bool] = [
    "fingerprint": { text in text.count == 16 && text.allSatisfy(\.isHexDigit) },
    "study": { text in text.count == 16 && Base32.decode(text) != nil && text == text.lowercased() },
  ]

  /// Fields whose values are dates or times written by medmon itself.
  static let timeFields: Set<String> = ["day", "time", "boot_time", "first_seen", "last_seen"]

  public init() {}

  /// Returns every violation in the tables, in table and row order.
  public func check(_ tables: [PayloadTable: [JSONValue]]) -> [Violation] {
    var violations: [Violation] = []
    for table in PayloadTable.allCases {
      for (index, row) in (tables[table] ?? []).enumerated() {
        violations += check(row: row, index: index, table: table)
      }
    }
    return violations
  }

  private func check(row: JSONValue, index: Int, table: PayloadTable) -> [Violation] {
    guard let fields = row.objectValue else {
      return [Violation(table: table.rawValue, row: index + 1, field: "", reason: "row is not a JSON object")]
    }
    let allowed = Self.allowedFields[table] ?? []
    var violations: [Violation] = []
    let dimension = fields["dimension"]?.stringValue
    for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
      let violation = { (reason: String) in
        Violation(table: table.rawValue, row: index + 1, field: name, reason: reason)
      }
      guard allowed.contains(name) else {
        violations.append(violation("field is not on the allow-list"))
        continue
      }
      if Self.timeFields.contains(name) || name == "sketch" { continue }
      if let format = Self.formattedFields[name] {
        if let text = value.stringValue, !format(text) {
          violations.append(violation("value does not have the expected form of a '\(name)'"))
        }
        continue
      }
      let context = name == "value" ? (dimension ?? "") + "_value" : name
      for text in strings(in: value) {
        if let reason = identifierReason(text, context: context) {
          violations.append(violation(reason))
        }
      }
    }
    return violations
  }

  private func strings(in value: JSONValue) -> [String] {
    switch value {
    case .string(let text): return [text]
    case .array(let elements): return elements.flatMap(strings)
    case .object(let members): return members.map(\.0) + members.flatMap { strings(in: $0.1) }
    default: return []
    }
  }

  /// Returns why `text` looks like an identifier, or nil.
  func identifierReason(_ text: String, context: String) -> String? {
    if !Self.uidFields.contains(context), Self.looksLikeUID(text) {
      return "value looks like a DICOM UID"
    }
    if Self.looksLikePersonName(text) { return "value looks like a DICOM person name" }
    if !Self.equipmentFields.contains(context), Self.longestDigitRun(text) >= 8 { return "value contains 8 or more consecutive digits (a date or an identifier)" }
    return nil
  }

  /// Returns whether `text` contains five or more numeric components
  /// separated by dots, the way study, series and instance UIDs look.
  static func looksLikeUID(_ text: String) -> Bool {
    var components = 0
    var current = 0
    var longest = 0
    for character in text {
      if character.isASCII && character.isNumber {
        current += 1
      } else if character == ".", current > 0 {
        components += 1
        current = 0
      } else {
        longest = max(longest, components + (current > 0 ? 1 : 0))
        components = 0
        current = 0
      }
    }
    longest = max(longest, components + (current > 0 ? 1 : 0))
    return longest >= 5
  }

  /// `FAMILY^GIVEN`: letters on both sides of a caret.
  static func looksLikePersonName(_ text: String) -> Bool {
    let characters = Array(text)
    for index in characters.indices where characters[index] == "^" {
      let before = index > 0 && characters[index - 1].isLetter
      let after = index + 1 < characters.count && characters[index + 1].isLetter
      if before && after { return true }
    }
    return false
  }

  static func longestDigitRun(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for character in text {
      current = character.isASCII && character.isNumber ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}
