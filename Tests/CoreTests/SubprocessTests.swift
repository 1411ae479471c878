import Glibc
import Testing

@testable import Core

@Suite struct SubprocessTests {
  @Test func capturesBothStreamsAndStatus() throws {
    let output = try Subprocess.run(
      "/bin/sh", arguments: ["-c", "printf 'out\\n'; printf 'err' >&2; exit 3"])
    #expect(output.termination == .exited(3))
    #expect(output.outputText == "out\n")
    #expect(output.errorText == "err")
    #expect(!output.truncated)
    #expect(!output.succeeded)
  }

  @Test func passesArgumentsWithoutShell() throws {
    let output = try Subprocess.run("printf", arguments: ["%s|", "a b", "$HOME", "*"])
    #expect(output.succeeded)
    #expect(output.outputText == "a b|$HOME|*|")
  }

  @Test func missingProgramIsNotFound() {
    #expect(throws: ProcessError.notFound(program: "/nonexistent/medmon-tool")) {
      try Subprocess.run("/nonexistent/medmon-tool")
    }
    #expect(throws: ProcessError.notFound(program: "medmon-no-such-tool")) {
      try Subprocess.run("medmon-no-such-tool")
    }
  }

  @Test func timeoutKillsProcessGroup() throws {
    let start = Subprocess.monotonicSeconds()
    // The shell's child `sleep` inherits the pipes, so killing only the
    // shell would leave them open until the sleep ends.
    let output = try Subprocess.run(
      "/bin/sh", arguments: ["-c", "echo started; sleep 30; echo never"], timeout: 0.5)
    let elapsed = Subprocess.monotonicSeconds() - start
    #expect(output.termination == .timedOut)
    #expect(output.outputText == "started\n")
    #expect(elapsed < 5)
  }

  @Test func outputBeyondLimitIsTruncated() throws {
    let output = try Subprocess.run(
      "/bin/sh", arguments: ["-c", "head -c 100000 /dev/zero"], outputLimit: 1000)
    #expect(output.succeeded)
    #expect(output.standardOutput.count == 1000)
    #expect(output.truncated)
  }

  @Test func signalIsReported() throws {
    let output = try Subprocess.run("/bin/sh", arguments: ["-c", "kill -TERM $$"])
    #expect(output.termination == .signaled(SIGTERM))
  }

  @Test func standardInputIsEmpty() throws {
    let output = try Subprocess.run("/bin/cat", timeout: 5)
    #expect(output.succeeded)
    #expect(output.standardOutput.isEmpty)
  }
}
