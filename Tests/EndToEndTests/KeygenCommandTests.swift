import Core
import Glibc
import Testing

/// Runs `medmon keygen` and checks its files, stdout, stderr and exit codes.
@Suite struct KeygenCommandTests {
  /// Runs `body` in a new temporary directory that is removed afterwards.
  static func inTemporaryDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/medmon-keygen-XXXXXX".utf8CString)
    guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw RunError("mkdtemp failed with errno \(errno)")
    }
    let directory = String(cString: created)
    defer {
      for name in ["key.txt", "recipients.txt"] { unlink(directory + "/" + name) }
      rmdir(directory)
    }
    try body(directory)
  }

  @Test func writesPrivateIdentityFile() throws {
    try Self.inTemporaryDirectory { directory in
      let path = directory + "/key.txt"
      let run = try BinaryRun.medmon(["keygen", "-o", path])
      #expect(run.status == 0)
      #expect(run.standardOutput == "")

      var info = stat()
      #expect(stat(path, &info) == 0)
      #expect(info.st_mode & 0o777 == 0o600)
      let text = try AgeKeyFile.readFile(at: path)
      let lines = text.split(separator: "\n")
      #expect(lines.count == 3)
      #expect(lines[0].hasPrefix("# created: 20"))
      let identity = try #require(try AgeKeyFile.parseIdentities(text, source: path).first)
      #expect(lines[1] == "# public key: \(identity.recipient)")
      #expect(run.standardError == "Public key: \(identity.recipient)\n")
    }
  }

  @Test func neverReplacesExistingFile() throws {
    try Self.inTemporaryDirectory { directory in
      let path = directory + "/key.txt"
      #expect(try BinaryRun.medmon(["keygen", "-o", path]).status == 0)
      let before = try AgeKeyFile.readFile(at: path)
      let run = try BinaryRun.medmon(["keygen", "-o", path])
      #expect(run.status == 3)
      #expect(run.standardError.contains("medmon: error: '\(path)' already exists"))
      #expect(run.standardError.contains("medmon: hint: choose another output path"))
      #expect(try AgeKeyFile.readFile(at: path) == before)
    }
  }

  @Test func printsIdentityToStandardOutput() throws {
    let run = try BinaryRun.medmon(["keygen"])
    #expect(run.status == 0)
    let identities = try AgeKeyFile.parseIdentities(run.standardOutput, source: "stdout")
    #expect(identities.count == 1)
    #expect(run.standardOutput.contains("# public key: \(identities[0].recipient)\n"))
    #expect(run.standardError == "Public key: \(identities[0].recipient)\n")
  }

  @Test func showRecipientPrintsPublicKey() throws {
    try Self.inTemporaryDirectory { directory in
      let path = directory + "/key.txt"
      let identity = try X25519Identity.generate()
      try AgeKeyFile.createPrivateFile(
        at: path, text: "# a comment\n\(identity.encodedSecretKey())\n")
      let run = try BinaryRun.medmon(["keygen", "-y", path])
      #expect(run.status == 0)
      #expect(run.standardOutput == "\(identity.recipient)\n")
      #expect(run.standardError == "")

      let output = directory + "/recipients.txt"
      #expect(try BinaryRun.medmon(["keygen", "-y", path, "-o", output]).status == 0)
      #expect(try AgeKeyFile.readFile(at: output) == "\(identity.recipient)\n")
    }
  }

  @Test func badIdentityFileFailsWithoutQuotingKey() throws {
    try Self.inTemporaryDirectory { directory in
      let path = directory + "/key.txt"
      var key = Array(try X25519Identity.generate().encodedSecretKey())
      key[40] = key[40] == "Q" ? "P" : "Q"
      try AgeKeyFile.createPrivateFile(at: path, text: "\n" + String(key) + "\n")
      let run = try BinaryRun.medmon(["keygen", "-y", path])
      #expect(run.status == 3)
      #expect(run.standardOutput == "")
      #expect(
        run.standardError
          == "medmon: error: invalid age identity at \(path):2: not valid Bech32: checksum mismatch\n"
      )
    }
  }

  @Test func usageErrors() throws {
    let extra = try BinaryRun.medmon(["keygen", "extra"])
    #expect(extra.status == 2)
    #expect(extra.standardError.contains("unexpected argument 'extra' for 'keygen'"))
    let missing = try BinaryRun.medmon(["keygen", "-y", "/nonexistent/key.txt"])
    #expect(missing.status == 3)
    #expect(
      missing.standardError
        == "medmon: error: cannot open '/nonexistent/key.txt': No such file or directory\n")
  }
}
