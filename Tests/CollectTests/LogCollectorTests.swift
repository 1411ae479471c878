import Core
import Glibc
import Testing

@testable import Collect

/// A generated site log directory: the test writes events in several
/// formats and keeps its own count of what it wrote, per day and level.
private final class SiteLogs {
  let directory: String
  var expected: [Day: [String: Int]] = [:]
  var serial = 0
  static let names = ["Ivanov Ivan", "Smirnova Anna", "Петров Пётр", "KUZNETSOV^OLEG"]
  static let fallbackDay = Day(year: 2024, month: 5, day: 3)!

  init() {
    var template = Array("/tmp/medmon-site-XXXXXX".utf8CString)
    directory = template.withUnsafeMutableBufferPointer {
      String(cString: mkdtemp($0.baseAddress!)!)
    }
  }

  func path(_ name: String) -> String { directory + "/" + name }

  func write(_ bytes: [UInt8], to name: String) {
    let file = fopen(path(name), "a")!
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
  }

  func write(_ text: String, to name: String) { write(Array(text.utf8), to: name) }

  func count(day: Day, level: String) { expected[day, default: [:]][level, default: 0] += 1 }

  func nextName() -> String {
    serial += 1
    return SiteLogs.names[serial % SiteLogs.names.count]
  }

  /// Writes a Python logging event on 2024-05-01 or 2024-05-02.
  func python(day: Int, _ level: String, withTraceback: Bool = false, partial: Bool = false) {
    let name = nextName()
    var text =
      "2024-05-0\(day) 10:\(serial % 60 / 10)\(serial % 10):00,000 - app.worker - \(level) - "
    text +=
      withTraceback
      ? "inference failed for patient \(name)"
      : "study \(serial) for patient \(name) took \(serial * 7) ms"
    if withTraceback {
      text +=
        "\nTraceback (most recent call last):\n  File \"/opt/app/model.py\", line 9, in load\n"
      text += "    raise ValueError(path)\nValueError: /data/\(name)/\(serial).dcm"
    }
    write(text + (partial ? "" : "\n"), to: "app.log")
    count(day: Day(year: 2024, month: 5, day: day)!, level: level)
  }

  func json(day: Int, _ level: String) {
    let name = nextName()
    write(
      "{\"ts\": \"2024-05-0\(day)T11:00:00Z\", \"level\": \"\(level.lowercased())\", "
        + "\"msg\": \"request \(serial) done for patient \(name)\", \"latency_ms\": \(serial)}\r\n",
      to: "api.jsonl")
    count(day: Day(year: 2024, month: 5, day: day)!, level: level)
  }

  func syslog() {
    let name = nextName()
    write(
      "<11>May  1 10:00:00 host1 app[42]: export failed for patient \(name)#012Traceback "
        + "(most recent call last):#012  File \"/opt/app/export.py\", line 3, in run#012"
        + "OSError: disk full\n", to: "sys.log")
    count(day: SiteLogs.fallbackDay, level: "ERROR")
  }

  /// Writes a plain line in Windows-1251.
  func legacy() {
    let text = "Пациент \(nextName()) принят, исследование \(serial)\r\n"
    write(SiteLogs.windows1251(text), to: "legacy.log")
    count(day: SiteLogs.fallbackDay, level: "NONE")
  }

  static func windows1251(_ text: String) -> [UInt8] {
    var reverse: [UInt32: UInt8] = [:]
    for (offset, scalar) in TextDecoding.windows1251High.enumerated() {
      reverse[scalar] = UInt8(0x80 + offset)
    }
    return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : reverse[$0.value]! }
  }

  func shell(_ command: String) {
    #expect(system(command) == 0, "command failed: \(command)")
  }
}

@Suite struct LogCollectorTests {
  static let files = ["app.log", "api.jsonl", "sys.log", "legacy.log"]

  private func collect(
    _ site: SiteLogs, _ collector: inout LogCollector, _ states: inout [String: LogFileState]
  ) throws {
    for name in Self.files {
      states[name] = try collector.collect(
        path: site.path(name), state: states[name], fallbackDay: SiteLogs.fallbackDay)
    }
  }

  private func counts(_ collector: LogCollector) -> [Day: [String: Int]] {
    collector.days.mapValues { $0.levelCounts }
  }

  @Test func snapshotsCountEveryEventOnce() throws {
    let site = SiteLogs()
    defer { site.shell("rm -rf '\(site.directory)'") }
    var collector = LogCollector(latency: LatencyExtractor()!)
    var states: [String: LogFileState] = [:]

    for index in 0..<6 { site.python(day: 1, index % 3 == 0 ? "WARNING" : "INFO") }
    site.python(day: 1, "ERROR", withTraceback: true)
    for _ in 0..<4 { site.json(day: 1, "INFO") }
    site.syslog()
    site.legacy()
    site.python(day: 1, "INFO", partial: true)
    try collect(site, &collector, &states)
    var withoutPartial = site.expected
    withoutPartial[Day(year: 2024, month: 5, day: 1)!]!["INFO"]! -= 1
    #expect(counts(collector) == withoutPartial)

    site.write("\n", to: "app.log")
    site.python(day: 2, "ERROR", withTraceback: true)
    site.shell("cd '\(site.directory)' && mv app.log app.log.1 && gzip app.log.1")
    site.python(day: 2, "INFO")
    site.json(day: 2, "ERROR")
    site.shell("cd '\(site.directory)' && cp api.jsonl api.jsonl.1 && truncate -s 0 api.jsonl")
    site.json(day: 2, "WARNING")
    site.syslog()
    site.legacy()
    try collect(site, &collector, &states)
    #expect(counts(collector) == site.expected)

    for _ in 0..<3 { site.python(day: 2, "INFO") }
    site.python(day: 2, "ERROR", withTraceback: true)
    try collect(site, &collector, &states)
    #expect(counts(collector) == site.expected)

    let samples = collector.days.values.flatMap { $0.templates.values.map(\.sample) }
    for sample in samples {
      for name in SiteLogs.names.flatMap({ $0.split(whereSeparator: { $0 == " " || $0 == "^" }) }) {
        #expect(!sample.contains(name), "'\(name)' in '\(sample)'")
      }
    }
    let day2 = collector.days[Day(year: 2024, month: 5, day: 2)!]!
    let traceback = day2.templates.values.first { $0.sample.hasPrefix("Traceback ValueError") }
    #expect(traceback?.count == 2)
    #expect(traceback?.level == "ERROR")
    #expect(collector.latency.latencies[Day(year: 2024, month: 5, day: 1)!]?.count == 4)
  }

  @Test func fingerprintsMatchAcrossSeparateRuns() throws {
    let site = SiteLogs()
    defer { site.shell("rm -rf '\(site.directory)'") }
    for index in 0..<8 {
      site.python(day: 1, index % 2 == 0 ? "INFO" : "ERROR", withTraceback: index % 2 == 1)
    }
    for _ in 0..<3 { site.json(day: 1, "INFO") }
    site.syslog()

    var first = LogCollector(latency: LatencyExtractor()!)
    var firstStates: [String: LogFileState] = [:]
    try collect(site, &first, &firstStates)

    var second = LogCollector(latency: LatencyExtractor()!)
    for name in Self.files.reversed() {
      _ = try second.collect(path: site.path(name), state: nil, fallbackDay: SiteLogs.fallbackDay)
    }
    #expect(first.days == second.days)
    let fingerprints = Set(first.days.values.flatMap { $0.templates.keys })
    #expect(fingerprints.count == 4)
  }
}
