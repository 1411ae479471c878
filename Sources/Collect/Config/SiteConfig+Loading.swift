import Core

extension SiteConfig {
  /// Reads and checks a configuration file. Unknown keys are returned as
  /// warnings rather than errors, so an old medmon reads a newer file.
  public static func load(path: String) throws -> (config: SiteConfig, warnings: [String]) {
    let text: String
    do {
      text = try FileSystem.readText(path)
    } catch let error as FileSystemError {
      throw ConfigError.unreadable(path: path, reason: error.reason)
    }
    return try parse(text, path: path)
  }

  public static func parse(_ text: String, path: String) throws -> (config: SiteConfig, warnings: [String]) {
    let root = TOMLSection(try TOMLParser.parse(text, path: path), name: "", path: path)
    let site = try root.section("site")
    var config = SiteConfig(
      siteName: try site.requiredString("name"),
      siteID: try site.requiredString("id"),
      statePath: try site.string("state") ?? defaultStatePath,
      secretsPath: try site.string("secrets") ?? defaultSecretsPath,
      recipients: try root.section("vendor").strings("recipients") ?? [])
    if config.recipients.isEmpty {
      throw ConfigError.missingKey(path: path, key: "vendor.recipients")
    }

    let sections = try readSections(root, into: &config)
    let warnings = ([root, site] + sections).flatMap { section in
      section.unknownKeys().map { "\(path):\($0.position): unknown key '\($0.key)' is ignored" }
    }
    return (config, warnings)
  }

  private static func readSections(_ root: TOMLSection, into config: inout SiteConfig) throws -> [TOMLSection] {
    let vendor = try root.section("vendor")
    _ = try vendor.strings("recipients")

    let dicom = try root.section("dicom")
    config.dicom.roots = try dicom.strings("roots") ?? []
    config.dicom.workers = Int(try dicom.integer("workers", in: 0...256) ?? 0)
    config.dicom.skipSuffixes = try dicom.strings("skip_suffixes") ?? config.dicom.skipSuffixes

    let logs = try root.section("logs")
    config.logs.paths = try logs.strings("paths") ?? []
    config.logs.format = try logs.string("format") ?? "auto"
    config.logs.latencyPattern = try logs.string("latency_pattern")

    let results = try root.section("results")
    config.results.paths = try results.strings("paths") ?? []
    config.results.reviewSample = Int(try results.integer("review_sample", in: 0...10_000) ?? 20)

    let host = try root.section("host")
    config.host.diskPaths = try host.strings("disk_paths") ?? ["/"]
    config.host.units = try host.strings("units") ?? []
    config.host.gpu = try host.boolean("gpu") ?? true

    let privacy = try root.section("privacy")
    config.privacy.minimumCellCount = Int(try privacy.integer("min_cell_count", in: 1...1000) ?? 5)
    config.privacy.clearAttributes = try privacy.strings("clear_attributes") ?? []

    let model = try root.section("model")
    config.model.bodyParts = try model.strings("body_parts") ?? []
    config.model.modalities = try model.strings("modalities") ?? []
    config.model.minimumAgeYears = Int(try model.integer("min_age_years", in: 0...150) ?? 18)
    config.model.photometric = try model.string("photometric") ?? "MONOCHROME2"
    config.model.minimumMatrix = Int(try model.integer("min_matrix", in: 1...65535) ?? 256)
    config.model.maximumMatrix = Int(try model.integer("max_matrix", in: 1...65535) ?? 8192)

    return [vendor, dicom, logs, results, host, privacy, model]
  }
}
