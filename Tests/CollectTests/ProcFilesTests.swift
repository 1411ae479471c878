import Core
import Testing

@testable import Collect

private let sampleMeminfo = """
  MemTotal:       16314520 kB
  MemFree:         1210044 kB
  MemAvailable:    9876544 kB
  Buffers:          402112 kB
  Cached:          7654320 kB
  SwapTotal:       2097148 kB
  SwapFree:        2097000 kB
  HugePages_Total:       0

  """

@Suite struct ProcFilesTests {
  @Test func memoryFromMeminfo() throws {
    let memory = try #require(ProcFiles.parseMemory(sampleMeminfo))
    #expect(memory.totalBytes == 16_314_520 * 1024)
    #expect(memory.availableBytes == 9_876_544 * 1024)
    #expect(memory.swapTotalBytes == 2_097_148 * 1024)
    #expect(memory.swapFreeBytes == 2_097_000 * 1024)
  }

  @Test func memoryWithoutMemAvailable() throws {
    let text = "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 20 kB\nCached: 300 kB\n"
    let memory = try #require(ProcFiles.parseMemory(text))
    #expect(memory.availableBytes == 420 * 1024)
  }

  @Test func malformedProcTextIsNil() {
    #expect(ProcFiles.parseMemory("garbage") == nil)
    #expect(ProcFiles.parseLoad("0.5 x") == nil)
    #expect(ProcFiles.parseUptime("") == nil)
    #expect(ProcFiles.parseUptime("-5 1") == nil)
    #expect(ProcFiles.parseBootTime("cpu 1 2\n") == nil)
  }

  @Test func loadUptimeAndBootTime() {
    #expect(
      ProcFiles.parseLoad("0.52 0.58 0.61 2/389 12345\n")
        == LoadAverage(one: 0.52, five: 0.58, fifteen: 0.61))
    #expect(ProcFiles.parseUptime("86523.17 170000.02\n") == 86_523.17)
    #expect(ProcFiles.parseBootTime("cpu  1 2\nbtime 1764806400\nprocesses 9\n") == 1_764_806_400)
  }
}
