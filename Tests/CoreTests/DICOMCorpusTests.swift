import Testing

@testable import Core

// These tests read the shared test corpus named by MEDMON_CORPUS (the
// Makefile exports it); without it they are reported as skipped, and the
// hand-built files of the other DICOM tests still cover each case.

private let corpus = corpusDirectory()

private func read(_ path: String, _ options: DICOMReadOptions = DICOMReadOptions())
  -> DICOMReadResult
{
  DICOMReader.read(path: corpus! + "/pydicom-3.0.2/" + path, options: options)
}

private let charsetNames: [(String, String)] = [
  ("chrArab.dcm", "قباني^لنزار"),
  ("chrFren.dcm", "Buc^Jérôme"),
  ("chrGerm.dcm", "Äneas^Rüdiger"),
  ("chrGreek.dcm", "Διονυσιος"),
  ("chrH31.dcm", "Yamada^Tarou=山田^太郎=やまだ^たろう"),
  ("chrH32.dcm", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"),
  ("chrHbrw.dcm", "שרון^דבורה"),
  ("chrI2.dcm", "Hong^Gildong=洪^吉洞=홍^길동"),
  ("chrJapMulti.dcm", "やまだ^たろう"),
  ("chrJapMultiExplicitIR6.dcm", "やまだ^たろう"),
  ("chrKoreanMulti.dcm", "김희중"),
  ("chrRuss.dcm", "Люкceмбypг"),
  ("chrX1.dcm", "Wang^XiaoDong=王^小東"),
  ("chrX2.dcm", "Wang^XiaoDong=王^小东"),
]

@Test(.enabled(if: corpus != nil), arguments: charsetNames.indices)
func corpusCharacterSetNames(index: Int) {
  let (file, expected) = charsetNames[index]
  let result = read("charset_files/" + file)
  #expect(result.error == nil)
  #expect(result.dataSet.characterSet.unknownTerms.isEmpty)
  #expect(result.dataSet.string(.patientName) == expected)
}

@Test(.enabled(if: corpus != nil))
func corpusTransferSyntaxes() {
  let deflated = read("test_files/image_dfl.dcm")
  #expect(deflated.transferSyntax.isDeflated)
  #expect(deflated.dataSet.integer(.rows) == 512)
  #expect(deflated.dataSet.string(.modality) == "OT")

  let big = read("test_files/ExplVR_BigEnd.dcm")
  #expect(big.transferSyntax == .explicitVRBigEndian)
  #expect(big.dataSet.integer(.rows) == 60)
  #expect(big.dataSet.string(.patientName) == "Anonymized")

  let bigRaw = read("test_files/ExplVR_BigEndNoMeta.dcm")
  #expect(bigRaw.transferSyntax == .explicitVRBigEndian)
  #expect(bigRaw.dataSet.string(.modality) == "RTPLAN")

  let implicit = read("test_files/MR_small_implicit.dcm")
  #expect(implicit.transferSyntax == .implicitVRLittleEndian)
  #expect(implicit.dataSet.integer(.rows) == 64)

  let jpeg2000 = read("test_files/JPEG2000.dcm", .wholeFile)
  #expect(jpeg2000.error == nil)
  #expect(jpeg2000.transferSyntax.isEncapsulated)
  #expect(jpeg2000.dataSet.element(.pixelData)?.hasUndefinedLength == true)

  let rle = read("test_files/MR_small_RLE.dcm")
  #expect(rle.transferSyntax.uid == "1.2.840.10008.1.2.5")
  #expect(rle.dataSet.string(.patientName) == "CompressedSamples^MR1")
}

@Test(.enabled(if: corpus != nil))
func corpusDamagedFiles() {
  #expect(read("test_files/MR_truncated.dcm").error == nil)
  guard case .truncated(_, let tag, _, _)? = read("test_files/MR_truncated.dcm", .wholeFile).error
  else {
    Issue.record("MR_truncated.dcm should be truncated in Pixel Data")
    return
  }
  #expect(tag == .pixelData)

  let plan = read("test_files/rtplan_truncated.dcm")
  guard case .truncated? = plan.error else {
    Issue.record("rtplan_truncated.dcm should be truncated")
    return
  }
  #expect(plan.dataSet.string(.modality) == "RTPLAN")
  #expect(plan.dataSet.items(Tag(0x300A_00B0)).count == 1)

  guard case .notDICOM? = read("test_files/zipMR.gz").error else {
    Issue.record("zipMR.gz is not DICOM")
    return
  }
  guard case .notDICOM? = read("test_files/no_meta.dcm").error else {
    Issue.record("no_meta.dcm starts with a stray byte and is not readable")
    return
  }
}

@Test(.enabled(if: corpus != nil))
func corpusEveryIndexedFileReads() throws {
  let index = try #require(readTextFile(corpus! + "/INDEX.tsv"))
  let paths = index.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
  #expect(paths.count == 261)
  var failures: [String] = []
  for path in paths {
    let result = DICOMReader.read(path: corpus! + "/" + path, options: .wholeFile)
    if result.error != nil { failures.append(path.split(separator: "/").last.map(String.init)!) }
  }
  #expect(
    failures.sorted() == [
      "DICOMDIR-nooffset", "MR_truncated.dcm", "emri_small_jpeg_2k_lossless_too_short.dcm",
      "no_meta.dcm", "rtplan_truncated.dcm", "zipMR.gz",
    ])
}
