import Core

/// `medmon dump FILE... [--json] [--bulk] [--all]`: prints DICOM headers.
/// A file that yields no element at all prints nothing on stdout; its
/// error goes to stderr and the exit code is 3.
enum DumpCommand: Command {
  static let spec = CommandSpec(
    name: "dump",
    summary: "Print the header of DICOM files as text or DICOM JSON.",
    discussion: """
      Reads each file up to Pixel Data (or the whole file with --all) and prints every \
      element: tag, VR, length, keyword and value, with sequence items indented. With \
      --json, prints one DICOM JSON model document (PS3.18 annex F) per file.
      """,
    options: [
      OptionSpec("json", help: "Print the DICOM JSON model instead of text."),
      OptionSpec("bulk", help: "Include bulk values (OB, OW, UN...) as InlineBinary."),
      OptionSpec("all", help: "Read past Pixel Data to the end of the file."),
    ],
    positionals: [PositionalSpec("FILE", repeatable: true, help: "The DICOM files to read.")])

  static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitCode {
    guard !arguments.positionals.isEmpty else {
      throw UsageError.missingArgument("FILE", command: spec.name)
    }
    var options = DICOMReadOptions()
    options.stopBeforePixelData = !arguments.flag("all")
    options.loadBulkData = arguments.flag("bulk")
    var failed = false
    for path in arguments.positionals {
      let result = DICOMReader.read(path: path, options: options)
      for warning in result.warnings {
        context.logger.warning("'\(path)': \(warning)")
      }
      if let error = result.error {
        context.logger.error(error.message(path: path))
        failed = true
      }
      if result.meta.isEmpty && result.dataSet.isEmpty && result.error != nil {
        continue
      }
      if arguments.flag("json") {
        let model = DICOMJSON.model(of: result.dataSet, includeBulk: arguments.flag("bulk"))
        context.standardOutput.write(JSONWriter.pretty(model) + "\n")
      } else {
        context.standardOutput.write(DICOMTextDump.render(result))
      }
    }
    return failed ? .failure : .success
  }
}
