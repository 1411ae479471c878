import Core
import Testing

@testable import Collect

@Suite struct HostHealthTests {
  @Test func tableRow() {
    var health = HostHealth(time: 1_791_015_302)
    health.uptimeSeconds = 3600.5
    health.bootTime = 1_791_011_701
    health.load = LoadAverage(one: 0.5, five: 0.25, fifteen: 0.125)
    health.memory = MemoryInfo(
      totalBytes: 8192, availableBytes: 4096, swapTotalBytes: 0, swapFreeBytes: 0)
    health.disks = [DiskUsage(path: "/data", totalBytes: 100, freeBytes: 40, availableBytes: 30)]
    health.gpuStatus = .ok
    var gpu = GPUState(index: 0, name: "Tesla T4")
    gpu.temperatureCelsius = 45
    gpu.eccErrors = 2
    health.gpus = [gpu]
    health.units = [UnitState(name: "ai.service", state: "failed")]
    let expected =
      #"{"boot_time":"2026-10-03T07:15:01Z","disks":[{"free_bytes":40,"path":"/data","#
      + #""total_bytes":100}],"gpu_status":"ok","gpus":[{"ecc_errors":2,"index":0,"#
      + #""memory_total_mib":null,"memory_used_mib":null,"name":"Tesla T4","temperature_c":45,"#
      + #""utilization_pct":null}],"load1":0.5,"memory_available_bytes":4096,"#
      + #""memory_total_bytes":8192,"time":"2026-10-03T08:15:02Z","#
      + #""units":[{"active":false,"name":"ai.service"}],"uptime_s":3600.5}"#
    #expect(health.tableRow().serialized() == expected)
  }

  @Test func timestampFormatting() {
    #expect(HostHealth.timestamp(0) == "1970-01-01T00:00:00Z")
    #expect(HostHealth.timestamp(-1) == "1969-12-31T23:59:59Z")
    #expect(HostHealth.timestamp(1_791_015_302) == "2026-10-03T08:15:02Z")
  }
}
