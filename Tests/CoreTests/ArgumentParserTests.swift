import Testing

@testable import Core

private let spec = CommandSpec(
  name: "collect", summary: "Write a bundle.",
  options: [
    OptionSpec("out", short: "o", value: "DIR", help: "Target folder."),
    OptionSpec("recipient", short: "r", value: "KEY", repeatable: true, help: "Recipient."),
    OptionSpec("dry-run", help: "Print only."),
    OptionSpec("limit", value: "N", help: "Limit."),
  ],
  positionals: [PositionalSpec("FILE", optional: true, repeatable: true, help: "Input.")])

@Suite struct ArgumentParserTests {
  @Test func longOptionWithSeparateValue() throws {
    let parsed = try ArgumentParser(spec: spec).parse(["--out", "/media/usb"])
    #expect(parsed.value("out") == "/media/usb")
  }

  @Test func longOptionWithEqualsValue() throws {
    let parsed = try ArgumentParser(spec: spec).parse(["--out=/media/usb=x"])
    #expect(parsed.value("out") == "/media/usb=x")
  }

  @Test func shortAliasAndClusteredFlags() throws {
    let parsed = try ArgumentParser(spec: spec).parse(["-qv", "-o", "dir", "-rkey1"])
    #expect(parsed.flag("quiet"))
    #expect(parsed.flag("verbose"))
    #expect(parsed.value("out") == "dir")
    #expect(parsed.values("recipient") == ["key1"])
  }

  @Test func repeatedOptionKeepsOrder() throws {
    let parsed = try ArgumentParser(spec: spec).parse(["-r", "a", "--recipient", "b", "-r=c"])
    #expect(parsed.values("recipient") == ["a", "b", "=c"])
  }

  @Test func nonRepeatableOptionTwiceRejected() {
    #expect(throws: UsageError.repeatedOption("out")) {
      try ArgumentParser(spec: spec).parse(["--out", "a", "--out", "b"])
    }
  }

  @Test func doubleDashEndsOptions() throws {
    let parsed = try ArgumentParser(spec: spec).parse(["--dry-run", "--", "--out", "-x"])
    #expect(parsed.flag("dry-run"))
    #expect(parsed.value("out") == nil)
    #expect(parsed.positionals == ["--out", "-x"])
  }

  @Test func unknownOptionSuggestsClosest() {
    #expect(
      throws: UsageError.unknownOption("--dryrun", command: "collect", suggestion: "--dry-run")
    ) {
      try ArgumentParser(spec: spec).parse(["--dryrun"])
    }
  }

  @Test func missingValueRejected() {
    #expect(throws: UsageError.missingValue(option: "out")) {
      try ArgumentParser(spec: spec).parse(["--out"])
    }
  }

  @Test func flagWithValueRejected() {
    #expect(throws: UsageError.unexpectedValue(option: "dry-run")) {
      try ArgumentParser(spec: spec).parse(["--dry-run=yes"])
    }
  }

  @Test func integerValueNamesOptionAndValue() throws {
    let parsed = try ArgumentParser(spec: spec).parse(["--limit", "ten"])
    #expect(
      throws: UsageError.invalidValue(
        option: "limit", value: "ten", expected: "an integer from 1 to 100")
    ) {
      try parsed.integer("limit", in: 1...100)
    }
    let good = try ArgumentParser(spec: spec).parse(["--limit=42"])
    #expect(try good.integer("limit", in: 1...100) == 42)
  }

  @Test func missingRequiredPositional() {
    let required = CommandSpec(
      name: "lookup", summary: "Find.", positionals: [PositionalSpec("REF", help: "Reference.")])
    #expect(throws: UsageError.missingArgument("REF", command: "lookup")) {
      try ArgumentParser(spec: required).parse([])
    }
    #expect(throws: UsageError.unexpectedArgument("b", command: "lookup")) {
      try ArgumentParser(spec: required).parse(["a", "b"])
    }
  }

  @Test func helpFlagSkipsPositionalCheck() throws {
    let required = CommandSpec(
      name: "lookup", summary: "Find.", positionals: [PositionalSpec("REF", help: "Reference.")])
    let parsed = try ArgumentParser(spec: required).parse(["--help"])
    #expect(parsed.flag("help"))
  }

  @Test func helpTextListsEveryOption() {
    let text = HelpFormatter.help(for: spec)
    #expect(text.contains("Usage: medmon collect [options] [FILE...]"))
    #expect(text.contains("-o, --out DIR"))
    #expect(text.contains("--recipient KEY"))
    #expect(text.contains("Repeatable."))
    #expect(text.contains("-q, --quiet"))
  }

  @Test func editDistanceValues() {
    #expect(editDistance("snapshot", "snapshto") == 2)
    #expect(editDistance("", "abc") == 3)
    #expect(editDistance("analyze", "analyze") == 0)
    #expect(closestMatch(to: "xyz", in: ["snapshot", "collect"]) == nil)
  }
}
