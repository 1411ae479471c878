/// An error that stopped a DICOM read. Every case about the content
/// carries the byte offset (from the start of the file, or of
/// the inflated stream for deflated data sets) and the tag being read.
public enum DICOMError: MedmonError, Equatable {
  /// The file could not be opened or read. `reason` is the system message.
  case unreadable(path: String, reason: String)
  /// The bytes are neither a Part 10 file nor a recognisable data set.
  case notDICOM(path: String, reason: String)
  /// The file ends inside an element header or value.
  case truncated(offset: Int, tag: Tag?, needed: Int, available: Int)
  /// A value length runs past the end of the file or of its sequence item.
  case invalidLength(offset: Int, tag: Tag, length: UInt32, remaining: Int)
  /// An element that the structure does not allow at this place, such as
  /// an item tag at the top level.
  case unexpectedTag(offset: Int, tag: Tag, expected: String)
  /// Sequences nested deeper than `DICOMReadOptions.maxDepth`.
  case nestingTooDeep(offset: Int, tag: Tag, depth: Int)
  /// The deflated data set could not be inflated.
  case inflateFailed(offset: Int, reason: String)
  /// The inflated data set is larger than the configured limit, and the
  /// part within the limit ends before the parse could stop.
  case inflatedTooLarge(limit: Int)

  public var message: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    case .notDICOM(let path, let reason):
      return "'\(path)' is not a DICOM file: \(reason)"
    case .truncated(let offset, let tag, let needed, let available):
      let place = tag.map { " in \($0)" } ?? ""
      return "file is truncated at byte offset \(offset)\(place): "
        + "needed \(needed) bytes, \(available) left"
    case .invalidLength(let offset, let tag, let length, let remaining):
      return "invalid value length '\(length)' for \(tag) at byte offset \(offset): "
        + "only \(remaining) bytes remain"
    case .unexpectedTag(let offset, let tag, let expected):
      return "unexpected tag \(tag) at byte offset \(offset): expected \(expected)"
    case .nestingTooDeep(let offset, let tag, let depth):
      return "sequence \(tag) at byte offset \(offset) is nested deeper than \(depth) levels"
    case .inflateFailed(let offset, let reason):
      return "cannot inflate the deflated data set at byte offset \(offset): \(reason)"
    case .inflatedTooLarge(let limit):
      return "the inflated data set exceeds the limit of \(limit) bytes"
    }
  }

  /// Returns the message with the file named in front when the case does
  /// not name it already.
  public func message(path: String) -> String {
    switch self {
    case .unreadable, .notDICOM: return message
    default: return "'\(path)': " + message
    }
  }

  public var hint: String? {
    switch self {
    case .notDICOM:
      return "medmon reads DICOM Part 10 files and raw data sets in a standard transfer syntax"
    default: return nil
    }
  }

  var isTruncation: Bool {
    if case .truncated = self { return true }
    return false
  }

  /// The byte offset where the problem was found, when there is one.
  public var offset: Int? {
    switch self {
    case .truncated(let offset, _, _, _), .invalidLength(let offset, _, _, _),
      .unexpectedTag(let offset, _, _), .nestingTooDeep(let offset, _, _),
      .inflateFailed(let offset, _):
      return offset
    default: return nil
    }
  }
}

/// A departure from the standard that the reader tolerated.
public struct DICOMWarning: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case missingPreamble
    case transferSyntaxMismatch(declared: String, detected: String)
    case transferSyntaxSniffed(String)
    case unknownTransferSyntax(String)
    case oddLength(UInt32)
    case wrongGroupLength(declared: UInt32, actual: Int)
    case implicitElementInExplicitData
    case invalidVR(String)
    case unknownCharacterSet(term: String, fallback: String)
    case strayDelimiter
    case undefinedLengthNonSequence(VR)
    case trailingBytes(Int)
  }

  public let kind: Kind
  public let offset: Int
  public let tag: Tag?

  public init(_ kind: Kind, offset: Int, tag: Tag? = nil) {
    self.kind = kind
    self.offset = offset
    self.tag = tag
  }

  public var description: String {
    let place = "at byte offset \(offset)" + (tag.map { " in \($0)" } ?? "")
    switch kind {
    case .missingPreamble:
      return "no 128-byte preamble and 'DICM' prefix; read as a raw data set"
    case .transferSyntaxMismatch(let declared, let detected):
      return "the meta header declares transfer syntax '\(declared)' "
        + "but the data set is encoded as \(detected); read as \(detected)"
    case .transferSyntaxSniffed(let detected):
      return "no transfer syntax in the meta header; detected \(detected) \(place)"
    case .unknownTransferSyntax(let uid):
      return "unknown transfer syntax '\(uid)'; read as explicit VR little endian"
    case .oddLength(let length):
      return "odd value length '\(length)' \(place)"
    case .wrongGroupLength(let declared, let actual):
      return "group length '\(declared)' \(place) differs from the \(actual) bytes found"
    case .implicitElementInExplicitData:
      return "element without a VR in an explicit VR data set \(place); read as implicit VR"
    case .invalidVR(let text):
      return "invalid VR '\(text)' \(place); read as UN"
    case .unknownCharacterSet(let term, let fallback):
      return "unknown specific character set '\(term)'; decoded as \(fallback)"
    case .undefinedLengthNonSequence(let vr):
      return "undefined length on a \(vr) element \(place); read as a sequence of items"
    case .strayDelimiter:
      return "sequence delimiter inside an item \(place); the item delimiter is missing"
    case .trailingBytes(let count):
      return "\(count) trailing bytes after the last element \(place) ignored"
    }
  }
}
