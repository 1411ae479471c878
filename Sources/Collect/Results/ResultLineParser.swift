import Core

/// Turns one line of a results file into a `ResultRecord`, replacing the
/// study identifier with its pseudonym on the way.
public struct ResultLineParser: Sendable {
  public static let maximumEntries = 256
  public static let maximumNameLength = 64

  let pseudonymize: @Sendable (String) -> String

  /// Creates a parser. `pseudonymize` maps a study identifier to the
  /// keyed pseudonym that is stored in its place.
  public init(pseudonymize: @escaping @Sendable (String) -> String) {
    self.pseudonymize = pseudonymize
  }

  /// Parses the bytes of one line, without its line end.
  public func parse(_ line: ArraySlice<UInt8>) -> Result<ResultRecord, ResultLineProblem> {
    let value: JSONValue
    do {
      value = try JSONParser(maximumDepth: 8).parse(Array(line))
    } catch let error as JSONError {
      if case .invalidUTF8 = error { return .failure(.invalidUTF8) }
      return .failure(.invalidJSON(offset: Self.offset(of: error)))
    } catch {
      return .failure(.invalidJSON(offset: 0))
    }
    guard let members = value.objectValue else {
      return .failure(.invalidField("line", expected: "a JSON object"))
    }
    do {
      return .success(try record(members))
    } catch let problem as ResultLineProblem {
      return .failure(problem)
    } catch {
      return .failure(.invalidJSON(offset: 0))
    }
  }

  private func record(_ members: [String: JSONValue]) throws -> ResultRecord {
    guard let timeValue = members["time"] else { throw ResultLineProblem.missingField("time") }
    guard let time = ResultTimestamp.unixSeconds(timeValue) else {
      throw ResultLineProblem.invalidTime
    }
    let study = try requiredString(members, "study")
    guard !study.isEmpty, study.utf8.count <= 256 else {
      throw ResultLineProblem.invalidField("study", expected: "1 to 256 bytes of text")
    }

    var record = ResultRecord(
      time: time, study: pseudonymize(study), model: try name(members, "model"),
      version: try name(members, "version"), status: try name(members, "status").lowercased())
    record.latencyMilliseconds = try optionalNumber(members, "latency_ms", minimum: 0)
    record.uncertainty = try optionalNumber(members, "uncertainty", minimum: 0)

    let threshold = try optionalNumber(members, "threshold", minimum: nil)
    record.findings = try findings(members["findings"], threshold: threshold)
    record.values = try values(members["values"])
    return record
  }

  private func findings(_ value: JSONValue?, threshold: Double?) throws -> [String: FindingResult] {
    guard let value else { return [:] }
    let entries = try entries(value, field: "findings")
    var findings: [String: FindingResult] = [:]
    for (key, entry) in entries {
      try checkName(key, field: "findings", isKey: true)
      let field = "findings." + key
      findings[key] = try finding(entry, name: key, field: field, threshold: threshold)
    }
    return findings
  }

  private func finding(
    _ entry: JSONValue, name: String, field: String, threshold: Double?
  ) throws -> FindingResult {
    if let score = entry.doubleValue {
      guard let threshold else { throw ResultLineProblem.unlabeledFinding(name) }
      return FindingResult(score: try finite(score, field: field), positive: score >= threshold)
    }
    guard let members = entry.objectValue else {
      throw ResultLineProblem.invalidField(field, expected: "a number or an object")
    }
    guard let scoreValue = members["score"] else {
      throw ResultLineProblem.missingField(field + ".score")
    }
    guard let score = scoreValue.doubleValue else {
      throw ResultLineProblem.invalidField(field + ".score", expected: "a number")
    }
    _ = try finite(score, field: field + ".score")

    if let label = members["label"] {
      guard let positive = label.boolValue else {
        throw ResultLineProblem.invalidField(field + ".label", expected: "true or false")
      }
      return FindingResult(score: score, positive: positive)
    }
    let own = try optionalNumber(members, "threshold", minimum: nil, prefix: field + ".")
    guard let cutoff = own ?? threshold else { throw ResultLineProblem.unlabeledFinding(name) }
    return FindingResult(score: score, positive: score >= cutoff)
  }

  private func values(_ value: JSONValue?) throws -> [String: Double] {
    guard let value else { return [:] }
    var values: [String: Double] = [:]
    for (key, entry) in try entries(value, field: "values") {
      try checkName(key, field: "values", isKey: true)
      let field = "values." + key
      guard let number = entry.doubleValue else {
        throw ResultLineProblem.invalidField(field, expected: "a number")
      }
      values[key] = try finite(number, field: field)
    }
    return values
  }

  private func entries(_ value: JSONValue, field: String) throws -> [String: JSONValue] {
    guard let members = value.objectValue else {
      throw ResultLineProblem.invalidField(field, expected: "an object")
    }
    guard members.count <= Self.maximumEntries else {
      throw ResultLineProblem.tooManyEntries(field: field, limit: Self.maximumEntries)
    }
    return members
  }

  private func requiredString(_ members: [String: JSONValue], _ field: String) throws -> String {
    guard let value = members[field] else { throw ResultLineProblem.missingField(field) }
    guard let text = value.stringValue else {
      throw ResultLineProblem.invalidField(field, expected: "a string")
    }
    return text
  }

  private func name(_ members: [String: JSONValue], _ field: String) throws -> String {
    let text = try requiredString(members, field)
    try checkName(text, field: field)
    return text
  }

  private func optionalNumber(
    _ members: [String: JSONValue], _ field: String, minimum: Double?, prefix: String = ""
  ) throws -> Double? {
    guard let value = members[field], value != .null else { return nil }
    guard let number = value.doubleValue else {
      throw ResultLineProblem.invalidField(prefix + field, expected: "a number")
    }
    if let minimum, number < minimum {
      throw ResultLineProblem.invalidField(prefix + field, expected: "a number of at least 0")
    }
    return try finite(number, field: prefix + field)
  }

  private func finite(_ number: Double, field: String) throws -> Double {
    guard number.isFinite else {
      throw ResultLineProblem.invalidField(field, expected: "a finite number")
    }
    return number
  }

  /// Checks a model, version, status, finding or value name. The names
  /// leave the site, so only a short, plain character set is accepted.
  /// A rejected key is not named in the problem, since it may be any text.
  private func checkName(_ text: String, field: String, isKey: Bool = false) throws {
    let allowed = text.utf8.allSatisfy { byte in
      switch byte {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
      case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"),
        UInt8(ascii: ":"), UInt8(ascii: "/"):
        return true
      default: return false
      }
    }
    let subject = isKey ? "keys of " : ""
    guard allowed, (1...Self.maximumNameLength).contains(text.utf8.count) else {
      throw ResultLineProblem.invalidField(
        field, expected: subject + "1 to 64 characters from A-Z a-z 0-9 . _ - + : /")
    }
    guard !Self.looksLikeUID(text) else {
      let expected = isKey ? "keys that are names, not DICOM UIDs" : "a name, not a DICOM UID"
      throw ResultLineProblem.invalidField(field, expected: expected)
    }
  }

  /// Reports whether a name has the shape of a DICOM UID: digits in five
  /// or more dot-separated parts. Such a name would carry an identifier
  /// out of the site, while a version such as `2.3.1.4567` has fewer parts.
  static func looksLikeUID(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count >= 5
      && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  private static func offset(of error: JSONError) -> Int {
    switch error {
    case .unexpectedEnd(let offset), .unexpectedByte(_, let offset, _),
      .invalidNumber(_, let offset), .invalidEscape(_, let offset), .invalidUTF8(let offset),
      .controlCharacter(_, let offset), .tooDeep(_, let offset), .duplicateKey(_, let offset),
      .trailingData(let offset):
      return offset
    case .tooLarge:
      return 0
    }
  }
}
