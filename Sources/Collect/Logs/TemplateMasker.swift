/// Turns one log message into its template by replacing the variable
/// parts with `<*>`. The result is a pure function of the message: it
/// never depends on other lines, so the same message shape masks the same
/// way at every site and in every order.
///
/// A message is split at blanks into tokens, and each token into segments
/// at the punctuation in `isDelimiter` and at dot leaders (`label.....0`).
/// A segment is variable when it contains a digit (numbers, hex, UUIDs,
/// DICOM UIDs, IP addresses, times), unless it is a code name like
/// `jk2_init`. It is also variable when it looks like a path, an e-mail
/// address, a host name, a DICOM person name (`FAMILY^GIVEN`), a month or
/// weekday name or a boolean. The value of `key=value`, the word after a key such as
/// `user` or `ФИО`, and capitalised words after a name key such as
/// `patient` are variable too. Words in `TemplateVocabulary.meaningful`
/// are never masked. Adjacent variables, a unit after a number
/// (`12 ms`) and a parenthesised detail (`(1.98 KB)`) fold into one `<*>`.
public struct TemplateMasker: Sendable {
  public init() {}

  /// Returns the template of `message` as UTF-8 bytes.
  public func template(of message: some Collection<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(message.count)
    appendTemplate(of: Array(message), to: &output)
    return output
  }

  /// Returns the template of `message` as a string.
  public func template(of message: String) -> String {
    String(decoding: template(of: Array(message.utf8)), as: UTF8.self)
  }

  /// Appends the template of `message` to `output`, which the caller may
  /// reuse between lines to avoid allocations.
  public func appendTemplate(of message: [UInt8], to output: inout [UInt8]) {
    message.withUnsafeBufferPointer { bytes in
      var state = MaskState()
      var start = 0
      let count = bytes.count
      while start < count {
        while start < count, isBlank(bytes[start]) { start += 1 }
        guard start < count else { break }
        let end = tokenEnd(bytes, from: start)
        start = emitToken(bytes, start, end, &state, &output)
      }
    }
  }
}

/// The masker's memory of the tokens already written.
struct MaskState {
  /// The last written token was exactly `<*>`.
  var lastWasVariable = false
  /// The previous token was a key such as `user` or `patient`.
  var afterValueKey = false
  /// The previous token was a name key, so capitalised words are a name.
  var inPersonName = false
}

let variableMark: [UInt8] = Array("<*>".utf8)

@inline(__always) func isBlank(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
}

@inline(__always) func isDelimiter(_ byte: UInt8) -> Bool {
  switch byte {
  case UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: ";"),
    UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
    UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "<"), UInt8(ascii: ">"),
    UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "|"):
    return true
  default:
    return false
  }
}

/// Returns the end of the token that starts at `start`. A quoted value
/// after `=` (`tag="View Lock"`) stays one token even when it contains blanks.
func tokenEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
  var index = start
  let count = bytes.count
  while index < count, !isBlank(bytes[index]) {
    let byte = bytes[index]
    if byte == 0x22 || byte == 0x27, index > start, bytes[index - 1] == UInt8(ascii: "=") {
      var close = index + 1
      while close < count, bytes[close] != byte { close += 1 }
      if close < count { index = close }
    }
    index += 1
  }
  return index
}

extension TemplateMasker {
  /// Writes the token at `start..<end` and returns where the next token
  /// may start, which is past `end` when a following token was folded in.
  func emitToken(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
    _ state: inout MaskState, _ output: inout [UInt8]
  ) -> Int {
    let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if state.lastWasVariable {
      if let resume = absorbIntoVariable(bytes, start, end, &output) {
        state.afterValueKey = false
        return resume
      }
    }
    let separatorAt = output.count
    if !output.isEmpty { output.append(0x20) }
    let tokenStart = output.count
    maskSegments(token, &state, &output)
    collapseToken(from: tokenStart, &output)

    let isVariable =
      output.count - tokenStart == 3 && output[tokenStart] == 0x3C
      && output[tokenStart + 1] == 0x2A && output[tokenStart + 2] == 0x3E
    if isVariable, state.lastWasVariable {
      output.removeSubrange(separatorAt...)
    } else {
      state.lastWasVariable = isVariable
    }
    state.afterValueKey = TemplateVocabulary.isValueKey(token)
    if TemplateVocabulary.isNameKey(token) || TemplateVocabulary.startsWithNameKey(token) {
      state.inPersonName = true
    }
    return end
  }

  /// Folds a unit (`12 ms`, `4 KB,`) or a parenthesised detail made of
  /// one variable and at most one word (`2034 bytes (1.98 KB)`) into the
  /// variable written before it, so that a multi-word value stays one
  /// `<*>`. Returns where to resume, or nil when nothing was folded.
  func absorbIntoVariable(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ output: inout [UInt8]
  ) -> Int? {
    var coreEnd = end
    while coreEnd > start, [0x2C, 0x3B, 0x29].contains(bytes[coreEnd - 1]) { coreEnd -= 1 }
    if coreEnd > start,
      TemplateVocabulary.isUnit(UnsafeBufferPointer(rebasing: bytes[start..<coreEnd]))
    {
      output.append(contentsOf: bytes[coreEnd..<end])
      return end
    }
    guard end - start >= 2, bytes[start] == UInt8(ascii: "(") else { return nil }
    if let close = firstIndex(of: 0x29, in: bytes, start + 1, end) {
      guard close == start + 1 || isVariableRun(bytes, start + 1, close) else { return nil }
      output.append(contentsOf: bytes[(close + 1)..<end])
      return end
    }
    guard isVariableRun(bytes, start + 1, end) else { return nil }
    var next = end
    while next < bytes.count, isBlank(bytes[next]) { next += 1 }
    let nextEnd = tokenEnd(bytes, from: next)
    guard let close = firstIndex(of: 0x29, in: bytes, next, nextEnd), close > next,
      (next..<close).allSatisfy({ SegmentClassifier.isWordByte(bytes[$0]) })
    else { return nil }
    output.append(contentsOf: bytes[(close + 1)..<nextEnd])
    return nextEnd
  }

  private func isVariableRun(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool
  {
    guard start < end, !(start..<end).contains(where: { isDelimiter(bytes[$0]) }) else {
      return false
    }
    return SegmentClassifier.isVariable(UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }

  private func firstIndex(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Int? {
    var index = start
    while index < end {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// Writes the token, masking each segment between delimiters.
  func maskSegments(
    _ token: UnsafeBufferPointer<UInt8>, _ state: inout MaskState, _ output: inout [UInt8]
  ) {
    if token.count == 2,
      (token[0] == 0x28 && token[1] == 0x29) || (token[0] == 0x5B && token[1] == 0x5D)
    {
      output.append(token[0])
      output.append(contentsOf: variableMark)
      output.append(token[1])
      return
    }
    if SegmentClassifier.isHostAndPort(token) || SegmentClassifier.isMACAddress(token) {
      output.append(contentsOf: variableMark)
      return
    }
    var index = 0
    var previousDelimiter: UInt8 = 0
    // A name's first word may follow an opening quote (`'Ivanov`), but a
    // bracketed code after a name key (`name [HRESULT`) is not a name.
    var wordSeen = token.first == UInt8(ascii: "[") || token.first == UInt8(ascii: "(")
    while index < token.count {
      let byte = token[index]
      if isDelimiter(byte) {
        output.append(byte)
        previousDelimiter = byte
        index += 1
        continue
      }
      var end = index
      while end < token.count, !isDelimiter(token[end]), !isDotLeader(token, end) { end += 1 }
      if end == index {
        // A dot leader (`threshold.....0`) separates a label from its value.
        while end < token.count, token[end] == 0x2E { end += 1 }
        output.append(contentsOf: token[index..<end])
        index = end
        continue
      }
      let segment = UnsafeBufferPointer(rebasing: token[index..<end])
      let quotedValue =
        (previousDelimiter == 0x22 || previousDelimiter == 0x27) && index >= 2
        && token[index - 2] == UInt8(ascii: "=")
      // The value in `patient:Ivanov` is masked like the one in `patient=Ivanov`.
      let namedValue =
        previousDelimiter == UInt8(ascii: ":") && index >= 1
        && TemplateVocabulary.nameKeys.contains(UnsafeBufferPointer(rebasing: token[0..<(index - 1)]))
      let masked =
        quotedValue || namedValue
        || isVariableSegment(
          segment, previousDelimiter, !wordSeen, isWholeWord(token, index, end), &state)
      wordSeen = true
      if masked {
        output.append(contentsOf: variableMark)
      } else {
        output.append(contentsOf: segment)
      }
      index = end
    }
  }

  /// Tells whether a dot leader (two or more dots) starts at `index`.
  private func isDotLeader(_ token: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    token[index] == 0x2E && index + 1 < token.count && token[index + 1] == 0x2E
  }

  /// Tells whether the segment `start..<end` is the whole token apart from
  /// quotes around it and punctuation after it, as in `'bob',`.
  private func isWholeWord(_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard start == 0 || (start == 1 && (token[0] == 0x22 || token[0] == 0x27)) else {
      return false
    }
    for index in end..<token.count {
      switch token[index] {
      case 0x22, 0x27, 0x2C, 0x3B, 0x3A, 0x2E, 0x29, 0x5D: continue
      default: return false
      }
    }
    return true
  }

  /// Decides whether one segment is a value. `isFirst` is true when the
  /// segment starts its token, `isWholeWord` when it is the whole token.
  func isVariableSegment(
    _ segment: UnsafeBufferPointer<UInt8>, _ previousDelimiter: UInt8, _ isFirst: Bool,
    _ isWholeWord: Bool, _ state: inout MaskState
  ) -> Bool {
    // Fast path: no meaningful word contains a digit, so a segment with a
    // digit is a value without any word-list lookup.
    if SegmentClassifier.containsDigit(segment), !SegmentClassifier.isVersionedIdentifier(segment) {
      if !(state.inPersonName && isFirst && SegmentClassifier.isCapitalisedWord(segment)) {
        state.inPersonName = false
      }
      return true
    }
    if TemplateVocabulary.isMeaningful(segment) {
      state.inPersonName = false
      return false
    }
    // A name continues over capitalised words that start their token, so
    // `name [HRESULT` leaves the bracketed code alone.
    if state.inPersonName, isFirst, SegmentClassifier.isCapitalisedWord(segment) { return true }
    state.inPersonName = false
    if SegmentClassifier.isVariable(segment) { return true }
    if previousDelimiter == UInt8(ascii: "=") { return true }
    if isWholeWord, state.afterValueKey, !TemplateVocabulary.isStopWord(segment) { return true }
    return false
  }

  /// Rewrites `<*>:<*>` to `<*>` and `<<*>` to `<*>` in the token just
  /// written, so that `host:port`, `12:30:01` and `<1 sec` mask alike.
  func collapseToken(from start: Int, _ output: inout [UInt8]) {
    var index = start
    while index + 6 < output.count {
      if output[index] == 0x3C, output[index + 1] == 0x2A, output[index + 2] == 0x3E,
        output[index + 3] == UInt8(ascii: ":"), output[index + 4] == 0x3C,
        output[index + 5] == 0x2A, output[index + 6] == 0x3E
      {
        output.removeSubrange((index + 3)..<(index + 7))
      } else {
        index += 1
      }
    }
    if output.count - start >= 4, output[start] == 0x3C, output[start + 1] == 0x3C,
      output[start + 2] == 0x2A, output[start + 3] == 0x3E
    {
      output.remove(at: start)
    }
  }
}
