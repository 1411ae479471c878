import Core

/// Rules on the site server: snapshot gaps, disks and GPUs.
extension IncidentRules {
  /// Reports gaps between snapshot runs longer than four times the usual
  /// interval and at least three hours: the server was off or unplugged.
  func snapshotGaps() -> [Finding] {
    let times = context.tables.snapshots.compactMap { row in
      RFC3339.parse(row.time).map { (seconds: $0, day: row.day) }
    }.sorted { $0.seconds < $1.seconds }
    guard times.count >= 3 else { return [] }
    let intervals = zip(times, times.dropFirst()).map { $1.seconds - $0.seconds }.sorted()
    let usual = intervals[intervals.count / 2]
    let limit = max(4 * usual, 3 * 3600)
    var findings: [Finding] = []
    for (before, after) in zip(times, times.dropFirst()) {
      let gap = after.seconds - before.seconds
      guard gap > limit else { continue }
      let firstMissing = Day(unixSeconds: before.seconds + usual)
      guard context.inCurrent(firstMissing) || context.inCurrent(after.day) else { continue }
      let lastMissing = Day(unixSeconds: after.seconds - 1)
      let hours = Double(gap) / 3600
      findings.append(
        incident(
          "snapshot_gap", "snapshots from \(firstMissing)", hours >= 24 ? .incident : .warning,
          days: [firstMissing, lastMissing],
          "No snapshot ran for \(Format.decimal(hours, digits: 1)) hours from \(firstMissing) to \(lastMissing): the server was off or disconnected.",
          ["gap_hours": hours, "usual_interval_minutes": Double(usual) / 60]))
    }
    return findings
  }

  /// Reports disks whose free space fell below the warning or incident
  /// fraction in the current period.
  func diskNearlyFull() -> [Finding] {
    var lowest: [String: (fraction: Double, days: [Day])] = [:]
    for row in context.tables.host where context.inCurrent(row.day) {
      for disk in row.disks where disk.totalBytes > 0 {
        let fraction = Double(disk.freeBytes) / Double(disk.totalBytes)
        guard fraction < options.diskFreeWarning else { continue }
        let previous = lowest[disk.path] ?? (1, [])
        lowest[disk.path] = (min(previous.fraction, fraction), previous.days + [row.day])
      }
    }
    return lowest.keys.sorted().map { path in
      let entry = lowest[path]!
      let severity: Severity = entry.fraction < options.diskFreeIncident ? .incident : .warning
      return incident(
        "disk_nearly_full", path, severity, days: entry.days,
        "Disk \(path) has only \(Format.percent(entry.fraction)) free.",
        ["free_fraction": entry.fraction])
    }
  }

  /// Reports snapshots in which the GPU was missing or erroring while the
  /// baseline saw it working, and ECC errors growing.
  func gpuProblems() -> [Finding] {
    let baselineOK = context.tables.host.contains {
      context.inBaseline($0.day) && $0.gpuStatus == "ok"
    }
    var bad: [String: [Day]] = [:]
    var baseErrors = 0
    var currentErrors = 0
    for row in context.tables.host {
      if context.inBaseline(row.day) { baseErrors = max(baseErrors, row.gpuErrors) }
      guard context.inCurrent(row.day) else { continue }
      currentErrors = max(currentErrors, row.gpuErrors)
      if row.gpuStatus == "error" || (row.gpuStatus == "missing" && baselineOK) {
        bad[row.gpuStatus, default: []].append(row.day)
      }
    }
    var findings = bad.keys.sorted().map { status in
      incident(
        "gpu_problem", "gpu \(status)", .incident, days: bad[status]!,
        "The GPU was \(status == "error" ? "reporting errors" : "missing") in \(bad[status]!.count) snapshot(s) from \(bad[status]!.min()!).",
        ["snapshots": Double(bad[status]!.count)])
    }
    if currentErrors > baseErrors,
      let first = context.tables.host.first(where: {
        context.inCurrent($0.day) && $0.gpuErrors > baseErrors
      })
    {
      findings.append(
        incident(
          "gpu_problem", "gpu ecc errors", .warning, days: [first.day],
          "GPU ECC errors rose from \(baseErrors) to \(currentErrors).",
          ["baseline_errors": Double(baseErrors), "errors": Double(currentErrors)]))
    }
    return findings
  }
}
