import Core
import Testing

@testable import Collect

private let parser = ResultLineParser(pseudonymize: { "p:" + String($0.count) })

private func parse(_ text: String) -> Result<ResultRecord, ResultLineProblem> {
  parser.parse(Array(text.utf8)[...])
}

private func problem(_ text: String) -> ResultLineProblem? {
  if case .failure(let problem) = parse(text) { return problem }
  return nil
}

private let base =
  #""time":"2026-10-03T08:15:02Z","study":"1.2.3.4","model":"chest-xr","version":"2.3.1""#

@Suite struct ResultLineParserTests {
  @Test func fullLine() throws {
    let line = """
      {"time":"2026-10-03T08:15:02.120Z","study":"1.2.826.0.1.3680043.8.498.10021",\
      "model":"chest-xr","version":"2.3.1","status":"OK","latency_ms":812,"uncertainty":0.08,\
      "threshold":0.5,"findings":{"pneumothorax":{"score":0.91,"label":false},\
      "effusion":{"score":0.12},"nodule":0.64,"mass":{"score":0.3,"threshold":0.25}},\
      "values":{"lung_volume_ml":4210.5,"brightness":0.47},"extra":{"ignored":[1,2]}}
      """
    let record = try parse(line).get()
    #expect(record.time == 1_791_015_302)
    #expect(record.day.description == "2026-10-03")
    #expect(record.study == "p:31")
    #expect(record.model == "chest-xr")
    #expect(record.version == "2.3.1")
    #expect(record.status == "ok")
    #expect(record.latencyMilliseconds == 812)
    #expect(record.uncertainty == 0.08)
    #expect(
      record.findings == [
        "pneumothorax": FindingResult(score: 0.91, positive: false),
        "effusion": FindingResult(score: 0.12, positive: false),
        "nodule": FindingResult(score: 0.64, positive: true),
        "mass": FindingResult(score: 0.3, positive: true),
      ])
    #expect(record.values == ["lung_volume_ml": 4210.5, "brightness": 0.47])
  }

  @Test func minimalLineWithUnixSeconds() throws {
    let record = try parse(
      #"{"time":1790928905.7,"study":"x","model":"m","version":"1","status":"failed"}"#
    ).get()
    #expect(record.time == 1_790_928_905)
    #expect(record.status == "failed")
    #expect(record.findings.isEmpty)
    #expect(record.values.isEmpty)
    #expect(record.uncertainty == nil)
    #expect(record.latencyMilliseconds == nil)
  }

  @Test func timeZoneOffsets() throws {
    let utc = try parse("{" + base + #","status":"ok"}"#).get()
    let shifted = try parse(
      #"{"time":"2026-10-03 11:15:02+03:00","study":"1","model":"m","version":"1","status":"ok"}"#
    ).get()
    #expect(shifted.time == utc.time)
    let west = try parse(
      #"{"time":"2026-10-02T23:15:02.5-09:00","study":"1","model":"m","version":"1","status":"ok"}"#
    ).get()
    #expect(west.time == utc.time)
  }

  @Test(arguments: [
    #"{"study":"1","model":"m","version":"1","status":"ok"}"#,
    #"{"time":"2026-10-03","study":"1","model":"m","version":"1","status":"ok"}"#,
    #"{"time":"2026-02-30T00:00:00Z","study":"1","model":"m","version":"1","status":"ok"}"#,
    #"{"time":"2026-10-03T25:00:00Z","study":"1","model":"m","version":"1","status":"ok"}"#,
    #"{"time":"2026-10-03T10:00:00","study":"1","model":"m","version":"1","status":"ok"}"#,
    #"{"time":true,"study":"1","model":"m","version":"1","status":"ok"}"#,
  ])
  func badTimes(line: String) {
    let expected: ResultLineProblem =
      line.contains("\"time\"") ? .invalidTime : .missingField("time")
    #expect(problem(line) == expected)
  }

  @Test func rejectedLines() {
    #expect(problem("not json") == .invalidJSON(offset: 1))
    #expect(problem(#"{"time":1,"#) == .invalidJSON(offset: 10))
    #expect(problem("[1,2]") == .invalidField("line", expected: "a JSON object"))
    #expect(problem("{" + base + "}") == .missingField("status"))
    #expect(
      problem(#"{"time":1,"study":5,"model":"m","version":"1","status":"ok"}"#)
        == .invalidField("study", expected: "a string"))
    #expect(
      problem("{" + base + #","status":"bad status"}"#)
        == .invalidField("status", expected: "1 to 64 characters from A-Z a-z 0-9 . _ - + : /"))
    #expect(
      problem("{" + base + #","status":"ok","latency_ms":-1}"#)
        == .invalidField("latency_ms", expected: "a number of at least 0"))
    #expect(
      problem("{" + base + #","status":"ok","uncertainty":"high"}"#)
        == .invalidField("uncertainty", expected: "a number"))
    #expect(
      problem("{" + base + #","status":"ok","findings":{"nodule":0.4}}"#)
        == .unlabeledFinding("nodule"))
    #expect(
      problem("{" + base + #","status":"ok","findings":{"nodule":{"label":true}}}"#)
        == .missingField("findings.nodule.score"))
    #expect(
      problem("{" + base + #","status":"ok","findings":{"nodule":{"score":1,"label":1}}}"#)
        == .invalidField("findings.nodule.label", expected: "true or false"))
    #expect(
      problem("{" + base + #","status":"ok","values":{"volume":"big"}}"#)
        == .invalidField("values.volume", expected: "a number"))
    #expect(
      problem("{" + base + #","status":"ok","values":[]}"#)
        == .invalidField("values", expected: "an object"))
  }

  @Test func uidShapedNamesAreRejected() {
    #expect(
      problem("{" + base + #","status":"ok","values":{"1.2.840.10008.1":1}}"#)
        == .invalidField("values", expected: "keys that are names, not DICOM UIDs"))
    #expect(
      problem(
        #"{"time":1,"study":"1","model":"m","version":"1.2.840.113619.2","status":"ok"}"#)
        == .invalidField("version", expected: "a name, not a DICOM UID"))
    #expect(ResultLineParser.looksLikeUID("1.2.840.10008.5.1"))
    #expect(!ResultLineParser.looksLikeUID("2.3.1.4567"))
    #expect(!ResultLineParser.looksLikeUID("v1.2.840.10008.5"))
    #expect(!ResultLineParser.looksLikeUID("1.2..3.4"))
  }

  @Test func badKeyIsNotQuoted() {
    let found = problem("{" + base + #","status":"ok","findings":{"DOE^JOHN":0.5},"threshold":1}"#)
    #expect(
      found
        == .invalidField(
          "findings", expected: "keys of 1 to 64 characters from A-Z a-z 0-9 . _ - + : /"))
    #expect(found.map { !$0.reason.contains("DOE") } == true)
  }

  @Test func invalidUTF8() {
    let bytes: [UInt8] = Array(#"{"time":1,"study":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
    #expect(parser.parse(bytes[...]) == .failure(.invalidUTF8))
  }

  @Test func tooManyFindings() {
    let findings = (0...256).map { #""f\#($0)":{"score":0,"label":false}"# }.joined(separator: ",")
    #expect(
      problem("{" + base + #","status":"ok","findings":{"# + findings + "}}")
        == .tooManyEntries(field: "findings", limit: 256))
  }

  @Test func problemTextNeverQuotesTheLine() {
    let uid = "1.2.840.113619.2.55.3"
    let line = #"{"time":1,"study":\#(uid),"model":"m","version":"1","status":"ok"}"#
    let found = problem(line)
    #expect(found == .invalidJSON(offset: 21))
    #expect(found.map { !$0.reason.contains(uid) } == true)
  }
}
