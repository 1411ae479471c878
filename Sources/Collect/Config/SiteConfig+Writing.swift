import Core

extension SiteConfig {
  /// Renders the configuration as the commented TOML file that `init`
  /// writes; `parse` reads it back to an equal value.
  public func renderTOML() -> String {
    """
    # medmon site configuration, written by 'medmon init'.
    # docs/configuration.md describes every key and its default.

    [site]
    # The name shown to the vendor, and a random id that never changes.
    name = \(quote(siteName))
    id = \(quote(siteID))
    # The state database (per-day statistics, study pseudonyms; never exported as is).
    state = \(quote(statePath))
    # Folder with the signing key and the pseudonym key (mode 0700, files 0600).
    secrets = \(quote(secretsPath))

    [vendor]
    # age recipients (age1...) that can decrypt the bundles.
    recipients = \(list(recipients))

    [dicom]
    # Folders of the DICOM store; files are recognised by content, with or without .dcm.
    roots = \(list(dicom.roots))
    # Parser threads; 0 means one per core.
    workers = \(dicom.workers)
    # File names ending in these are never opened.
    skip_suffixes = \(list(dicom.skipSuffixes))

    [logs]
    # Log files or glob patterns of the AI system, read incrementally.
    paths = \(list(logs.paths))
    # auto, json, python, syslog or plain.
    format = \(quote(logs.format))
    \(logs.latencyPattern.map { "latency_pattern = " + quote($0) } ?? "# latency_pattern = \"done in {ms} ms\"")

    [results]
    # JSON Lines files of per-study AI results (docs/results-format.md).
    paths = \(list(results.paths))
    # Studies per period in the random review sample.
    review_sample = \(results.reviewSample)

    [host]
    # Paths whose disk use is recorded at each snapshot.
    disk_paths = \(list(host.diskPaths))
    # systemd units that should be active.
    units = \(list(host.units))
    # Query nvidia-smi when it is installed.
    gpu = \(host.gpu)

    [privacy]
    # Cross-tabulation cells below this count never leave the site.
    min_cell_count = \(privacy.minimumCellCount)
    # Confidential DICOM attributes the site agrees to export in clear text, by keyword.
    # Only InstitutionName and StationName are exported at all (as pseudonyms by default).
    clear_attributes = \(list(privacy.clearAttributes))

    [model]
    # What the deployed model expects; studies outside it are counted as outliers.
    body_parts = \(list(model.bodyParts))
    modalities = \(list(model.modalities))
    min_age_years = \(model.minimumAgeYears)
    photometric = \(quote(model.photometric))
    min_matrix = \(model.minimumMatrix)
    max_matrix = \(model.maximumMatrix)

    """
  }

  private func list(_ values: [String]) -> String {
    "[" + values.map(quote).joined(separator: ", ") + "]"
  }
}

/// Returns `text` as a TOML basic string with the required escapes.
func quote(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\t": result += "\\t"
    case "\r": result += "\\r"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  return result + "\""
}
