/// The reason one line of a results file was rejected. Cases carry field
/// names only, never values from the line, because a line may contain a
/// UID.
public enum ResultLineProblem: Error, Hashable, Sendable {
  case invalidJSON(offset: Int)
  case missingField(String)
  case invalidField(String, expected: String)
  case invalidTime
  case unlabeledFinding(String)
  case tooLong(limit: Int)
  case tooManyEntries(field: String, limit: Int)
  case invalidUTF8

  /// The kind as listed in docs/results-format.md, used to count problems.
  public var kind: String {
    switch self {
    case .invalidJSON: return "invalid_json"
    case .missingField: return "missing_field"
    case .invalidField: return "invalid_field"
    case .invalidTime: return "invalid_time"
    case .unlabeledFinding: return "unlabeled_finding"
    case .tooLong: return "too_long"
    case .tooManyEntries: return "too_many_entries"
    case .invalidUTF8: return "invalid_utf8"
    }
  }

  public var reason: String {
    switch self {
    case .invalidJSON(let offset):
      return "invalid JSON at byte \(offset) of the line"
    case .missingField(let field):
      return "missing required field '\(field)'"
    case .invalidField(let field, let expected):
      return "invalid field '\(field)': expected \(expected)"
    case .invalidTime:
      return "invalid field 'time': expected RFC 3339 text or Unix seconds"
    case .unlabeledFinding(let name):
      return "finding '\(name)' has no label and no threshold"
    case .tooLong(let limit):
      return "line longer than \(limit) bytes"
    case .tooManyEntries(let field, let limit):
      return "more than \(limit) entries in '\(field)'"
    case .invalidUTF8:
      return "invalid UTF-8"
    }
  }
}
