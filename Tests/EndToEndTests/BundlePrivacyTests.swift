import Core
import Testing

/// No patient attribute written into the store reaches a bundle, neither
/// in its bytes nor in the payload decrypted with Debian's `age`.
@Suite struct BundlePrivacyTests {
  /// Values of the test store that identify a patient or an instance.
  private func identifiers(_ site: TestSite) -> [String] {
    site.patientNames + ["QUIXTESTER", "QX700000", "QX700001", "19610203", "1.2.826.0.1.3680043.2.1143"]
  }

  /// Decrypts and unpacks the payload of `bundle` with age, zstd and tar,
  /// and returns the text of each inner file by name.
  private func decryptedFiles(_ site: TestSite, _ bundle: String) throws -> [String: String] {
    let folder = site.root + "/opened"
    try FileSystem.createDirectory(folder)
    try tool("tar", ["-xf", bundle, "-C", folder])
    try tool("age", ["-d", "-i", site.vendorKey, "-o", folder + "/inner.tar.zst", folder + "/payload.age"])
    try tool("zstd", ["-q", "-d", folder + "/inner.tar.zst", "-o", folder + "/inner.tar"])
    try FileSystem.createDirectory(folder + "/inner")
    try tool("tar", ["-xf", folder + "/inner.tar", "-C", folder + "/inner"])
    let names = try tool("ls", [folder + "/inner"]).split(separator: "\n").map(String.init)
    var files: [String: String] = [:]
    for name in names { files[name] = try FileSystem.readText(folder + "/inner/" + name) }
    return files
  }

  @discardableResult
  private func tool(_ program: String, _ arguments: [String]) throws -> String {
    let output = try Subprocess.run(program, arguments: arguments, timeout: 60)
    guard output.succeeded else {
      throw TestSetupError(message: "\(program) failed: \(output.errorText)")
    }
    return output.outputText
  }

  @Test func bundleBytesHoldNoPatientName() throws {
    let site = try TestSite()
    #expect(try site.run(["snapshot"]).exitCode == 0)
    #expect(try site.run(["collect", "--out", site.usb]).exitCode == 0)
    let bytes = try FileSystem.readBytes(try #require(try site.bundles().first))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("End To End"))
    for value in identifiers(site) {
      #expect(!text.contains(value), "bundle bytes contain '\(value)'")
    }
  }

  @Test func decryptedPayloadHoldsNoPatientName() throws {
    let site = try TestSite()
    #expect(try site.run(["snapshot"]).exitCode == 0)
    #expect(try site.run(["collect", "--out", site.usb]).exitCode == 0)
    let files = try decryptedFiles(site, try #require(try site.bundles().first))
    let counts = try #require(files["dicom_counts.jsonl"])
    #expect(counts.contains("\"dimension\":\"modality\",\"instances\":3"))
    for (name, text) in files {
      for value in identifiers(site) {
        #expect(!text.contains(value), "'\(name)' contains '\(value)'")
      }
    }
  }

  @Test func dryRunOutputHoldsNoPatientName() throws {
    let site = try TestSite()
    #expect(try site.run(["snapshot"]).exitCode == 0)
    let output = try site.run(["collect", "--dry-run"])
    #expect(output.exitCode == 0)
    #expect(output.outputText.contains("dicom_counts"))
    for value in identifiers(site) {
      #expect(!output.outputText.contains(value), "dry run prints '\(value)'")
      #expect(!output.errorText.contains(value), "dry run logs '\(value)'")
    }
  }
}
