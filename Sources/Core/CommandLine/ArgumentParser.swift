/// Parses `--option value`, `--option=value`, `-o value`, clustered short
/// flags (`-qv`), repeated options and `--` against a `CommandSpec`.
public struct ArgumentParser {
  public let spec: CommandSpec

  public init(spec: CommandSpec) {
    self.spec = spec
  }

  public func parse(_ arguments: [String]) throws -> ParsedArguments {
    var result = ParsedArguments(command: spec.name)
    var index = 0
    var optionsEnded = false

    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        result.appendPositional(argument)
      } else if argument == "--" {
        optionsEnded = true
      } else if argument.hasPrefix("--") {
        try parseLong(argument, arguments, &index, into: &result)
      } else {
        try parseShort(argument, arguments, &index, into: &result)
      }
    }
    if result.flag("help") { return result }
    try checkPositionals(result.positionals)
    return result
  }

  private func parseLong(
    _ argument: String, _ arguments: [String], _ index: inout Int,
    into result: inout ParsedArguments
  ) throws {
    let body = argument.dropFirst(2)
    let name: String
    var inlineValue: String?
    if let equals = body.firstIndex(of: "=") {
      name = String(body[..<equals])
      inlineValue = String(body[body.index(after: equals)...])
    } else {
      name = String(body)
    }
    guard let option = spec.allOptions.first(where: { $0.name == name }) else {
      let names = spec.allOptions.map { "--" + $0.name }
      throw UsageError.unknownOption(
        argument, command: spec.name, suggestion: closestMatch(to: "--" + name, in: names))
    }
    try apply(option, inlineValue: inlineValue, arguments, &index, into: &result)
  }

  private func parseShort(
    _ argument: String, _ arguments: [String], _ index: inout Int,
    into result: inout ParsedArguments
  ) throws {
    let letters = Array(argument.dropFirst())
    for (position, letter) in letters.enumerated() {
      guard let option = spec.allOptions.first(where: { $0.short == letter }) else {
        let names = spec.allOptions.compactMap { $0.short.map { "-\($0)" } }
        throw UsageError.unknownOption(
          "-\(letter)", command: spec.name, suggestion: closestMatch(to: "-\(letter)", in: names))
      }
      if option.takesValue {
        // The rest of the cluster is the value, as in `-ofile`.
        let rest = String(letters[(position + 1)...])
        try apply(option, inlineValue: rest.isEmpty ? nil : rest, arguments, &index, into: &result)
        return
      }
      try apply(option, inlineValue: nil, arguments, &index, into: &result)
    }
  }

  private func apply(
    _ option: OptionSpec, inlineValue: String?, _ arguments: [String], _ index: inout Int,
    into result: inout ParsedArguments
  ) throws {
    guard option.takesValue else {
      if inlineValue != nil { throw UsageError.unexpectedValue(option: option.name) }
      result.setFlag(option.name)
      return
    }
    var value = inlineValue
    if value == nil, index < arguments.count {
      value = arguments[index]
      index += 1
    }
    guard let value else { throw UsageError.missingValue(option: option.name) }
    if !option.repeatable, result.value(option.name) != nil {
      throw UsageError.repeatedOption(option.name)
    }
    result.append(value, for: option.name)
  }

  private func checkPositionals(_ values: [String]) throws {
    let required = spec.positionals.filter { !$0.optional }
    let unbounded = spec.positionals.contains { $0.repeatable }
    if values.count < required.count {
      let missing = required[values.count]
      throw UsageError.missingArgument(missing.name, command: spec.name)
    }
    if !unbounded, values.count > spec.positionals.count {
      throw UsageError.unexpectedArgument(values[spec.positionals.count], command: spec.name)
    }
  }
}

/// Returns the candidate nearest to `input` by edit distance, if it is
/// close enough to be a likely typo.
public func closestMatch(to input: String, in candidates: [String]) -> String? {
  let scored = candidates.map { ($0, editDistance(input, $0)) }
  guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else {
    return nil
  }
  let limit = max(2, input.count / 3)
  return best.1 <= limit ? best.0 : nil
}

/// Returns the Levenshtein distance between two strings, by characters.
public func editDistance(_ a: String, _ b: String) -> Int {
  let left = Array(a)
  let right = Array(b)
  if left.isEmpty { return right.count }
  var previous = Array(0...right.count)
  var current = [Int](repeating: 0, count: right.count + 1)
  for i in 1...left.count {
    current[0] = i
    for j in stride(from: 1, through: right.count, by: 1) {
      let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[right.count]
}
