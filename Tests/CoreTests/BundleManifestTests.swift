import Testing

@testable import Core

@Suite struct BundleManifestTests {
  static let manifest = BundleManifest(
    medmonVersion: "0.1.0", siteID: "0b7d2c8e-5f1a-4e39-9a57-3f7c1d2e8b40",
    siteName: "North Clinic",
    sequence: 7, periodStart: Day(year: 2026, month: 10, day: 1)!,
    periodEnd: Day(year: 2026, month: 10, day: 31)!, created: "2026-11-01T03:00:12Z",
    recipients: ["4c1d0b9e7a2f3e55"], payloadSize: 48211,
    payloadSHA256: String(repeating: "ab", count: 32), signingKey: Array(0..<32))

  static func mutated(_ change: (inout [String: JSONValue]) -> Void) -> [UInt8] {
    var object = try! JSONParser().parse(manifest.serialized()).objectValue!
    change(&object)
    return Array(JSONValue.sortedObject(object).serialized(indent: 2).utf8)
  }

  @Test func roundTripsThroughText() throws {
    let text = Self.manifest.serialized()
    #expect(try BundleManifest.parse(Array(text.utf8)) == Self.manifest)
  }

  @Test func writesSortedKeysWithTwoSpaces() {
    let text = Self.manifest.serialized()
    #expect(
      text.hasPrefix(
        "{\n  \"created\": \"2026-11-01T03:00:12Z\",\n  \"format\": \"medmon-bundle\","))
    #expect(text.hasSuffix("\n  }\n}\n"))
    #expect(text.contains("\"signing_key\": \"b64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\""))
  }

  @Test func rejectsUnknownVersion() {
    let bytes = Self.mutated { $0["format_version"] = .integer(2) }
    #expect(throws: BundleError.unsupportedVersion(2)) { try BundleManifest.parse(bytes) }
  }

  @Test func rejectsOtherFormat() {
    let bytes = Self.mutated { $0["format"] = .string("tarball") }
    #expect(
      throws: BundleError.invalidManifest(
        field: "format", reason: "\"tarball\" is not \"medmon-bundle\"")
    ) {
      try BundleManifest.parse(bytes)
    }
  }

  @Test func rejectsMissingField() {
    let bytes = Self.mutated { $0["sequence"] = nil }
    #expect(throws: BundleError.invalidManifest(field: "sequence", reason: "missing")) {
      try BundleManifest.parse(bytes)
    }
  }

  @Test func rejectsShortSigningKey() {
    let bytes = Self.mutated { $0["signing_key"] = .string("b64:AAEC") }
    #expect(throws: BundleError.self) { try BundleManifest.parse(bytes) }
  }

  @Test func rejectsReversedPeriod() {
    let bytes = Self.mutated {
      $0["period"] = .sortedObject(["start": .string("2026-10-31"), "end": .string("2026-10-01")])
    }
    #expect(
      throws: BundleError.invalidManifest(
        field: "period", reason: "2026-10-01 is before 2026-10-31")
    ) {
      try BundleManifest.parse(bytes)
    }
  }

  @Test func rejectsUppercaseDigest() {
    let bytes = Self.mutated {
      $0["payload"] = .sortedObject([
        "name": .string("payload.age"), "sha256": .string(String(repeating: "AB", count: 32)),
        "size": .integer(1),
      ])
    }
    #expect(throws: BundleError.self) { try BundleManifest.parse(bytes) }
  }

  @Test func rejectsInvalidJSON() {
    #expect(throws: BundleError.self) { try BundleManifest.parse(Array("{\"format\":".utf8)) }
  }

  @Test func namesBundleFiles() {
    let name = BundleLayout.fileName(
      siteName: "North Clinic (Ward 3)", start: Day(year: 2026, month: 10, day: 1)!,
      end: Day(year: 2026, month: 10, day: 31)!, sequence: 7)
    #expect(name == "medmon-north-clinic-ward-3-20261001-20261031-000007.tar")
    #expect(BundleLayout.slug("Ärztehaus") == "rztehaus")
    #expect(BundleLayout.slug("***") == "site")
  }

  @Test func listsTableFiles() {
    #expect(PayloadTable.allCases.count == 14)
    #expect(PayloadTable.dicomCounts.fileName == "dicom_counts.jsonl")
    #expect(PayloadTable.resultSketches.fileName == "result_sketches.jsonl")
  }
}
