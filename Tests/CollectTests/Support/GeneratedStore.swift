import Core
import TestSupport

@testable import Collect

/// A pseudonymizer with a fixed key, so tests are repeatable.
func testPseudonymizer() -> KeyedPseudonymizer {
  KeyedPseudonymizer(key: SecretBytes(copying: [UInt8](repeating: 7, count: 32)))
}

func testConfig(_ folder: TemporaryFolder) -> SiteConfig {
  var config = SiteConfig(
    siteName: "Test", siteID: "00000000-0000-4000-8000-000000000000",
    statePath: folder.path + "/state/state.db", secretsPath: folder.path + "/secrets",
    recipients: ["age1placeholder"])
  config.dicom.roots = [folder.path + "/store"]
  config.model.bodyParts = ["CHEST"]
  return config
}

func runSnapshot(_ config: SiteConfig, now: Int64) throws -> SnapshotSummary {
  let scanner = DICOMFileScanner()
  return try SnapshotRunner(
    config: config, pseudonymizer: testPseudonymizer(), logger: .silent, now: { now }, collectors: [],
    parse: { scanner.scan($0, $1) }
  ).run()
}

