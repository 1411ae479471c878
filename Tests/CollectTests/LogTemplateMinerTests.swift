import Testing

@testable import Collect

@Suite struct LogTemplateMinerTests {
  static let lines = [
    "VM 101 started on host node-7", "VM 102 paused on host node-8",
    "VM 103 started on host node-9", "VM 104 stopped on host node-1",
    "Failed password for root from 10.0.0.1 port 22 ssh2",
    "Failed password for admin from 10.0.0.2 port 22 ssh2",
    "Failed password for guest from 10.0.0.3 port 2222 ssh2",
    "Failed password for oracle from 10.0.0.4 port 22 ssh2",
    "session opened for user alice by (uid=0)", "session opened for user bob by (uid=0)",
    "proxy.example.org:5070 close, 2034 bytes (1.98 KB) sent, 41 bytes received, lifetime 00:39",
    "cdn.example.com:443 close, 785 bytes sent, 145 bytes received, lifetime <1 sec",
    "patient Ivanov Ivan Ivanovich registered", "patient Smirnova Anna registered",
    "ФИО: Петров Пётр Петрович принят", "study for SIDOROV^PETR queued",
  ]

  /// Returns the refined template of each line, mined in the given order.
  static func refined(_ lines: [String]) -> [String: String] {
    var miner = LogTemplateMiner()
    let indices = lines.map { miner.add(message: Array($0.utf8)) }
    let templates = miner.refinedTemplates()
    var result: [String: String] = [:]
    for (line, index) in zip(lines, indices) { result[line] = templates[index] }
    return result
  }

  @Test func templatesIgnoreArrivalOrder() {
    let forward = Self.refined(Self.lines)
    let backward = Self.refined(Self.lines.reversed())
    var shuffled = Self.lines
    var generator = SplitMix(seed: 7)
    shuffled.shuffle(using: &generator)
    #expect(forward == backward)
    #expect(forward == Self.refined(shuffled))
    #expect(forward == Self.refined(Self.lines + Self.lines))
  }

  @Test func meaningfulWordsStaySplit() {
    let templates = Self.refined(Self.lines)
    #expect(templates["VM 101 started on host node-7"] == "VM <*> started on host <*>")
    #expect(templates["VM 102 paused on host node-8"] == "VM <*> paused on host <*>")
    #expect(templates["VM 104 stopped on host node-1"] == "VM <*> stopped on host <*>")
  }

  @Test func manyValuedWordsMerge() {
    let templates = Self.refined(Self.lines)
    let root = templates["Failed password for root from 10.0.0.1 port 22 ssh2"]
    // `ssh2` contains a digit, so it folds into the port before it.
    #expect(root == "Failed password for <*> from <*> port <*>")
    #expect(templates["Failed password for oracle from 10.0.0.4 port 22 ssh2"] == root)
    #expect(
      templates["session opened for user alice by (uid=0)"]
        == "session opened for user <*> by (uid=<*>)")
  }

  @Test func multiWordValuesDoNotSplit() {
    let templates = Self.refined(Self.lines)
    let first = templates[Self.lines[10]]
    #expect(first == "<*> close, <*> sent, <*> received, lifetime <*>")
    #expect(templates[Self.lines[11]] == first)
  }

  @Test func namesNeverReachTemplates() {
    let names = [
      "Ivanov", "Ivan", "Ivanovich", "Smirnova", "Anna", "Петров", "Пётр", "SIDOROV", "PETR",
      "alice", "bob",
    ]
    for template in Self.refined(Self.lines).values {
      for name in names {
        #expect(!template.contains(name), "'\(name)' in '\(template)'")
      }
    }
  }

  @Test func fingerprintIsStableHex() {
    let fingerprint = Fingerprint(of: "VM <*> started on host <*>")
    #expect(fingerprint.description.count == 16)
    #expect(Fingerprint(hex: fingerprint.description) == fingerprint)
    // FNV-1a 64 of the empty string is its offset basis.
    #expect(Fingerprint(of: "").description == "cbf29ce484222325")
    #expect(Fingerprint(of: "a").description == "af63dc4c8601ec8c")
  }
}

/// A seeded generator so the shuffle is the same in every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

@Suite struct HashIndexTests {
  @Test func storesAndGrows() {
    var index = HashIndex()
    for value in 0..<5000 { index.insert(value, for: UInt64(value) &* 0x9E37_79B9_7F4A_7C15) }
    #expect(index.value(for: UInt64(1234) &* 0x9E37_79B9_7F4A_7C15) == 1234)
    #expect(index.value(for: 0) == 0)
    #expect(index.value(for: 7) == nil)
  }

  @Test func countsRepeatedTemplates() {
    var miner = LogTemplateMiner()
    for number in 0..<3000 {
      miner.add(message: Array("job \(number) done in \(number % 7) ms".utf8))
    }
    for number in 0..<2000 { miner.add(message: Array("VM \(number) paused".utf8)) }
    #expect(miner.templates.count == 2)
    #expect(miner.counts == [3000, 2000])
  }
}
