import Core
import Glibc
import Testing

@testable import Collect

/// A fresh folder under /tmp for one test's fixture files and fake programs.
private func makeFolder() throws -> String {
  var template = Array("/tmp/medmon-host-XXXXXX".utf8CString)
  let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
  return String(cString: try #require(path))
}

private func removeFolder(_ folder: String) {
  _ = try? Subprocess.run("/bin/rm", arguments: ["-rf", "--", folder])
}

private func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
  try FileSystem.writeAtomically(Array(text.utf8), to: path, mode: mode)
}

/// Writes an executable shell script that replaces a real program.
private func fakeProgram(_ folder: String, _ name: String, _ body: String) throws -> String {
  let path = FileSystem.join(folder, name)
  try write("#!/bin/sh\n" + body + "\n", to: path, mode: 0o755)
  return path
}

private let meminfo = """
  MemTotal:       16314520 kB
  MemFree:         1210044 kB
  MemAvailable:    9876544 kB
  Buffers:          402112 kB
  Cached:          7654320 kB
  SwapTotal:       2097148 kB
  SwapFree:        2097000 kB
  HugePages_Total:       0

  """

private func makeProc(_ folder: String) throws -> String {
  let proc = FileSystem.join(folder, "proc")
  try FileSystem.createDirectory(proc)
  try write(meminfo, to: proc + "/meminfo")
  try write("0.52 0.58 0.61 2/389 12345\n", to: proc + "/loadavg")
  try write("86523.17 170000.02\n", to: proc + "/uptime")
  try write("cpu  1 2 3 4\nintr 5\nbtime 1764806400\nprocesses 99\n", to: proc + "/stat")
  return proc
}

@Suite struct HostProbeTests {
  @Test func memoryFromMeminfo() throws {
    let memory = try #require(ProcFiles.parseMemory(meminfo))
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

  @Test func collectsFromFixtureProc() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    var probe = HostProbe(diskPaths: [folder], units: [], queriesGPU: false)
    probe.procRoot = try makeProc(folder)
    let health = probe.collect(now: 1_764_892_923)

    #expect(health.time == 1_764_892_923)
    let memory = try #require(health.memory)
    #expect(memory.totalBytes == 16_314_520 * 1024)
    #expect(health.load == LoadAverage(one: 0.52, five: 0.58, fifteen: 0.61))
    #expect(health.uptimeSeconds == 86_523.17)
    #expect(health.bootTime == 1_764_806_400)
    #expect(health.gpuStatus == .notQueried)
    #expect(health.problems.isEmpty)
  }

  @Test func diskUsageMatchesStatvfs() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let probe = HostProbe(diskPaths: [folder, "/nonexistent-medmon"], units: [], queriesGPU: false)
    let health = probe.collect(now: 0)
    var info = statvfs()
    #expect(statvfs(folder, &info) == 0)

    #expect(health.disks.count == 1)
    let disk = try #require(health.disks.first)
    #expect(disk.path == folder)
    #expect(disk.totalBytes == Int64(info.f_blocks) * Int64(info.f_frsize))
    #expect(disk.totalBytes > 0)
    #expect(disk.freeBytes >= disk.availableBytes)
    #expect(health.problems.contains { $0.contains("'/nonexistent-medmon'") })
  }

  @Test func missingProcFilesBecomeProblems() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    var probe = HostProbe(diskPaths: [], units: [], queriesGPU: false)
    probe.procRoot = folder
    try write("nonsense\n", to: folder + "/loadavg")
    let health = probe.collect(now: 0)

    #expect(health.memory == nil)
    #expect(health.load == nil)
    #expect(health.bootTime == nil)
    #expect(health.problems.count == 4)
    #expect(health.problems.contains("unexpected content in '\(folder)/loadavg'"))
    #expect(health.problems.contains { $0.hasPrefix("cannot open '\(folder)/meminfo'") })
  }

  @Test func gpuWithEccErrors() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    let program = try fakeProgram(
      folder, "nvidia-smi",
      """
      [ "$1" = "--query-gpu=index,name,temperature.gpu,memory.total,memory.used,\
      utilization.gpu,ecc.errors.uncorrected.volatile.total" ] || exit 99
      [ "$2" = "--format=csv,noheader,nounits" ] || exit 98
      echo "0, NVIDIA A100-SXM4-40GB, 34, 40960, 1024, 7, 0"
      echo "1, NVIDIA A100-SXM4-40GB, 81, 40960, 39000, 100, 12"
      """)
    var probe = HostProbe(diskPaths: [], units: [], queriesGPU: true)
    probe.nvidiaSMI = program
    let health = probe.collect(now: 0)

    #expect(health.gpuStatus == .ok)
    #expect(health.gpus.count == 2)
    let second = try #require(health.gpus.last)
    #expect(second.index == 1)
    #expect(second.name == "NVIDIA A100-SXM4-40GB")
    #expect(second.temperatureCelsius == 81)
    #expect(second.memoryTotalMiB == 40960)
    #expect(second.memoryUsedMiB == 39000)
    #expect(second.utilizationPercent == 100)
    #expect(second.eccErrors == 12)
    #expect(health.gpus.first?.eccErrors == 0)
  }

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

  @Test func noDevicesIsMissing() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    var probe = HostProbe(diskPaths: [], units: [], queriesGPU: true)
    probe.nvidiaSMI = try fakeProgram(folder, "nvidia-smi", "echo 'No devices were found'; exit 6")
    let health = probe.collect(now: 0)
    #expect(health.gpuStatus == .missing)
    #expect(health.gpus.isEmpty)
    #expect(health.gpuDetail == nil)
  }

  @Test func emptyOutputIsMissing() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    var probe = HostProbe(diskPaths: [], units: [], queriesGPU: true)
    probe.nvidiaSMI = try fakeProgram(folder, "nvidia-smi", "exit 0")
    #expect(probe.collect(now: 0).gpuStatus == .missing)
  }

  @Test func failingNvidiaSmiIsError() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    var probe = HostProbe(diskPaths: [], units: [], queriesGPU: true)
    probe.nvidiaSMI = try fakeProgram(
      folder, "nvidia-smi",
      "echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\"\n"
        + "exit 9")
    let health = probe.collect(now: 0)
    #expect(health.gpuStatus == .error)
    #expect(
      health.gpuDetail
        == "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.")
  }

  @Test func hangingNvidiaSmiTimesOut() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    var probe = HostProbe(diskPaths: [], units: [], queriesGPU: true)
    probe.nvidiaSMI = try fakeProgram(folder, "nvidia-smi", "sleep 30")
    probe.timeout = 0.3
    let health = probe.collect(now: 0)
    #expect(health.gpuStatus == .error)
    #expect(health.gpuDetail == "nvidia-smi timed out")
  }

  @Test func absentNvidiaSmi() {
    var probe = HostProbe(diskPaths: [], units: [], queriesGPU: true)
    probe.nvidiaSMI = "/nonexistent/nvidia-smi"
    let health = probe.collect(now: 0)
    #expect(health.gpuStatus == .absent)
    #expect(health.gpuDetail == nil)
  }

  @Test func unitStates() throws {
    let folder = try makeFolder()
    defer { removeFolder(folder) }
    var probe = HostProbe(
      diskPaths: [], units: ["ai-worker.service", "-bad", "dicom-store.service"], queriesGPU: false)
    probe.systemctl = try fakeProgram(
      folder, "systemctl",
      """
      [ "$1" = "is-active" ] && [ "$2" = "--" ] || exit 99
      case "$3" in
        ai-worker.service) echo active ;;
        dicom-store.service) echo failed; exit 3 ;;
        *) echo inactive; exit 3 ;;
      esac
      """)
    let health = probe.collect(now: 0)
    #expect(
      health.units == [
        UnitState(name: "ai-worker.service", state: "active"),
        UnitState(name: "-bad", state: "inactive"),
        UnitState(name: "dicom-store.service", state: "failed"),
      ])
    #expect(health.units.map(\.active) == [true, false, false])
    #expect(health.problems.isEmpty)
  }

  @Test func absentSystemctlIsUnknown() {
    var probe = HostProbe(diskPaths: [], units: ["ai-worker.service"], queriesGPU: false)
    probe.systemctl = "/nonexistent/systemctl"
    let health = probe.collect(now: 0)
    #expect(health.units == [UnitState(name: "ai-worker.service", state: "unknown")])
    #expect(
      health.problems == [
        "cannot query unit 'ai-worker.service': cannot run '/nonexistent/systemctl': "
          + "program not found"
      ])
  }

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
