import Core
import Testing

@testable import Collect

@Suite struct PrivacyGateTests {
  private func row(_ fields: [String: JSONValue]) -> JSONValue { .sortedObject(fields) }

  @Test func cleanRowsPass() {
    let tables: [PayloadTable: [JSONValue]] = [
      .dicomCounts: [
        row([
          "day": .string("2026-10-01"), "dimension": .string("sop_class"),
          "value": .string("1.2.840.10008.5.1.4.1.1.1.1"), "studies": .integer(3), "series": .integer(3),
          "instances": .integer(9),
        ]),
        row([
          "day": .string("2026-10-01"), "dimension": .string("software"),
          "value": .string("VE11C 20190312 build 45356145"), "studies": .integer(1), "series": .integer(1),
          "instances": .integer(1),
        ]),
      ],
      .outliers: [
        row([
          "day": .string("2026-10-01"), "rule": .string("pediatric_patient"), "study": .string("2hmrij2nmak2gzdo"),
          "modality": .string("DX"), "body_part": .string("CHEST"), "age_band": .string("5-11"),
          "station": .string("p:abcdefghijklmnop"),
        ])
      ],
    ]
    #expect(PrivacyGate().check(tables) == [])
  }

  @Test(arguments: [
    ("manufacturer", "1.2.826.0.1.3680043.2.1125.1.2", "value looks like a DICOM UID"),
    ("station", "DOE^JOHN", "value looks like a DICOM person name"),
    ("institution", "patient 19750412", "value contains 8 or more consecutive digits (a date or an identifier)"),
    ("body_part", "MRN 123456789", "value contains 8 or more consecutive digits (a date or an identifier)"),
  ])
  func identifierValuesRejected(dimension: String, value: String, reason: String) {
    let tables: [PayloadTable: [JSONValue]] = [
      .dicomCounts: [
        row([
          "day": .string("2026-10-01"), "dimension": .string(dimension), "value": .string(value),
          "studies": .integer(1), "series": .integer(1), "instances": .integer(1),
        ])
      ]
    ]
    let violations = PrivacyGate().check(tables)
    #expect(violations.count == 1)
    #expect(violations.first?.table == "dicom_counts")
    #expect(violations.first?.row == 1)
    #expect(violations.first?.field == "value")
    #expect(violations.first?.reason == reason)
  }

  @Test func fieldOffAllowListRejected() {
    let tables: [PayloadTable: [JSONValue]] = [
      .logLevels: [row(["day": .string("2026-10-01"), "level": .string("error"), "count": .integer(1), "raw_line": .string("x")])]
    ]
    let violations = PrivacyGate().check(tables)
    #expect(violations.map(\.field) == ["raw_line"])
    #expect(violations.first?.reason == "field is not on the allow-list")
  }

  @Test func malformedStudyReferenceRejected() {
    let tables: [PayloadTable: [JSONValue]] = [
      .review: [
        row([
          "model": .string("chest"), "version": .string("2.1"), "study": .string("1.2.3.4.5.6.7"),
          "day": .string("2026-10-01"), "reason": .string("random"),
        ])
      ]
    ]
    #expect(PrivacyGate().check(tables).map(\.field) == ["study"])
  }

  @Test func personNameInsideLogSampleRejected() {
    let tables: [PayloadTable: [JSONValue]] = [
      .logTemplates: [
        row([
          "day": .string("2026-10-01"), "fingerprint": .string("02f583d0adc9ec98"), "level": .string("error"),
          "template": .string("failed for <*>"), "count": .integer(2), "first_seen": .string("2026-10-01T00:00:00Z"),
          "last_seen": .string("2026-10-01T00:00:00Z"), "sample": .string("failed for IVANOV^IVAN"),
        ])
      ]
    ]
    let violations = PrivacyGate().check(tables)
    #expect(violations.map(\.field) == ["sample"])
  }
}
