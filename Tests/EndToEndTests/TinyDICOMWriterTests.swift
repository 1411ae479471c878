import Core
import Testing

/// The test store's DICOM writer, checked against DCMTK's `dcmdump` so
/// that the other tests feed medmon well-formed files.
@Suite struct TinyDICOMWriterTests {
  @Test func dcmdumpReadsWrittenFile() throws {
    let site = try TestSite(studies: 1)
    let output = try Subprocess.run("dcmdump", arguments: [site.store + "/study1.dcm"])
    #expect(output.exitCode == 0)
    #expect(output.errorText.isEmpty)
    #expect(output.outputText.contains("(0010,0010) PN [QUIXTESTER^ALICE]"))
    #expect(output.outputText.contains("(0008,0060) CS [DX]"))
    #expect(output.outputText.contains("(0028,0010) US 2048"))
    #expect(output.outputText.contains("(0002,0010) UI =LittleEndianExplicit"))
  }
}
