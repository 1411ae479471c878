import Core
import Glibc
import Testing
import TestSupport

/// Runs the built binary's snapshot, killing it at random points, and
/// checks that the counts after a final complete run equal what the
/// generated store holds: a killed run must leave nothing behind and the
/// next run must count nothing twice.
@Suite struct SnapshotKillTests {
  @Test func killedSnapshotsCountEachFileOnce() throws {
    let folder = TemporaryFolder()
    let store = GeneratedStore.make(in: folder, studies: 600, seed: 77)
    let recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"
    func initSite(_ name: String) throws -> String {
      let config = folder.path + "/\(name).toml"
      let run = try BinaryRun.medmon([
        "init", "-q", "--site", name, "--recipient", recipient,
        "--state", folder.path + "/\(name)/state.db", "--dicom", folder.path + "/store", "--config", config,
      ])
      try #require(run.status == 0, "init failed: \(run.standardError)")
      return config
    }

    // A complete run on a second site measures how long a first snapshot
    // takes here, so the kills land inside the run however fast the machine.
    let timing = try initSite("timing")
    let started = monotonicSeconds()
    _ = try BinaryRun.medmon(["snapshot", "-q", "--config", timing])
    let duration = monotonicSeconds() - started

    let config = try initSite("killed")
    var random = SplitMix64(seed: 5)
    var killed = 0
    for _ in 0..<5 {
      let fraction = 0.1 + Double(random.next() % 800) / 1000
      let output = try Subprocess.run(
        BinaryRun.binaryPath, arguments: ["snapshot", "-q", "--config", config],
        timeout: duration * fraction)
      if output.termination == .timedOut { killed += 1 }
    }
    #expect(killed > 0, "no run was killed, so the test proved nothing")
    let final = try BinaryRun.medmon(["snapshot", "--config", config])
    #expect(final.status == 0, "\(final.standardError)")

    let database = try Database(path: folder.path + "/killed/state.db", mode: .readOnly)
    let instances = try database.scalar("SELECT SUM(instances) FROM dicom_counts WHERE dimension = 'modality'")
    #expect(instances?.intValue == store.instances.count, "after \(killed) killed runs")
    let files = try database.scalar("SELECT COUNT(*) FROM files WHERE status = 'ok'")
    #expect(files?.intValue == store.instances.count)
    let studies = try database.scalar("SELECT COUNT(*) FROM study_days")
    let expectedStudyDays = Set(store.instances.map { "\($0.day)\($0.study)" }).count
    #expect(studies?.intValue == expectedStudyDays)
  }
}

private func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
