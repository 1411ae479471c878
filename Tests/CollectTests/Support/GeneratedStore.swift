import Core

@testable import Collect

/// A generated store whose content the test knows, for comparing the
/// snapshot's counts with an independent count.
struct GeneratedStore {
  struct Instance {
    var path: String
    var day: Day
    var study: String
    var series: String
    var manufacturer: String
    var bodyPart: String
    var age: String
    var patientName: String
  }

  var instances: [Instance] = []

  static func make(in folder: TemporaryFolder, studies: Int, seed: UInt64) -> GeneratedStore {
    var random = SplitMix64(seed: seed)
    var store = GeneratedStore()
    let start = Day("2025-12-01")!
    let manufacturers = ["SIEMENS", "GE MEDICAL SYSTEMS", "Philips"]
    let bodyParts = ["CHEST", "THORAX", "Грудная клетка", "FOOT", ""]
    for study in 0..<studies {
      let day = start.adding(days: Int(random.next() % 360))
      let folder = folder.make("store/\(day.monthLabel)/\(String(study % 7, radix: 16))")
      let seriesCount = 1 + Int(random.next() % 2)
      let manufacturer = manufacturers[Int(random.next() % 3)]
      let bodyPart = bodyParts[Int(random.next() % UInt64(bodyParts.count))]
      let age = String(format3(Int(random.next() % 90))) + "Y"
      let name = "TESTPATIENT\(study)^GIVEN\(study)"
      for series in 0..<seriesCount {
        for instance in 0..<(1 + Int(random.next() % 3)) {
          let path = "\(folder)/s\(study)-\(series)-\(instance)"
          let item = Instance(
            path: path, day: day, study: "1.2.826.0.1.3680043.10.543.\(study)",
            series: "1.2.826.0.1.3680043.10.543.\(study).\(series)", manufacturer: manufacturer,
            bodyPart: bodyPart, age: age, patientName: name)
          TestDICOMWriter.write(item.bytes(), to: path, modified: day.unixSeconds + 3600)
          store.instances.append(item)
        }
      }
    }
    return store
  }

  private static func format3(_ number: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: 3 - text.count) + text
  }
}

extension GeneratedStore.Instance {
  func bytes() -> [UInt8] {
    TestDICOMWriter.bytes([
      .init(tag: 0x0008_0016, vr: "UI", value: "1.2.840.10008.5.1.4.1.1.1.1"),
      .init(tag: 0x0008_0020, vr: "DA", value: day.description.filter { $0 != "-" }),
      .init(tag: 0x0008_0050, vr: "SH", value: "ACC\(study.suffix(4))"),
      .init(tag: 0x0008_0060, vr: "CS", value: "DX"),
      .init(tag: 0x0008_0070, vr: "LO", value: manufacturer),
      .init(tag: 0x0010_0010, vr: "PN", value: patientName),
      .init(tag: 0x0010_0020, vr: "LO", value: "PID-\(study.suffix(4))"),
      .init(tag: 0x0010_0030, vr: "DA", value: "19600101"),
      .init(tag: 0x0010_1010, vr: "AS", value: age),
      .init(tag: 0x0018_0015, vr: "CS", value: bodyPart),
      .init(tag: 0x0020_000D, vr: "UI", value: study),
      .init(tag: 0x0020_000E, vr: "UI", value: series),
      .init(tag: 0x0028_0010, vr: "US", value: "2048"),
      .init(tag: 0x0028_0011, vr: "US", value: "2048"),
    ])
  }
}

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
    parse: scanner.scan
  ).run()
}

