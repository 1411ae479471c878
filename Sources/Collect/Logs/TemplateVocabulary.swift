/// Word lists the template masker consults. Lookups ignore the case of
/// ASCII and Cyrillic letters.
enum TemplateVocabulary {
  /// Words that carry the meaning of an event and are never masked, so
  /// that "VM started" and "VM paused" stay two templates.
  static let meaningful = WordSet([
    "started", "starting", "start", "stopped", "stopping", "stop", "paused", "pausing",
    "resumed", "resuming", "failed", "failing", "failure", "timeout", "timed", "succeeded",
    "success", "successful", "completed", "complete", "aborted", "killed", "terminated",
    "terminating", "error", "warning", "denied", "refused", "closed", "opened", "open", "close",
    "connected", "disconnected", "created", "deleted", "removed", "added", "skipped",
    "rejected", "accepted", "retrying", "restarted", "crashed", "cancelled", "canceled",
    "expired", "invalid", "missing", "unknown", "ok", "done", "ready", "busy", "idle",
    "running",
  ])

  /// Units that belong to the number before them (`12 ms`, `4 KB`).
  static let units = WordSet([
    "b", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "bytes", "byte", "ms", "us", "ns", "s",
    "sec", "secs", "second", "seconds", "min", "mins", "minutes", "h", "hours", "%",
  ])

  /// Words that follow a key without being its value (`user from`).
  static let stopWords = WordSet([
    "from", "for", "to", "by", "at", "on", "in", "with", "of", "and", "or", "as", "is", "was",
  ])

  /// Keys whose next word is a value (`user root`, `patient Ivanov`).
  static let valueKeys = WordSet([
    "user", "username", "login", "logname", "patient", "name", "account", "uid", "gid",
    "email", "hostname", "фио", "пациент", "пациента", "имя",
  ])

  /// Keys after which capitalised words form a personal name, so every
  /// word of `patient Ivanov Ivan Petrovich` is masked.
  static let nameKeys = WordSet([
    "patient", "name", "patientname", "patient_name", "фио", "пациент", "пациента", "имя",
  ])

  static func isMeaningful(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    word.count >= 2 && meaningful.contains(word)
  }

  static func isUnit(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    units.contains(word)
  }

  static func isStopWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    stopWords.contains(word)
  }

  /// Tells whether `token` is a key whose value follows as the next token.
  /// A token ending in `=` carries its own value, so it is not one.
  static func isValueKey(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let key = keyPart(token) else { return false }
    return valueKeys.contains(key)
  }

  static func isNameKey(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let key = keyPart(token) else { return false }
    return nameKeys.contains(key)
  }

  /// Tells whether `token` is a name key joined to the first word of its
  /// value, as in `name=Jane` or `patient:Ivanov`, so the capitalised
  /// words after it belong to the same name.
  static func startsWithNameKey(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let separator = token.firstIndex(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") }),
      separator > 0, separator + 1 < token.count
    else { return false }
    return nameKeys.contains(UnsafeBufferPointer(rebasing: token[0..<separator]))
  }

  private static func keyPart(_ token: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    guard token.count >= 3, token.count <= 24, token.last != UInt8(ascii: "=") else {
      return nil
    }
    // Quotes and brackets around a key, as in a logged dict `{'patient':`,
    // do not change what it is.
    let wrapping: Set<UInt8> = [0x22, 0x27, 0x7B, 0x28, 0x5B, 0x2C]
    var start = 0
    var end = token.count
    while start < end, wrapping.contains(token[start]) { start += 1 }
    if end > start, token[end - 1] == UInt8(ascii: ":") { end -= 1 }
    while end > start, wrapping.contains(token[end - 1]) { end -= 1 }
    guard end > start else { return nil }
    return UnsafeBufferPointer(rebasing: token[start..<end])
  }
}
