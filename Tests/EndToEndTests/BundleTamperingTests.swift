import Core
import Testing

/// Checks that a bundle changed after it was written fails `medmon verify`
/// with the error that names the broken part.
@Suite struct BundleTamperingTests {
  private func writtenBundle() throws -> (TestSite, String) {
    let site = try TestSite()
    #expect(try site.run(["snapshot"]).exitCode == 0)
    #expect(try site.run(["collect", "--out", site.usb]).exitCode == 0)
    return (site, try #require(try site.bundles().first))
  }

  /// Flips one bit in the middle of `entry`'s data and writes the bundle back.
  private func flipByte(in entry: String, of bundle: String) throws {
    var bytes = try FileSystem.readBytes(bundle)
    let range = try #require(TarEntries.dataRanges(bytes)[entry])
    #expect(range.count > 0)
    bytes[range.lowerBound + range.count / 2] ^= 0x01
    try FileSystem.writeAtomically(bytes, to: bundle)
  }

  @Test func flippedPayloadByteFailsChecksum() throws {
    let (site, bundle) = try writtenBundle()
    try flipByte(in: "payload.age", of: bundle)
    let output = try site.medmon.run(["verify", bundle])
    #expect(output.exitCode == 3)
    #expect(output.outputText.isEmpty)
    #expect(output.errorText.hasPrefix("medmon: error: payload of bundle"))
    #expect(output.errorText.contains("has SHA-256"))
  }

  @Test func flippedSignatureByteFailsSignature() throws {
    let (site, bundle) = try writtenBundle()
    try flipByte(in: "manifest.sig", of: bundle)
    let output = try site.medmon.run(["verify", bundle])
    #expect(output.exitCode == 3)
    #expect(output.errorText.contains("does not verify against its signing key"))
  }

  @Test func truncatedBundleFailsVerify() throws {
    let (site, bundle) = try writtenBundle()
    let bytes = try FileSystem.readBytes(bundle)
    try FileSystem.writeAtomically(Array(bytes.prefix(700)), to: bundle)
    let output = try site.medmon.run(["verify", bundle])
    #expect(output.exitCode == 3)
    #expect(output.errorText.hasPrefix("medmon: error: "))
  }

  @Test func untouchedBundleStillVerifies() throws {
    let (site, bundle) = try writtenBundle()
    let output = try site.medmon.run(["verify", bundle])
    #expect(output.exitCode == 0)
    #expect(output.errorText.isEmpty)
  }
}
