/// The encoding of a data set: VR explicit or implicit, byte order,
/// deflate compression, and whether Pixel Data is encapsulated
/// (PS3.5 section 10 and annex A).
public struct TransferSyntax: Hashable, Sendable, CustomStringConvertible {
  public let uid: String
  public let isExplicitVR: Bool
  public let isLittleEndian: Bool
  public let isDeflated: Bool
  public let isEncapsulated: Bool

  public init(
    uid: String, isExplicitVR: Bool, isLittleEndian: Bool, isDeflated: Bool = false,
    isEncapsulated: Bool = false
  ) {
    self.uid = uid
    self.isExplicitVR = isExplicitVR
    self.isLittleEndian = isLittleEndian
    self.isDeflated = isDeflated
    self.isEncapsulated = isEncapsulated
  }

  public static let implicitVRLittleEndian = TransferSyntax(
    uid: "1.2.840.10008.1.2", isExplicitVR: false, isLittleEndian: true)
  public static let explicitVRLittleEndian = TransferSyntax(
    uid: "1.2.840.10008.1.2.1", isExplicitVR: true, isLittleEndian: true)
  public static let deflatedExplicitVRLittleEndian = TransferSyntax(
    uid: "1.2.840.10008.1.2.1.99", isExplicitVR: true, isLittleEndian: true, isDeflated: true)
  public static let explicitVRBigEndian = TransferSyntax(
    uid: "1.2.840.10008.1.2.2", isExplicitVR: true, isLittleEndian: false)

  /// Identifies a transfer syntax by UID. Every UID other than the four
  /// native ones above is treated as explicit VR little endian with
  /// encapsulated Pixel Data, which PS3.5 section A.4 requires of every
  /// compressed syntax (JPEG, JPEG-LS, JPEG 2000, RLE, HTJ2K, MPEG, ...).
  public init(uid rawUID: String) {
    let uid = TransferSyntax.trimUID(rawUID)
    switch uid {
    case Self.implicitVRLittleEndian.uid: self = .implicitVRLittleEndian
    case Self.explicitVRLittleEndian.uid: self = .explicitVRLittleEndian
    case Self.explicitVRBigEndian.uid: self = .explicitVRBigEndian
    case Self.deflatedExplicitVRLittleEndian.uid: self = .deflatedExplicitVRLittleEndian
    default:
      self = TransferSyntax(
        uid: uid, isExplicitVR: true, isLittleEndian: true, isEncapsulated: true)
    }
  }

  /// True for UIDs under 1.2.840.10008.1.2, the root of every transfer
  /// syntax the standard defines.
  public var isStandard: Bool { uid.hasPrefix("1.2.840.10008.1.2") }

  public var description: String { uid }

  static func trimUID(_ text: String) -> String {
    var scalars = Substring(text)
    while let last = scalars.last, last == "\0" || last == " " { scalars.removeLast() }
    while let first = scalars.first, first == " " { scalars.removeFirst() }
    return String(scalars)
  }
}
