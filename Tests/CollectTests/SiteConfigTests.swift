import Core
import Testing

@testable import Collect

@Suite struct SiteConfigTests {
  private func sample() -> SiteConfig {
    var config = SiteConfig(
      siteName: "Север \"North\" Clinic", siteID: "0b7d2c8e-5f1a-4e39-9a57-3f7c1d2e8b40",
      statePath: "/tmp/state.db", secretsPath: "/tmp/secrets",
      recipients: ["age1aaa", "age1bbb"])
    config.dicom.roots = ["/srv/orthanc", "/mnt/pacs\\share"]
    config.dicom.workers = 2
    config.logs.paths = ["/var/log/ai/*.log"]
    config.logs.latencyPattern = "took ([0-9.]+) ms"
    config.results.paths = ["/var/lib/ai/results.jsonl"]
    config.host.units = ["ai.service"]
    config.host.gpu = false
    config.privacy.minimumCellCount = 7
    config.model.bodyParts = ["CHEST"]
    config.model.modalities = ["CR", "DX"]
    return config
  }

  @Test func renderedFileParsesBackEqual() throws {
    let config = sample()
    let (parsed, warnings) = try SiteConfig.parse(config.renderTOML(), path: "m.toml")
    #expect(parsed == config)
    #expect(warnings.isEmpty)
  }

  @Test func unknownKeyIsWarningWithPosition() throws {
    let text = sample().renderTOML() + "\n[dicom2]\nroot = 1\n"
    let (_, warnings) = try SiteConfig.parse(text, path: "m.toml")
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("unknown key 'dicom2'") == true)
  }

  @Test func missingRecipientsRejected() {
    let text = "[site]\nname = \"a\"\nid = \"b\"\n"
    #expect(throws: ConfigError.missingKey(path: "m.toml", key: "vendor.recipients")) {
      try SiteConfig.parse(text, path: "m.toml")
    }
  }

  @Test func wrongTypeNamesKeyAndLine() {
    let text = "[site]\nname = \"a\"\nid = \"b\"\n[vendor]\nrecipients = [\"age1x\"]\n[dicom]\nworkers = \"2\"\n"
    #expect(
      throws: ConfigError.wrongType(
        path: "m.toml", key: "dicom.workers", position: TOMLPosition(line: 7, column: 1),
        expected: "an integer", actual: "a string")
    ) {
      try SiteConfig.parse(text, path: "m.toml")
    }
  }

  @Test func configPathPrecedence() {
    #expect(SiteConfig.resolvePath(option: "/a", environment: ["MEDMON_CONFIG": "/b"]) == "/a")
    #expect(SiteConfig.resolvePath(option: nil, environment: ["MEDMON_CONFIG": "/b"]) == "/b")
    #expect(SiteConfig.resolvePath(option: nil, environment: [:]) == "/etc/medmon/medmon.toml")
  }
}
