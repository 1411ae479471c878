import Core
import Report

#if canImport(Glibc)
  import Glibc
#endif

/// Generated operational rows: snapshots, host, logs, latency, results.
extension SiteGenerator {
  func time(_ day: Day, hour: Int) -> String {
    let text = String(hour)
    return "\(day)T\(hour < 10 ? "0" + text : text):00:00Z"
  }

  func snapshotRows(_ day: Day) -> [JSONValue] {
    stride(from: 0, to: 24, by: 3).map { hour in
      .sortedObject([
        "time": .string(time(day, hour: hour)), "duration_ms": .integer(900),
        "files_seen": .integer(10_000), "files_new": .integer(50), "files_changed": .integer(0),
        "problems": .integer(0), "boot_time": .string("2025-09-01T00:00:00Z"),
      ])
    }
  }

  /// Free disk bytes: half of 1 TiB, or from the event day on, shrinking
  /// by 3% of the disk a day down to 1%.
  func freeBytes(_ day: Day) -> Int64 {
    guard active(.diskFilling, on: day) else { return 1 << 39 }
    let days = Double(day.daysSinceEpoch - eventDay.daysSinceEpoch)
    return Int64(Double(1 << 40) * max(0.01, 0.2 - 0.03 * days))
  }

  func hostRows(_ day: Day) -> [JSONValue] {
    let gpuStatus = active(.gpuFailure, on: day) ? "error" : "ok"
    return stride(from: 0, to: 24, by: 3).map { hour in
      .sortedObject([
        "time": .string(time(day, hour: hour)), "uptime_s": .integer(1000),
        "boot_time": .string("2025-09-01T00:00:00Z"),
        "load1": .double(0.5), "memory_total_bytes": .integer(64 << 30),
        "memory_available_bytes": .integer(32 << 30),
        "disks": .array([
          .sortedObject([
            "path": .string("/"), "total_bytes": .integer(1 << 40),
            "free_bytes": .integer(freeBytes(day)),
          ])
        ]),
        "gpu_status": .string(gpuStatus),
        "gpus": .array([
          .sortedObject([
            "index": .integer(0), "name": .string("T4"), "temperature_c": .integer(60),
            "memory_total_mib": .integer(16_000), "memory_used_mib": .integer(4000),
            "utilization_pct": .integer(40),
            "ecc_errors": .integer(0),
          ])
        ]),
        "units": .array([]),
      ])
    }
  }

  func numericRows(_ day: Day, random: inout SplitMix64) -> [JSONValue] {
    var age = DDSketch()
    var kvp = DDSketch()
    let pediatric = active(.pediatric, on: day)
    for _ in 0..<60 {
      let child = pediatric && random.nextUnit() < 0.15
      _ = age.add(child ? 6 + 10 * random.nextUnit() : max(18, 52 + 16 * random.normal()))
      _ = kvp.add(max(40, 110 + 8 * random.normal()))
    }
    return [("age_years", age), ("kvp", kvp)].map { metric, sketch in
      row(
        day,
        [
          "metric": .string(metric), "count": .integer(Int64(sketch.count)),
          "sketch": .string(sketch.base64()),
        ])
    }
  }

  func outlierRows(_ day: Day, random: inout SplitMix64) -> [JSONValue] {
    var rows: [JSONValue] = []
    if active(.pediatric, on: day) {
      for index in 0..<random.poisson(studiesPerDay * 0.15) {
        rows.append(
          row(
            day,
            [
              "rule": .string("age_below_model_range"), "study": .string("s:child-\(day)-\(index)"),
              "modality": .string("CR"), "body_part": .string("CHEST"), "age_band": .string("5-11"),
              "station": .string("p:BBBBBBBBBBBBBBBB"),
            ]))
      }
    }
    let count = random.poisson(1)
    for index in 0..<count {
      rows.append(
        row(
          day,
          [
            "rule": .string("lateral_decubitus"), "study": .string("s:\(day)-\(index)"),
            "modality": .string("CR"), "body_part": .string("CHEST"), "age_band": .string("40-64"),
            "station": .string("p:AAAAAAAAAAAAAAAA"),
          ]))
    }
    return rows
  }

  func logLevelRows(_ day: Day, random: inout SplitMix64) -> [JSONValue] {
    [("info", 5000.0), ("warning", 40), ("error", 6)].map { level, mean in
      row(day, ["level": .string(level), "count": .integer(Int64(random.poisson(mean)))])
    }
  }

  func templateRows(_ day: Day, random: inout SplitMix64) -> [JSONValue] {
    var templates = [
      ("a1b2c3d4e5f60718", "error", "request timed out after <*> ms", 5.0),
      ("0f1e2d3c4b5a6978", "error", "cannot read file <*>", 1.0),
      ("1111222233334444", "info", "study <*> processed in <*> ms", 400.0),
    ]
    if active(.shortErrorSpike, on: day) && day < eventDay.adding(days: 2) {
      templates[0].3 = 60
    }
    if active(.newError, on: day) {
      templates.append(("deadbeef00112233", "error", "model load failed: CUDA error <*>", 30.0))
    }
    return templates.compactMap { fingerprint, level, template, mean in
      let count = random.poisson(mean)
      guard count > 0 else { return nil }
      return row(
        day,
        [
          "fingerprint": .string(fingerprint), "level": .string(level),
          "template": .string(template), "count": .integer(Int64(count)),
          "first_seen": .string(time(day, hour: 1)), "last_seen": .string(time(day, hour: 22)),
          "sample": .string(template),
        ])
    }
  }

  func latencyRow(_ day: Day, count: Int, random: inout SplitMix64) -> JSONValue {
    var sketch = DDSketch()
    let factor = active(.latencyRegression, on: day) ? 2.0 : 1.0
    let samples = 80
    for _ in 0..<samples {
      _ = sketch.add(
        factor * 800 * exp(0.3 * random.normal()), count: UInt64(max(1, count / samples)))
    }
    return row(day, ["count": .integer(Int64(sketch.count)), "sketch": .string(sketch.base64())])
  }

  func throughputRows(_ day: Day, studies: Int, random: inout SplitMix64) -> [JSONValue] {
    let hours = (8...17).map { (String($0), 0.1) }
    return random.multinomial(studies, hours).map { hour, count in
      row(day, ["hour": .integer(Int64(hour)!), "count": .integer(Int64(count))])
    }
  }

  func modelVersion(_ day: Day) -> String {
    active(.positiveRateDoubles, on: day) || active(.newError, on: day) ? "2.2" : "2.1"
  }

  func resultRow(_ day: Day, studies: Int, random: inout SplitMix64) -> JSONValue {
    let rate = active(.positiveRateDoubles, on: day) ? 0.10 : 0.05
    let positives = random.multinomial(studies, [("p", rate), ("n", 1 - rate)])[0].1
    let nodules = random.multinomial(studies, [("p", 0.08), ("n", 0.92)])[0].1
    return row(
      day,
      [
        "model": .string("chest-xr"), "version": .string(modelVersion(day)),
        "studies": .integer(Int64(studies)),
        "status": .sortedObject(["ok": .integer(Int64(studies))]),
        "findings": .sortedObject([
          "pneumothorax": .sortedObject([
            "positives": .integer(Int64(positives)), "total": .integer(Int64(studies)),
          ]),
          "nodule": .sortedObject([
            "positives": .integer(Int64(nodules)), "total": .integer(Int64(studies)),
          ]),
        ]),
      ])
  }

  func scoreRows(_ day: Day, random: inout SplitMix64) -> [JSONValue] {
    var score = DDSketch()
    var uncertainty = DDSketch()
    for _ in 0..<60 {
      _ = score.add(min(0.999, max(0.001, 0.2 + 0.1 * random.normal())))
      _ = uncertainty.add(min(0.999, max(0.001, 0.1 + 0.03 * random.normal())))
    }
    return [("score:pneumothorax", score), ("uncertainty", uncertainty)].map { metric, sketch in
      row(
        day,
        [
          "model": .string("chest-xr"), "version": .string(modelVersion(day)),
          "metric": .string(metric),
          "count": .integer(Int64(sketch.count)), "sketch": .string(sketch.base64()),
        ])
    }
  }
}

extension SiteGenerator {
  /// Two studies a day sampled for review, as the site's review table has them.
  func reviewRows(_ day: Day) -> [JSONValue] {
    (0..<2).map { index in
      .sortedObject([
        "day": .string(day.description), "model": .string("chest-xr"),
        "version": .string(modelVersion(day)), "study": .string("s:review-\(day)-\(index)"),
        "reason": .string(index == 0 ? "random" : "uncertain"), "uncertainty": .double(0.2),
      ])
    }
  }
}
