import Core

/// `medmon verify`: checks a bundle's signature and checksums, no key needed.
enum VerifyCommand: Command {
  static let spec = CommandSpec(
    name: "verify",
    summary: "Check a bundle's signature, checksum and format without decrypting it.",
    positionals: [PositionalSpec("BUNDLE", repeatable: true, help: "Bundle files to check.")])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    for path in arguments.positionals {
      let verified = try BundleVerifier().verify(path: path)
      let manifest = verified.manifest
      context.standardOutput.write(
        "\(path): OK: site '\(manifest.siteName)' (\(manifest.siteID)), sequence \(manifest.sequence), "
          + "period \(manifest.periodStart) to \(manifest.periodEnd), payload \(manifest.payloadSize) bytes, "
          + "signing key b64:\(Base64.encode(manifest.signingKey))\n")
    }
    return .success
  }
}
