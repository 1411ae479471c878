import Core

/// The record of one collector's work, carried in `collection.json` so
/// the bundle describes itself.
public struct CollectorReport: Equatable, Sendable {
  public var name: String
  public var summary: String
  /// `ok`, `skipped` or `failed`.
  public var status: String
  public var items: Int
  public var skipped: Int
  public var capped: Int
  public var durationMilliseconds: Int64
  public var notes: [String]

  public init(
    name: String, summary: String, status: String = "ok", items: Int = 0, skipped: Int = 0,
    capped: Int = 0, durationMilliseconds: Int64 = 0, notes: [String] = []
  ) {
    self.name = name
    self.summary = summary
    self.status = status
    self.items = items
    self.skipped = skipped
    self.capped = capped
    self.durationMilliseconds = durationMilliseconds
    self.notes = notes
  }

  var json: JSONValue {
    .sortedObject([
      "name": .string(name), "summary": .string(summary), "status": .string(status),
      "items": .integer(Int64(items)), "skipped": .integer(Int64(skipped)),
      "capped": .integer(Int64(capped)), "duration_ms": .integer(durationMilliseconds),
      "notes": .array(notes.map { .string($0) }),
    ])
  }
}
