import Core

/// A generated store whose content the test knows, for comparing the
/// snapshot's counts with an independent count.
public struct GeneratedStore {
  public struct Instance {
    public var path: String
    public var day: Day
    public var study: String
    public var series: String
    public var manufacturer: String
    public var bodyPart: String
    public var age: String
    public var patientName: String
  }

  public var instances: [Instance] = []

  public static func make(in folder: TemporaryFolder, studies: Int, seed: UInt64) -> GeneratedStore {
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
  public func bytes() -> [UInt8] {
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

