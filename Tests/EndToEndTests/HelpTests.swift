import Testing

/// Runs the built executable and checks its help, version and usage
/// errors: stdout, stderr and the exit code.
@Suite struct HelpTests {
  @Test func helpListsCommands() throws {
    let run = try BinaryRun.medmon(["--help"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("Usage: medmon COMMAND [options]"))
    #expect(run.standardOutput.contains("\n  help "))
    #expect(run.standardError == "")
  }

  @Test func versionNamesCommit() throws {
    let run = try BinaryRun.medmon(["--version"])
    #expect(run.status == 0)
    #expect(run.standardOutput.hasPrefix("medmon 0.1.0 (commit "))
    #expect(run.standardOutput.hasSuffix(")\n"))
  }

  @Test func unknownCommandIsUsageError() throws {
    let run = try BinaryRun.medmon(["helpp"])
    #expect(run.status == 2)
    #expect(run.standardOutput == "")
    #expect(run.standardError.contains("medmon: error: unknown command 'helpp'"))
    #expect(run.standardError.contains("did you mean 'help'?"))
  }

  @Test func noArgumentsPrintsOverviewAndFails() throws {
    let run = try BinaryRun.medmon([])
    #expect(run.status == 2)
    #expect(run.standardOutput.contains("Commands:"))
  }
}
