import Core

#if canImport(Glibc)
  import Glibc
#endif

/// `medmon keygen [-o FILE]` and `medmon keygen -y [FILE]`: makes an age
/// identity file in the format of `age-keygen`, or prints the recipients
/// of an existing one.
enum KeygenCommand: Command {
  static let spec = CommandSpec(
    name: "keygen",
    summary: "Generate an age identity for decrypting bundles.",
    discussion: """
      Writes a new X25519 identity in the format of age-keygen: a '# created:'
      line, a '# public key:' line and the AGE-SECRET-KEY-1... line. The
      recipient (public key) goes into the site configuration, and the
      identity stays with the vendor. With -o, the file is created with mode
      0600 and an existing file is never replaced. With -y, prints the
      recipient of each identity in FILE, or in standard input when FILE is
      omitted or '-'.
      """,
    options: [
      OptionSpec(
        "output", short: "o", value: "FILE",
        help: "Write to FILE, which must not exist, instead of standard output."),
      OptionSpec(
        "show-recipient", short: "y",
        help: "Print the recipients of the identities in FILE instead of generating one."),
    ],
    positionals: [
      PositionalSpec("FILE", optional: true, help: "The identity file to read with -y.")
    ])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    if arguments.flag("show-recipient") {
      return try printRecipients(arguments, context)
    }
    if let extra = arguments.positionals.first {
      throw UsageError.unexpectedArgument(extra, command: spec.name)
    }

    let identity = try X25519Identity.generate()
    let now = Int(time(nil))
    let text = AgeKeyFile.identityFileText(
      for: identity, unixSeconds: now, utcOffsetSeconds: localUTCOffset(at: now))
    if let path = arguments.value("output") {
      try AgeKeyFile.createPrivateFile(at: path, text: text)
    } else {
      context.standardOutput.write(text)
    }
    // As age-keygen does, the public key goes to stderr unless the
    // identity file itself is shown on a terminal.
    if arguments.value("output") != nil || !context.standardOutput.isTerminal {
      OutputStream.standardError.write("Public key: \(identity.recipient)\n")
    }
    return .success
  }

  private static func printRecipients(_ arguments: ParsedArguments, _ context: CommandContext)
    throws -> ExitCode
  {
    let path = arguments.positionals.first ?? "-"
    let text: String
    if path == "-" {
      let input = FileDescriptorInput(descriptor: 0, path: "standard input")
      text = try AgeKeyFile.readAll(input, name: "standard input")
    } else {
      text = try AgeKeyFile.readFile(at: path)
    }
    let identities = try AgeKeyFile.parseIdentities(
      text, source: path == "-" ? "standard input" : path)
    let lines = identities.map { "\($0.recipient)\n" }.joined()
    if let output = arguments.value("output") {
      try AgeKeyFile.createFile(at: output, text: lines, mode: 0o644)
    } else {
      context.standardOutput.write(lines)
    }
    return .success
  }

  /// Returns the local time zone's offset from UTC at `unixSeconds`.
  private static func localUTCOffset(at unixSeconds: Int) -> Int {
    var seconds = time_t(unixSeconds)
    var parts = tm()
    guard localtime_r(&seconds, &parts) != nil else { return 0 }
    return Int(parts.tm_gmtoff)
  }
}
