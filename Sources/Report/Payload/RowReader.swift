import Core

/// Typed access to one JSON Lines row, with errors that name the field.
struct RowReader {
  let value: JSONValue

  init(_ value: JSONValue) throws {
    guard case .object = value else { throw RowError("the row is not a JSON object") }
    self.value = value
  }

  func string(_ key: String) throws -> String {
    guard let text = value[key]?.stringValue else { throw missing(key, "a string") }
    return text
  }

  func integer(_ key: String) throws -> Int {
    guard let number = value[key]?.integerValue, number >= 0 else {
      throw missing(key, "a non-negative integer")
    }
    return Int(number)
  }

  func double(_ key: String) throws -> Double {
    guard let number = value[key]?.doubleValue else { throw missing(key, "a number") }
    return number
  }

  func optionalDouble(_ key: String) -> Double? { value[key]?.doubleValue }

  func day(_ key: String = "day") throws -> Day {
    guard let text = value[key]?.stringValue, text.count == 10, let day = Day(text) else {
      throw missing(key, "a date as YYYY-MM-DD")
    }
    return day
  }

  /// Reads the day out of an RFC 3339 time such as `2026-10-01T03:00:00Z`.
  func dayOfTime(_ key: String = "time") throws -> Day {
    let text = try string(key)
    guard text.count >= 20, let day = Day(text.prefix(10)) else {
      throw missing(key, "an RFC 3339 time")
    }
    return day
  }

  func sketch(_ key: String = "sketch") throws -> DDSketch {
    let text = try string(key)
    do {
      return try DDSketch(base64: text)
    } catch {
      throw RowError("field \"\(key)\" is not a valid sketch: \(error)")
    }
  }

  func objects(_ key: String) throws -> [RowReader] {
    guard let array = value[key]?.arrayValue else { throw missing(key, "an array") }
    return try array.map { try RowReader($0) }
  }

  func members(_ key: String) throws -> [String: JSONValue] {
    guard let object = value[key]?.objectValue else { throw missing(key, "an object") }
    return object
  }

  private func missing(_ key: String, _ expected: String) -> RowError {
    RowError("field \"\(key)\" is missing or not \(expected)")
  }
}

/// The reason one row failed to parse; the caller adds table and line.
struct RowError: Error {
  let reason: String
  init(_ reason: String) { self.reason = reason }
}
