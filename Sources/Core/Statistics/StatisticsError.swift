/// A failure to decode, merge or build a statistics summary.
public enum StatisticsError: MedmonError, Equatable {
  /// The encoded summary ends before the field `field` at byte `offset`.
  case truncated(kind: String, field: String, offset: Int)
  /// The encoded summary starts with a version this build cannot read.
  case unsupportedVersion(kind: String, version: Int)
  /// A decoded field has a value outside its valid range.
  case invalidField(kind: String, field: String, value: String, offset: Int)
  /// Bytes remain after the last field of the encoded summary.
  case trailingBytes(kind: String, count: Int, offset: Int)
  /// Two summaries with different parameters cannot be merged.
  case incompatibleParameters(kind: String, left: String, right: String)
  /// A parameter passed to a constructor is outside its valid range.
  case invalidParameter(name: String, value: String, expected: String)
  /// A text form is not valid base64.
  case invalidBase64(offset: Int)

  public var message: String {
    switch self {
    case .truncated(let kind, let field, let offset):
      return "\(kind) data ends before field '\(field)' at byte offset \(offset)"
    case .unsupportedVersion(let kind, let version):
      return "\(kind) data has unsupported version '\(version)'"
    case .invalidField(let kind, let field, let value, let offset):
      return "\(kind) field '\(field)' has invalid value '\(value)' at byte offset \(offset)"
    case .trailingBytes(let kind, let count, let offset):
      return "\(kind) data has \(count) unexpected bytes after byte offset \(offset)"
    case .incompatibleParameters(let kind, let left, let right):
      return "cannot merge \(kind) with parameters '\(left)' and '\(right)'"
    case .invalidParameter(let name, let value, let expected):
      return "parameter '\(name)' has invalid value '\(value)', expected \(expected)"
    case .invalidBase64(let offset):
      return "text is not valid base64 at character offset \(offset)"
    }
  }

  public var hint: String? {
    switch self {
    case .unsupportedVersion:
      return "the bundle was written by a newer medmon; upgrade medmon to read it"
    default:
      return nil
    }
  }
}
