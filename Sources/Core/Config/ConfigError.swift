/// A configuration file that cannot be read or does not fit the schema.
public enum ConfigError: MedmonError, Equatable {
  case syntax(path: String, position: TOMLPosition, detail: String)
  case wrongType(path: String, key: String, position: TOMLPosition, expected: String, actual: String)
  case invalidValue(path: String, key: String, position: TOMLPosition, value: String, expected: String)
  case missingKey(path: String, key: String)
  case unreadable(path: String, reason: String)

  public var message: String {
    switch self {
    case .syntax(let path, let position, let detail):
      return "\(path):\(position): invalid TOML: \(detail)"
    case .wrongType(let path, let key, let position, let expected, let actual):
      return "\(path):\(position): '\(key)' must be \(expected), not \(actual)"
    case .invalidValue(let path, let key, let position, let value, let expected):
      return "\(path):\(position): invalid value '\(value)' for '\(key)': expected \(expected)"
    case .missingKey(let path, let key):
      return "\(path): missing required key '\(key)'"
    case .unreadable(let path, let reason):
      return "cannot read configuration '\(path)': \(reason)"
    }
  }

  public var hint: String? {
    switch self {
    case .unreadable:
      return "run 'medmon init' to create it, or pass --config FILE or set MEDMON_CONFIG."
    case .missingKey(_, let key):
      return "add '\(key)' to the file; docs/configuration.md lists every key."
    default:
      return nil
    }
  }
}
