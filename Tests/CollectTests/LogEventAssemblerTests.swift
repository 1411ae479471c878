import Testing

@testable import Collect

/// Assembles `text` (lines separated by LF) in `format`.
func assemble(_ text: String, _ format: LogFormat) -> [LogEvent] {
  var assembler = LogEventAssembler(format: format)
  var events: [LogEvent] = []
  for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    assembler.add(Array(line.utf8), number: index + 1) { events.append($0) }
  }
  assembler.flush { events.append($0) }
  return events
}

@Suite struct LogEventAssemblerTests {
  static let chained = """
    2024-05-01 10:00:00,123 - app.worker - INFO - study 12 received
    2024-05-01 10:00:01,500 - app.worker - ERROR - inference failed for patient Ivanov
    Traceback (most recent call last):
      File "/opt/app/worker.py", line 40, in load
        data = read(path)
      File "/usr/lib/python3.11/json/__init__.py", line 293, in load
        return loads(fp.read())
    json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)

    During handling of the above exception, another exception occurred:

    Traceback (most recent call last):
      File "/opt/app/main.py", line 10, in run
        worker.load(path)
      File "/opt/app/worker.py", line 42, in load
        raise LoadError(path) from None
    app.errors.LoadError: /data/Ivanov/1.dcm
    2024-05-01 10:00:02,000 - app.worker - WARNING - queue 3 is slow
    """

  @Test func pythonTracebackIsOneEvent() {
    let events = assemble(Self.chained, .python)
    #expect(events.count == 3)
    #expect(events.map(\.line) == [1, 2, 18])
    #expect(events[1].lineCount == 16)
    #expect(events[1].level == "ERROR")
    #expect(events[1].logger == "app.worker")
    #expect(events[1].messageText == "inference failed for patient Ivanov")
    let exception = events[1].exception
    #expect(exception?.type == "app.errors.LoadError")
    #expect(exception?.chain == ["json.decoder.JSONDecodeError"])
    #expect(exception?.frames == ["worker.py:load", "main.py:run"])
    #expect(
      exception?.template == "Traceback app.errors.LoadError at worker.py:load <- main.py:run")
  }

  @Test func tracebackGroupsIgnoreMessage() {
    let other = Self.chained.replacingAll("Ivanov", with: "Petrov").replacingAll(
      "1.dcm", with: "9.dcm")
    #expect(assemble(other, .python)[1].exception == assemble(Self.chained, .python)[1].exception)
  }

  @Test func exceptionGroupKeepsOuterType() {
    let text = """
      ERROR:app:batch failed
        + Exception Group Traceback (most recent call last):
        |   File "/opt/app/batch.py", line 14, in run_all
        |     raise ExceptionGroup("batch", errors)
        | ExceptionGroup: batch (2 sub-exceptions)
        +-+---------------- 1 ----------------
          | Traceback (most recent call last):
          |   File "/opt/app/batch.py", line 8, in one
          |     raise ValueError(1)
          | ValueError: 1
          +---------------- 2 ----------------
          | TypeError: 2
          +------------------------------------
      """
    let events = assemble(text, .python)
    #expect(events.count == 1)
    #expect(events[0].level == "ERROR")
    #expect(events[0].exception?.type == "ExceptionGroup")
    #expect(events[0].exception?.frames == ["batch.py:run_all"])
  }

  @Test func jsonLineFields() {
    let line =
      #"{"ts": "2024-05-01T10:00:00Z", "level": "warn", "msg": "slow \"study\" 12", "logger": "app", "latency_ms": 840.5, "ctx": {"a": [1, 2]}}"#
    let events = assemble(line, .json)
    #expect(events.count == 1)
    #expect(events[0].level == "WARNING")
    #expect(events[0].messageText == "slow \"study\" 12")
    #expect(events[0].timestamp == 1_714_557_600)
    #expect(events[0].numbers["latency_ms"] == 840.5)
    #expect(LatencyExtractor()?.milliseconds(of: events[0]) == 840.5)
  }

  @Test func jsonExceptionField() {
    let line =
      #"{"message": "boom", "exc_info": "Traceback (most recent call last):\n  File \"/opt/app/x.py\", line 1, in f\nKeyError: 'k'"}"#
    let events = assemble(line, .json)
    #expect(events[0].exception?.type == "KeyError")
    #expect(events[0].exception?.frames == ["x.py:f"])
  }

  @Test func invalidJSONStaysAPlainMessage() {
    let events = assemble(#"{"message": "unterminated"#, .json)
    #expect(events.count == 1)
    #expect(events[0].messageText == #"{"message": "unterminated"#)
  }

  @Test func syslogRejoinsEscapedNewlines() {
    let line =
      "<11>May  1 10:00:00 host1 app[42]: job failed#012Traceback (most recent call last):#012  File \"/opt/app/job.py\", line 3, in run#012OSError: disk full"
    let events = assemble(line, .syslog)
    #expect(events[0].level == "ERROR")
    #expect(events[0].logger == "app")
    #expect(events[0].messageText == "job failed")
    #expect(events[0].exception?.type == "OSError")
  }

  @Test func syslog5424Header() {
    let line = "<165>1 2024-05-01T10:00:00.003Z host1 medapp 99 ID47 [meta a=\"1\"] study 7 done"
    let events = assemble(line, .syslog)
    #expect(events[0].level == "INFO")
    #expect(events[0].logger == "medapp")
    #expect(events[0].messageText == "study 7 done")
    #expect(events[0].timestamp == 1_714_557_600.003)
  }

  @Test func formatDetection() {
    #expect(LogFormat.detect([Array(#"{"msg": "a"}"#.utf8)]) == .json)
    #expect(LogFormat.detect([Array("<13>May  1 10:00:00 h app: x".utf8)]) == .syslog)
    #expect(LogFormat.detect([Array("2024-05-01 10:00:00,1 INFO app: x".utf8)]) == .python)
    #expect(LogFormat.detect([Array("hello world".utf8)]) == .plain)
  }

  @Test func windows1251Decodes() {
    // "Пациент" in Windows-1251.
    let bytes: [UInt8] = [0xCF, 0xE0, 0xF6, 0xE8, 0xE5, 0xED, 0xF2]
    #expect(!TextDecoding.isValidUTF8(bytes))
    #expect(String(decoding: TextDecoding.utf8(bytes), as: UTF8.self) == "Пациент")
    #expect(TextDecoding.utf8(Array("Пациент".utf8)) == Array("Пациент".utf8))
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
