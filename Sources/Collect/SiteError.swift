import Core

/// Failures of the site-side commands, each worded once here.
public enum SiteError: MedmonError, Equatable {
  case secretTooOpen(path: String, mode: UInt32)
  case secretInvalid(path: String, size: Int, expected: Int)
  case invalidRecipient(String)
  case missingOption(String)
  case notInitialized(configPath: String)
  case unknownReference(String)
  case invalidReference(String)
  case nothingToExport(since: String)
  case invalidPeriod(start: String, end: String)
  case nothingConfigured

  public var message: String {
    switch self {
    case .secretTooOpen(let path, let mode):
      return "secret key '\(path)' has mode \(String(mode, radix: 8)); others must not read it"
    case .secretInvalid(let path, let size, let expected):
      return "secret key '\(path)' has \(size) bytes, expected \(expected)"
    case .invalidRecipient(let text):
      return "invalid recipient '\(text)': expected an age X25519 recipient starting with 'age1'"
    case .missingOption(let name):
      return "missing '--\(name)'"
    case .notInitialized(let configPath):
      return "no configuration at '\(configPath)'"
    case .unknownReference(let reference):
      return "no study with reference '\(reference)' in the state database"
    case .invalidReference(let reference):
      return "invalid study reference '\(reference)': expected 16 base32 characters"
    case .nothingToExport(let since):
      return "nothing to export: no snapshot data since \(since)"
    case .invalidPeriod(let start, let end):
      return "invalid period: start \(start) is after end \(end)"
    case .nothingConfigured:
      return "nothing to snapshot: the configuration names no DICOM roots, log paths or results paths"
    }
  }

  public var hint: String? {
    switch self {
    case .secretTooOpen(let path, _): return "run 'chmod 600 \(path)'."
    case .notInitialized: return "run 'medmon init' first, or pass --config FILE."
    case .missingOption(let name): return "pass --\(name), or run on a terminal to be asked."
    case .nothingConfigured:
      return "set 'roots' under [dicom], 'paths' under [logs] or [results]; docs/configuration.md lists them."
    case .nothingToExport: return "run 'medmon snapshot' first, or choose a period with --since and --until."
    default: return nil
    }
  }
}
