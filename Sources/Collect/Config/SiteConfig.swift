import Core

/// The site's configuration, read from the TOML file that `medmon init`
/// writes. docs/configuration.md describes every key.
public struct SiteConfig: Equatable, Sendable {
  public var siteName: String
  /// A random UUID made by `init`; it names the site in every bundle.
  public var siteID: String
  public var statePath: String
  /// The folder of the signing and pseudonym keys, mode 0700.
  public var secretsPath: String
  public var recipients: [String]
  public var dicom = DICOMSettings()
  public var logs = LogSettings()
  public var results = ResultSettings()
  public var host = HostSettings()
  public var privacy = PrivacySettings()
  public var model = ModelExpectations()

  public init(siteName: String, siteID: String, statePath: String, secretsPath: String, recipients: [String]) {
    self.siteName = siteName
    self.siteID = siteID
    self.statePath = statePath
    self.secretsPath = secretsPath
    self.recipients = recipients
  }

  public static let defaultPath = "/etc/medmon/medmon.toml"
  public static let defaultStatePath = "/var/lib/medmon/state.db"
  public static let defaultSecretsPath = "/var/lib/medmon/secrets"

  /// Returns the configuration file to use: `--config`, then
  /// `MEDMON_CONFIG`, then the default path.
  public static func resolvePath(option: String?, environment: [String: String]) -> String {
    if let option { return option }
    if let variable = environment["MEDMON_CONFIG"], !variable.isEmpty { return variable }
    return defaultPath
  }
}

/// Settings of the DICOM store walk.
public struct DICOMSettings: Equatable, Sendable {
  public var roots: [String] = []
  /// Parser threads; 0 means one per core.
  public var workers = 0
  /// Files whose names end in these suffixes are never opened.
  public var skipSuffixes = [".json", ".txt", ".xml", ".log", ".tmp", ".lock"]
}

/// Settings of the application log reader.
public struct LogSettings: Equatable, Sendable {
  public var paths: [String] = []
  /// auto, json, python, syslog or plain.
  public var format = "auto"
  /// A pattern with one number group, for latency in milliseconds.
  public var latencyPattern: String?
}

/// Settings of the AI results reader (JSON Lines files).
public struct ResultSettings: Equatable, Sendable {
  public var paths: [String] = []
  /// Size of the random review sample per period.
  public var reviewSample = 20
}

/// Settings of the host health probe run at each snapshot.
public struct HostSettings: Equatable, Sendable {
  public var diskPaths: [String] = ["/"]
  public var units: [String] = []
  /// Runs `nvidia-smi` when it is installed.
  public var gpu = true
}

/// Privacy settings beyond the fixed allow-list of exported fields.
public struct PrivacySettings: Equatable, Sendable {
  /// Cells of quasi-identifier cross-tabulations below this count are
  /// suppressed before export.
  public var minimumCellCount = 5
  /// DICOM keywords of confidential attributes the site opts in to export
  /// in clear text. Only `InstitutionName` and `StationName` are exported
  /// at all; listed here, they leave as names instead of pseudonyms.
  public var clearAttributes: [String] = []
}

/// The inputs the deployed model expects, used by the outlier rules.
public struct ModelExpectations: Equatable, Sendable {
  public var bodyParts: [String] = []
  public var modalities: [String] = []
  /// Patients younger than this (in years) are flagged as pediatric.
  public var minimumAgeYears = 18
  public var photometric = "MONOCHROME2"
  /// Images with fewer rows or columns than this are flagged.
  public var minimumMatrix = 256
  /// Images with more rows or columns than this are flagged.
  public var maximumMatrix = 8192
}
