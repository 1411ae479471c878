import Core
import Testing

@testable import Collect

@Suite struct LatencyExtractorTests {
  @Test func patternReadsMilliseconds() throws {
    let extractor = try #require(LatencyExtractor(pattern: "done in {ms} ms"))
    let event = LogEvent(line: 1, message: Array("study 4 done in 812.5 ms".utf8))
    #expect(extractor.milliseconds(of: event) == 812.5)
  }

  @Test func patternReadsSeconds() throws {
    let extractor = try #require(LatencyExtractor(pattern: "took {s}s"))
    let event = LogEvent(line: 1, message: Array("inference took 1.25s".utf8))
    #expect(extractor.milliseconds(of: event) == 1250)
    #expect(extractor.milliseconds(of: LogEvent(line: 1, message: Array("took s".utf8))) == nil)
  }

  @Test func patternWithoutPlaceholderIsRejected() {
    #expect(LatencyExtractor(pattern: "done in ms") == nil)
  }

  @Test func jsonSecondsBecomeMilliseconds() throws {
    let extractor = try #require(LatencyExtractor())
    let event = LogEvent(line: 1, message: [], numbers: ["duration": 0.5])
    #expect(extractor.milliseconds(of: event) == 500)
  }

  @Test func recorderCountsPerHourAndDay() throws {
    var recorder = LatencyRecorder(extractor: try #require(LatencyExtractor()))
    let base = Double(Day(year: 2024, month: 5, day: 1)!.unixSeconds)
    for (offset, latency) in [(10.0, 5.0), (20.0, 7.0), (3700.0, 9.0)] {
      recorder.record(
        LogEvent(line: 1, timestamp: base + offset, message: [], numbers: ["latency_ms": latency]))
    }
    recorder.record(LogEvent(line: 1, message: [], numbers: ["latency_ms": 1]))
    let hour = Int64(base) / 3600
    #expect(recorder.eventsPerHour == [hour: 2, hour + 1: 1])
    #expect(recorder.latencies == [Day(year: 2024, month: 5, day: 1)!: [5, 7, 9]])
  }
}
