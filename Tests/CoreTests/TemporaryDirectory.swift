import Glibc

/// A fresh directory under /tmp for one test, removed with its files when
/// the value is released.
final class TemporaryDirectory {
  let path: String

  init() throws {
    var template = Array("/tmp/medmon-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw TestSetupError(message: "mkdtemp failed with errno \(errno)")
    }
    path = String(cString: made)
  }

  deinit {
    // The tests create plain files only, so one level suffices.
    if let directory = opendir(path) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name != "." && name != ".." { unlink(path + "/" + name) }
      }
      closedir(directory)
    }
    rmdir(path)
  }

  /// Returns the path of `name` inside the directory.
  func file(_ name: String) -> String { path + "/" + name }
}

struct TestSetupError: Error {
  let message: String
}
