import Core

/// A vendor-side failure outside bundle reading, with its wording.
public enum ReportError: MedmonError, Equatable {
  case noHistoryPath
  case unknownSite(String)
  case noBundles(site: String)

  public var message: String {
    switch self {
    case .noHistoryPath:
      return "cannot find the history database because neither XDG_DATA_HOME nor HOME is set"
    case .unknownSite(let text):
      return "no site \"\(text)\" in the history database"
    case .noBundles(let site):
      return "site \"\(site)\" has no trusted bundle in the history database"
    }
  }

  public var hint: String? {
    switch self {
    case .noHistoryPath: return "pass the database path with --history"
    case .unknownSite: return "run `medmon sites` to list the sites by name and id"
    case .noBundles: return "analyze a bundle of the site first"
    }
  }
}
