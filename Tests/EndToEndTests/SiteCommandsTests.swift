import Core
import Testing

/// The site admin's commands, run as the built executable on a small
/// DICOM store made by the test.
@Suite struct SiteCommandsTests {
  @Test func initWritesConfiguration() throws {
    let site = try TestSite()
    let text = try FileSystem.readText(site.config)
    #expect(text.contains("name = \"End To End\""))
    #expect(text.contains(site.store))
  }

  @Test func snapshotCountsInstances() throws {
    let site = try TestSite(studies: 4)
    let output = try site.run(["snapshot"])
    #expect(output.exitCode == 0)
    #expect(output.outputText.isEmpty)
    #expect(output.errorText.contains("4 files seen, 4 new"))
    #expect(output.errorText.contains("4 instances counted, 0 problems"))
  }

  @Test func collectWritesVerifiableBundle() throws {
    let site = try TestSite()
    #expect(try site.run(["snapshot"]).exitCode == 0)
    let collect = try site.run(["collect", "--out", site.usb])
    #expect(collect.exitCode == 0)
    let bundles = try site.bundles()
    #expect(bundles.count == 1)
    let bundle = try #require(bundles.first)
    #expect(bundle.hasSuffix("-000001.tar"))
    #expect(collect.outputText.trimmingNewline() == bundle)

    let verify = try site.medmon.run(["verify", bundle])
    #expect(verify.exitCode == 0)
    #expect(verify.outputText.contains(": OK: site 'End To End'"))
    #expect(verify.outputText.contains("sequence 1"))
  }

  @Test func secondCollectContinuesSequence() throws {
    let site = try TestSite()
    #expect(try site.run(["snapshot"]).exitCode == 0)
    #expect(try site.run(["collect", "--out", site.usb]).exitCode == 0)
    #expect(try site.run(["snapshot"]).exitCode == 0)
    let second = try site.run(["collect", "--out", site.usb])
    #expect(second.exitCode == 0)
    let bundles = try site.bundles()
    #expect(bundles.count == 2)
    #expect(bundles.last?.hasSuffix("-000002.tar") == true)
    let verify = try site.medmon.run(["verify", try #require(bundles.last)])
    #expect(verify.outputText.contains("sequence 2"))
  }

  @Test func dryRunPrintsTablesOnly() throws {
    let site = try TestSite()
    #expect(try site.run(["snapshot"]).exitCode == 0)
    let output = try site.run(["collect", "--dry-run"])
    #expect(output.exitCode == 0)
    #expect(output.outputText.contains("==> content.json <=="))
    #expect(output.outputText.contains("==> dicom_counts.jsonl <=="))
    #expect(output.outputText.contains("\"value\":\"DX\""))
    #expect(try site.bundles().isEmpty)
  }

  @Test func unknownOptionExitsWithUsageError() throws {
    let site = try TestSite(studies: 1)
    let output = try site.run(["collect", "--no-such-option"])
    #expect(output.exitCode == 2)
    #expect(output.outputText.isEmpty)
    #expect(output.errorText.hasPrefix("medmon: error: unknown option '--no-such-option'"))
  }

  @Test func missingConfigurationExitsWithError() throws {
    let site = try TestSite(studies: 1)
    let output = try site.medmon.run(["snapshot", "--config", site.root + "/absent.toml"])
    #expect(output.exitCode == 3)
    #expect(output.errorText.hasPrefix("medmon: error: "))
    #expect(output.errorText.contains("absent.toml"))
  }
}
