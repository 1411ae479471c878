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

}
