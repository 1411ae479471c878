import Core

/// The rows of the `results`, `result_sketches` and `review` tables that
/// docs/bundle-format.md specifies, sorted so the same statistics always
/// give the same rows.
extension ResultStatistics {
  public func resultRows() -> [JSONValue] {
    aggregates.keys.sorted().map { key in
      let aggregate = aggregates[key]!
      var row = keyMembers(key)
      row["studies"] = .integer(Int64(aggregate.studies))
      row["status"] = .sortedObject(aggregate.status.mapValues { .integer(Int64($0)) })
      row["findings"] = .sortedObject(
        aggregate.findings.mapValues { count in
          .sortedObject([
            "positives": .integer(Int64(count.positives)), "total": .integer(Int64(count.total)),
          ])
        })
      return .sortedObject(row)
    }
  }

  public func sketchRows() -> [JSONValue] {
    var rows: [JSONValue] = []
    for key in aggregates.keys.sorted() {
      let sketches = aggregates[key]!.sketches
      for metric in sketches.keys.sorted() {
        let sketch = sketches[metric]!
        var row = keyMembers(key)
        row["metric"] = .string(metric)
        row["count"] = .integer(Int64(sketch.count))
        row["sketch"] = .string(sketch.base64())
        rows.append(.sortedObject(row))
      }
    }
    return rows
  }

  public func reviewRows() -> [JSONValue] {
    var rows: [JSONValue] = []
    for key in reviews.keys.sorted() {
      let sample = reviews[key]!
      let lists: [(ReviewReason, [ReviewCandidate])] = [
        (.random, sample.random), (.uncertain, sample.uncertain),
      ]
      for (reason, candidates) in lists {
        for candidate in candidates {
          rows.append(
            .sortedObject([
              "model": .string(key.model), "version": .string(key.version),
              "study": .string(candidate.study), "day": .string(candidate.day.description),
              "reason": .string(reason.rawValue),
              "uncertainty": candidate.uncertainty.map(JSONValue.double) ?? .null,
            ]))
        }
      }
    }
    return rows
  }

  private func keyMembers(_ key: ResultKey) -> [String: JSONValue] {
    [
      "day": .string(key.day.description), "model": .string(key.model),
      "version": .string(key.version),
    ]
  }
}
