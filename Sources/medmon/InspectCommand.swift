import Core

/// `medmon inspect`: decrypts a bundle and prints what it carries.
enum InspectCommand: Command {
  static let spec = CommandSpec(
    name: "inspect",
    summary: "Decrypt a bundle and print its manifest and every table in clear text.",
    discussion: "The bundle is verified first; a bundle that fails verification is not decrypted.",
    options: [
      OptionSpec("identity", short: "i", value: "FILE", repeatable: true, help: "age identity file of the vendor."),
      OptionSpec("table", value: "NAME", repeatable: true, help: "Print only this table (such as dicom_counts)."),
    ],
    positionals: [PositionalSpec("BUNDLE", help: "The bundle file.")])

  /// The largest decrypted inner archive accepted, as for analyze.
  static let maxContentSize = 1 << 31

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    let identityPaths = arguments.values("identity")
    guard !identityPaths.isEmpty else { throw UsageError.missingValue(option: "identity") }
    let identities = try identityPaths.flatMap { path in
      try AgeKeyFile.parseIdentities(try AgeKeyFile.readFile(at: path), source: path)
    }
    let path = arguments.positionals[0]
    let verified = try BundleVerifier().verify(path: path)
    let inner: [UInt8]
    do {
      inner = try AgeDecryptor.decrypt(verified.payload, identities: identities, armor: .forbidden)
    } catch AgeError.noMatchingIdentity {
      throw BundleError.noMatchingIdentity(path: path, recipients: verified.manifest.recipients)
    }
    let wanted = Set(arguments.values("table").map { $0.hasSuffix(".jsonl") ? $0 : $0 + ".jsonl" })
    let output = context.standardOutput
    if wanted.isEmpty {
      output.write("==> manifest.json <==\n" + String(decoding: verified.manifestBytes, as: UTF8.self))
    }
    let entries = try TarReader(bytes: inner).readAll(maxEntrySize: maxContentSize, maxTotalSize: maxContentSize)
    for entry in entries where wanted.isEmpty || wanted.contains(entry.name) {
      output.write("==> \(entry.name) <==\n" + String(decoding: entry.data, as: UTF8.self))
    }
    return .success
  }
}
