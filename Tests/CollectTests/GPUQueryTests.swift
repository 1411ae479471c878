import Core
import Testing

@testable import Collect

@Suite struct GPUQueryTests {
  @Test func gpuUnsupportedFieldsAreNil() throws {
    let outcome = GPUQuery.parse("0, Tesla T4, 45, 15360, [N/A], [Not Supported], [N/A]\n")
    #expect(outcome.status == .ok)
    let gpu = try #require(outcome.gpus.first)
    #expect(gpu.name == "Tesla T4")
    #expect(gpu.temperatureCelsius == 45)
    #expect(gpu.memoryTotalMiB == 15360)
    #expect(gpu.memoryUsedMiB == nil)
    #expect(gpu.utilizationPercent == nil)
    #expect(gpu.eccErrors == nil)
    #expect(gpu.fault == nil)
  }

  @Test func lostGpuIsError() throws {
    let outcome = GPUQuery.parse(
      "0, Tesla T4, 45, 15360, 10, 3, 0\n1, Tesla T4, [GPU is lost], [GPU is lost], "
        + "[GPU is lost], [GPU is lost], [GPU is lost]\n")
    #expect(outcome.status == .error)
    #expect(outcome.gpus.count == 2)
    #expect(outcome.gpus.last?.fault == "[GPU is lost]")
    #expect(outcome.detail == "GPU 1 reports '[GPU is lost]'")
  }

  @Test func malformedGpuLineIsError() {
    let outcome = GPUQuery.parse("0, Tesla T4, 45\n")
    #expect(outcome.status == .error)
    #expect(outcome.gpus.isEmpty)
    #expect(outcome.detail == "unexpected nvidia-smi line '0, Tesla T4, 45'")
  }

  @Test func queryArguments() {
    #expect(
      GPUQuery.arguments == [
        "--query-gpu=index,name,temperature.gpu,memory.total,memory.used,utilization.gpu,"
          + "ecc.errors.uncorrected.volatile.total",
        "--format=csv,noheader,nounits",
      ])
  }

  @Test func signalIsError() {
    let output = Subprocess.Output(
      termination: .signaled(11), standardOutput: [], standardError: [], truncated: false)
    #expect(
      GPUQuery.classify(output)
        == GPUQuery.Outcome(status: .error, gpus: [], detail: "nvidia-smi killed by signal 11"))
  }
}
