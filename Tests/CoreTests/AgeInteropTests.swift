import Glibc
import Testing

@testable import Core

/// Checks medmon's age files and keys against Debian's `age` and
/// `age-keygen` (package `age`, version 1.1.1 on Debian 12), in both
/// directions.
@Suite(.serialized) struct AgeInteropTests {
  static let plaintext = AgeEncryptorTests.pattern(150_000)

  /// Runs `body` in a new temporary directory that is removed afterwards.
  static func inTemporaryDirectory(_ body: (String) throws -> Void) throws {
    let directory = try AgeTestSupport.makeTemporaryDirectory()
    defer { AgeTestSupport.removeDirectory(directory) }
    try body(directory)
  }

  /// Generates an identity with `age-keygen -o` and returns its path and
  /// its recipient as `age-keygen -y` prints it.
  static func ageKeygen(in directory: String, name: String) throws -> (
    path: String, recipient: String
  ) {
    _ = try AgeTestSupport.requireProgram("age-keygen", package: "age")
    let path = "\(directory)/\(name)"
    let generated = try AgeTestSupport.run(["age-keygen", "-o", path])
    #expect(generated.status == 0, "age-keygen: \(generated.standardError)")
    let converted = try AgeTestSupport.run(["age-keygen", "-y", path])
    #expect(converted.status == 0, "age-keygen -y: \(converted.standardError)")
    let recipient = String(decoding: converted.standardOutput, as: UTF8.self)
    return (path, recipient.trimmingNewline())
  }

  @Test(arguments: [false, true])
  func ageDecryptsMedmonFiles(armored: Bool) throws {
    _ = try AgeTestSupport.requireProgram("age", package: "age")
    try Self.inTemporaryDirectory { directory in
      let first = try Self.ageKeygen(in: directory, name: "first.txt")
      let second = try Self.ageKeygen(in: directory, name: "second.txt")
      let recipients = [
        try X25519Recipient(first.recipient), try X25519Recipient(second.recipient),
      ]
      let file = try AgeEncryptor.encrypt(Self.plaintext, to: recipients, armored: armored)
      try AgeTestSupport.writeFile(directory + "/in.age", file)

      for key in [first.path, second.path] {
        let result = try AgeTestSupport.run(["age", "-d", "-i", key, directory + "/in.age"])
        #expect(result.status == 0, "age -d: \(result.standardError)")
        #expect(result.standardOutput == Self.plaintext)
      }
    }
  }

  @Test(arguments: [[], ["-a"]])
  func medmonDecryptsAgeFiles(flags: [String]) throws {
    _ = try AgeTestSupport.requireProgram("age", package: "age")
    try Self.inTemporaryDirectory { directory in
      let first = try X25519Identity.generate()
      let second = try X25519Identity.generate()
      try AgeTestSupport.writeFile(directory + "/plain", Self.plaintext)
      let recipients = ["-r", first.recipient.description, "-r", second.recipient.description]
      for (name, recipientArguments) in [("one", Array(recipients[0..<2])), ("two", recipients)] {
        let output = "\(directory)/\(name).age"
        let result = try AgeTestSupport.run(
          ["age", "-e"] + flags + recipientArguments + ["-o", output, directory + "/plain"])
        #expect(result.status == 0, "age -e: \(result.standardError)")
        let file = try AgeTestSupport.readFile(output)
        #expect(try AgeDecryptor.decrypt(file, identities: [first]) == Self.plaintext, "\(name)")
        if name == "two" {
          #expect(try AgeDecryptor.decrypt(file, identities: [second]) == Self.plaintext)
        }
      }
    }
  }

  @Test func ageKeygenIdentitiesLoadInMedmon() throws {
    try Self.inTemporaryDirectory { directory in
      let key = try Self.ageKeygen(in: directory, name: "key.txt")
      let identities = try AgeKeyFile.parseIdentities(
        try AgeKeyFile.readFile(at: key.path), source: key.path)
      #expect(identities.count == 1)
      #expect(identities[0].recipient.description == key.recipient)
    }
  }

  @Test func medmonIdentitiesLoadInAgeKeygen() throws {
    _ = try AgeTestSupport.requireProgram("age-keygen", package: "age")
    try Self.inTemporaryDirectory { directory in
      let identity = try X25519Identity.generate()
      let path = directory + "/medmon-key.txt"
      let text = AgeKeyFile.identityFileText(
        for: identity, unixSeconds: Int(time(nil)), utcOffsetSeconds: 0)
      try AgeKeyFile.createPrivateFile(at: path, text: text)
      let result = try AgeTestSupport.run(["age-keygen", "-y", path])
      #expect(result.status == 0, "age-keygen -y: \(result.standardError)")
      let printed = String(decoding: result.standardOutput, as: UTF8.self).trimmingNewline()
      #expect(printed == identity.recipient.description)
    }
  }

  /// `age -p` reads the passphrase from the terminal, so `script` gives it
  /// a pseudo-terminal whose input is the passphrase file.
  @Test func passphraseFilesInteroperate() throws {
    _ = try AgeTestSupport.requireProgram("age", package: "age")
    _ = try AgeTestSupport.requireProgram("script", package: "bsdutils")
    try Self.inTemporaryDirectory { directory in
      let passphrase = "medmon interop passphrase"
      try AgeTestSupport.writeFile(directory + "/plain", Self.plaintext)
      try AgeTestSupport.writeFile(
        directory + "/twice", Array("\(passphrase)\n\(passphrase)\n".utf8))
      try AgeTestSupport.writeFile(directory + "/once", Array("\(passphrase)\n".utf8))
      let identity = ScryptIdentity(passphrase: SecretBytes(copying: Array(passphrase.utf8)))

      let encrypt = "age -p -o \(directory)/age.age \(directory)/plain"
      let encrypted = try AgeTestSupport.run(
        ["script", "-qec", encrypt, "/dev/null"], inputPath: directory + "/twice")
      #expect(encrypted.status == 0, "age -p: \(encrypted.standardError)")
      let ageFile = try AgeTestSupport.readFile(directory + "/age.age")
      #expect(try AgeDecryptor.decrypt(ageFile, identities: [identity]) == Self.plaintext)

      let recipient = ScryptRecipient(passphrase: SecretBytes(copying: Array(passphrase.utf8)))
      let medmonFile = try AgeEncryptor.encrypt(Self.plaintext, to: [recipient])
      try AgeTestSupport.writeFile(directory + "/medmon.age", medmonFile)
      let decrypt = "age -d -o \(directory)/out \(directory)/medmon.age"
      let decrypted = try AgeTestSupport.run(
        ["script", "-qec", decrypt, "/dev/null"], inputPath: directory + "/once")
      #expect(decrypted.status == 0, "age -d: \(decrypted.standardError)")
      #expect(try AgeTestSupport.readFile(directory + "/out") == Self.plaintext)
    }
  }
}

extension String {
  fileprivate func trimmingNewline() -> String {
    var text = self
    while text.last == "\n" || text.last == "\r\n" { text.removeLast() }
    return text
  }
}
