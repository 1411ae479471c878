import Core

#if canImport(Glibc)
  import Glibc
#endif

/// A site made for one test in a fresh folder under /tmp: a small DICOM
/// store, a vendor key from Debian's `age-keygen`, and `medmon init` run
/// with the configuration and state inside the folder. The folder is
/// removed when the value is released.
final class TestSite {
  let root: String
  let medmon: MedmonBinary
  /// The patient names written into the store, which must never leave it.
  private(set) var patientNames: [String] = []

  var config: String { root + "/medmon.toml" }
  var store: String { root + "/store" }
  var usb: String { root + "/usb" }
  var vendorKey: String { root + "/vendor.key" }

  init(studies: Int = 3) throws {
    var template = Array("/tmp/medmon-e2e-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw TestSetupError(message: "mkdtemp failed with errno \(errno)")
    }
    root = String(cString: made)
    medmon = try MedmonBinary()
    try FileSystem.createDirectory(store)
    try FileSystem.createDirectory(usb)
    try writeStudies(studies)
    try initialize()
  }

  deinit {
    _ = try? Subprocess.run("rm", arguments: ["-rf", root])
  }

  /// Runs medmon with `arguments` followed by `--config` of this site.
  func run(_ arguments: [String]) throws -> Subprocess.Output {
    try medmon.run(arguments + ["--config", config])
  }

  /// Returns the bundles in the USB folder, sorted by name.
  func bundles() throws -> [String] {
    let listing = try Subprocess.run("ls", arguments: [usb])
    return listing.outputText.split(separator: "\n").map { usb + "/" + $0 }.sorted()
  }

  private func writeStudies(_ count: Int) throws {
    let givenNames = ["ALICE", "BORIS", "CLARA", "DMITRI", "EVA", "FELIX"]
    for index in 0..<count {
      var instance = TinyDICOMWriter.Instance()
      instance.patientName = "QUIXTESTER^\(givenNames[index % givenNames.count])"
      instance.patientID = "QX\(700_000 + index)"
      instance.studyUID = "1.2.826.0.1.3680043.2.1143.\(index + 1)"
      instance.seriesUID = instance.studyUID + ".1"
      instance.instanceUID = instance.studyUID + ".1.1"
      patientNames.append(instance.patientName)
      let path = store + "/study\(index + 1).dcm"
      try FileSystem.writeAtomically(TinyDICOMWriter.fileBytes(instance), to: path)
    }
  }

  private func initialize() throws {
    let keygen = try Subprocess.run("age-keygen", arguments: ["-o", vendorKey])
    guard keygen.succeeded else {
      throw TestSetupError(message: "age-keygen failed: \(keygen.errorText)")
    }
    let recipient = try Subprocess.run("age-keygen", arguments: ["-y", vendorKey])
    let output = try medmon.run([
      "init", "--config", config, "--site", "End To End", "--dicom", store,
      "--recipient", recipient.outputText.trimmingNewline(), "--state", root + "/state/state.db",
    ])
    guard output.succeeded else {
      throw TestSetupError(message: "medmon init failed: \(output.errorText)")
    }
  }
}

extension String {
  func trimmingNewline() -> String {
    var text = self
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
