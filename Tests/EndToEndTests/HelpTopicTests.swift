import Core
import Testing

/// The guides built into the binary must match docs/, and `medmon help
/// TOPIC` must print them.
@Suite struct HelpTopicTests {
  @Test func generatedTopicsMatchDocs() throws {
    let output = try Subprocess.run("python3", arguments: ["scripts/generate_help_topics.py", "--check"])
    #expect(output.succeeded, "\(output.errorText)")
  }

  @Test func privacyTopicPrintsGuide() throws {
    let run = try BinaryRun.medmon(["help", "privacy"])
    #expect(run.status == 0)
    #expect(run.standardOutput.hasPrefix("# Privacy"))
  }

  @Test func unknownTopicSuggestsClosest() throws {
    let run = try BinaryRun.medmon(["help", "privacyy"])
    #expect(run.status == 2)
    #expect(run.standardError.contains("did you mean 'privacy'?"))
  }
}

/// Each command appears once in `medmon --help`.
@Suite struct CommandListTests {
  @Test func commandsListedOnce() throws {
    let run = try BinaryRun.medmon(["--help"])
    let names = run.standardOutput.split(separator: "\n")
      .drop { !$0.hasPrefix("Commands:") }.dropFirst()
      .prefix { $0.hasPrefix("  ") }
      .map { $0.split(separator: " ").first.map(String.init) ?? "" }
    #expect(names.count > 10)
    #expect(names.count == Set(names).count, "listed twice: \(names)")
  }
}
