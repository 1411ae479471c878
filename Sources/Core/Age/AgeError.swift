#if canImport(Glibc)
  import Glibc
#endif

/// A failure to read, write or decrypt an age file, or to load an age key.
/// `message` is the one place where these cases become words.
public enum AgeError: MedmonError, Equatable {
  // Header: each of these means the header is not valid age v1.
  case unsupportedVersion(String)
  case malformedHeader(line: Int, HeaderDefect)
  case headerTooLong(limit: Int)
  case invalidStanza(type: String, line: Int, StanzaDefect)
  case scryptStanzaNotAlone(stanzaCount: Int)
  case workFactorTooHigh(logN: String, limit: Int, line: Int)
  case lowOrderShare(line: Int)
  case truncatedNonce(length: Int)
  // Unwrapping the file key.
  case noMatchingIdentity(stanzaTypes: [String])
  case headerMACMismatch
  // Payload: the STREAM chunks after the header, counted from 0.
  case payloadAuthenticationFailed(chunk: Int)
  case truncatedChunk(chunk: Int, length: Int)
  case missingFinalChunk(chunk: Int)
  case emptyFinalChunk(chunk: Int)
  case trailingData(afterChunk: Int)
  // ASCII armor, with the line number in the armored text.
  case invalidArmor(line: Int, ArmorDefect)
  // Keys. Identity errors never quote the key, because it is secret.
  case invalidRecipient(String, KeyDefect)
  case invalidIdentity(source: String, line: Int, KeyDefect)
  case unsupportedRecipientType(String)
  case unsupportedIdentityType(source: String, line: Int, prefix: String)
  case noIdentities(source: String)
  // Encryption.
  case noRecipients
  case scryptRecipientNotAlone
  case writeAfterFinish
  case chunkCounterOverflow
  // Files.
  case openFailed(path: String, errno: Int32)
  case fileExists(path: String)
  case readFailed(path: String, errno: Int32)
  case writeFailed(path: String, errno: Int32)
  case inputTooLarge(path: String, limit: Int)

  /// A reason a header line is malformed.
  public enum HeaderDefect: Equatable, Sendable {
    case missingVersionLine
    case carriageReturn
    case unexpectedEnd
    case invalidStanzaStart
    case invalidArgument(index: Int)
    case invalidBodyLine
    case bodyLineTooLong(length: Int)
    case invalidMACLine
    case missingStanzas
  }

  /// A reason a stanza of a known type cannot be used.
  public enum StanzaDefect: Equatable, Sendable {
    case wrongArgumentCount(expected: Int, actual: Int)
    case invalidShare
    case invalidSalt
    case invalidWorkFactor(String)
    case wrongBodyLength(expected: Int, actual: Int)
  }

  /// A reason an armored file does not follow strict PEM (RFC 7468).
  public enum ArmorDefect: Equatable, Sendable {
    case invalidBeginLine
    case invalidCharacter
    case lineTooLong
    case emptyLine
    case dataAfterFinalLine
    case invalidPadding
    case mixedLineEndings
    case missingEndLine
    case trailingData
  }

  /// A reason a recipient or identity string is not a valid age key.
  public enum KeyDefect: Equatable, Sendable {
    case bech32(Bech32.Defect)
    case wrongPrefix(expected: String)
    case wrongLength(expected: Int, actual: Int)
  }

  public var message: String {
    switch self {
    case .unsupportedVersion(let version):
      return "unsupported age format version \(quoted(version)): only v1 is supported"
    case .malformedHeader(let line, let defect):
      return "invalid age header at line \(line): \(defect.text)"
    case .headerTooLong(let limit):
      return "invalid age header: longer than \(limit) bytes"
    case .invalidStanza(let type, let line, let defect):
      return "invalid \(quoted(type)) stanza at header line \(line): \(defect.text)"
    case .scryptStanzaNotAlone(let count):
      return "invalid age header: an scrypt stanza must be the only stanza, found \(count)"
    case .workFactorTooHigh(let logN, let limit, let line):
      return "scrypt work factor 2^\(logN) at header line \(line) exceeds the limit of 2^\(limit)"
    case .lowOrderShare(let line):
      return "invalid X25519 stanza at header line \(line): the share is a low-order point"
    case .truncatedNonce(let length):
      return "age file truncated: payload nonce has \(length) of 16 bytes"
    case .noMatchingIdentity(let types):
      let list = types.map { quoted($0) }.joined(separator: ", ")
      return "no identity matched any of the file's recipient stanzas (\(list))"
    case .headerMACMismatch:
      return "age header MAC mismatch: the header was modified or the file key is wrong"
    case .payloadAuthenticationFailed(let chunk):
      return "age payload authentication failed at chunk \(chunk): the file is damaged or altered"
    case .truncatedChunk(let chunk, let length):
      return "age payload truncated: chunk \(chunk) has \(length) bytes, fewer than its 16-byte tag"
    case .missingFinalChunk(let chunk):
      return "age payload truncated: input ends before chunk \(chunk), with no final chunk"
    case .emptyFinalChunk(let chunk):
      return "invalid age payload: final chunk \(chunk) is empty"
    case .trailingData(let chunk):
      return "invalid age payload: data follows the final chunk \(chunk)"
    case .invalidArmor(let line, let defect):
      return "invalid age armor at line \(line): \(defect.text)"
    default:
      return keyOrFileMessage
    }
  }

  private var keyOrFileMessage: String {
    switch self {
    case .invalidRecipient(let text, let defect):
      return "invalid age recipient \(quoted(text)): \(defect.text)"
    case .invalidIdentity(let source, let line, let defect):
      return "invalid age identity at \(source):\(line): \(defect.text)"
    case .unsupportedRecipientType(let text):
      return
        "unsupported recipient type \(quoted(text)): only X25519 'age1' recipients are supported"
    case .unsupportedIdentityType(let source, let line, let prefix):
      return "unsupported identity type \(quoted(prefix)) at \(source):\(line)"
    case .noIdentities(let source):
      return "no age identities found in \(quoted(source))"
    case .noRecipients:
      return "cannot encrypt: no recipients given"
    case .scryptRecipientNotAlone:
      return "cannot encrypt: a passphrase recipient cannot be combined with other recipients"
    case .writeAfterFinish:
      return "cannot write to an age encryptor after finish()"
    case .chunkCounterOverflow:
      return "age payload too long: the chunk counter overflowed"
    case .openFailed(let path, let code):
      return "cannot open \(quoted(path)): \(systemErrorText(code))"
    case .fileExists(let path):
      return "\(quoted(path)) already exists"
    case .readFailed(let path, let code):
      return "cannot read \(quoted(path)): \(systemErrorText(code))"
    case .writeFailed(let path, let code):
      return "cannot write \(quoted(path)): \(systemErrorText(code))"
    case .inputTooLarge(let path, let limit):
      return "\(quoted(path)) is larger than \(limit) bytes"
    default:
      // `message` handles every other case before calling this.
      return "age error"
    }
  }

  public var hint: String? {
    switch self {
    case .noMatchingIdentity:
      return "check that the identity file contains the key the file was encrypted to."
    case .fileExists:
      return "choose another output path, or remove the existing file first."
    case .unsupportedIdentityType, .unsupportedRecipientType:
      return "generate an X25519 key with 'medmon keygen' or 'age-keygen'."
    default:
      return nil
    }
  }
}

extension AgeError.HeaderDefect {
  var text: String {
    switch self {
    case .missingVersionLine: return "expected the version line 'age-encryption.org/v1'"
    case .carriageReturn: return "the line ends with CRLF, but age headers use LF only"
    case .unexpectedEnd: return "input ends inside the header"
    case .invalidStanzaStart: return "expected a stanza line '-> ...' or the MAC line '--- ...'"
    case .invalidArgument(let index):
      return "stanza argument \(index) is empty or has a character outside printable ASCII"
    case .invalidBodyLine: return "stanza body line is not canonical unpadded base64"
    case .bodyLineTooLong(let length): return "stanza body line has \(length) columns, more than 64"
    case .invalidMACLine: return "expected '--- ' and 43 characters of canonical base64"
    case .missingStanzas: return "the header has no recipient stanza"
    }
  }
}

extension AgeError.StanzaDefect {
  var text: String {
    switch self {
    case .wrongArgumentCount(let expected, let actual):
      return "expected \(expected) arguments, found \(actual)"
    case .invalidShare: return "the share is not canonical base64 of 32 bytes"
    case .invalidSalt: return "the salt is not canonical base64 of 16 bytes"
    case .invalidWorkFactor(let text):
      return "the work factor \(quoted(text)) is not a decimal number without leading zeros"
    case .wrongBodyLength(let expected, let actual):
      return "the body has \(actual) bytes, expected \(expected)"
    }
  }
}

extension AgeError.ArmorDefect {
  var text: String {
    switch self {
    case .invalidBeginLine: return "expected '-----BEGIN AGE ENCRYPTED FILE-----'"
    case .invalidCharacter: return "a character outside the base64 alphabet"
    case .lineTooLong: return "line is longer than 64 columns"
    case .emptyLine: return "empty line inside the armor"
    case .dataAfterFinalLine:
      return "a line shorter than 64 columns is followed by more data instead of the end line"
    case .invalidPadding: return "base64 padding is missing, misplaced or not canonical"
    case .mixedLineEndings: return "line endings mix LF and CRLF"
    case .missingEndLine: return "input ends before '-----END AGE ENCRYPTED FILE-----'"
    case .trailingData: return "data other than whitespace follows the end line"
    }
  }
}

extension AgeError.KeyDefect {
  var text: String {
    switch self {
    case .bech32(let defect): return "not valid Bech32: \(defect.text)"
    case .wrongPrefix(let expected): return "expected the prefix \(quoted(expected))"
    case .wrongLength(let expected, let actual):
      return "the key has \(actual) bytes, expected \(expected)"
    }
  }
}

extension Bech32.Defect {
  var text: String {
    switch self {
    case .mixedCase: return "mixes upper and lower case"
    case .missingSeparator: return "no '1' separator"
    case .emptyHumanReadablePart: return "nothing before the '1' separator"
    case .invalidHumanReadableCharacter:
      return "a character outside printable ASCII before the separator"
    case .invalidDataCharacter(let character):
      return "\(quoted(String(character))) is not a Bech32 character"
    case .tooShortForChecksum: return "shorter than its 6-character checksum"
    case .invalidChecksum: return "checksum mismatch"
    case .invalidPadding: return "non-zero padding bits"
    }
  }
}

/// Returns `text` in single quotes with control and non-ASCII characters
/// escaped, so that a damaged header cannot corrupt a terminal.
private func quoted(_ text: String) -> String {
  var result = "'"
  for scalar in text.unicodeScalars.prefix(80) {
    if (0x20..<0x7F).contains(scalar.value) {
      result.unicodeScalars.append(scalar)
    } else {
      result += scalar.escaped(asASCII: true)
    }
  }
  if text.unicodeScalars.count > 80 { result += "..." }
  return result + "'"
}

/// Returns the C library's description of an `errno` value.
private func systemErrorText(_ code: Int32) -> String {
  String(cString: strerror(code))
}
