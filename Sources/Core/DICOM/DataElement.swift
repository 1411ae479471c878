/// One data element as read: its tag, VR and length, where it sits in the
/// file, and either its value (in the owning data set's storage) or, for a
/// sequence, its items.
public struct DataElement: Sendable {
  /// The length field that marks an undefined length.
  public static let undefinedLength: UInt32 = 0xFFFF_FFFF

  public let tag: Tag
  public let vr: VR
  /// The value length as written, or `undefinedLength`.
  public let length: UInt32
  /// The byte offset of the element's tag.
  public let offset: Int
  /// The range of the value in the data set's storage. `valueStart` is
  /// -1 when the value was skipped (bulk data not requested).
  let valueStart: Int
  let valueCount: Int
  /// The items of a sequence, each a list of elements; nil for other VRs.
  public let items: [[DataElement]]?

  init(
    tag: Tag, vr: VR, length: UInt32, offset: Int, valueStart: Int = -1,
    valueCount: Int = 0, items: [[DataElement]]? = nil
  ) {
    self.tag = tag
    self.vr = vr
    self.length = length
    self.offset = offset
    self.valueStart = valueStart
    self.valueCount = valueCount
    self.items = items
  }

  /// True when the value bytes were read and can be decoded.
  public var isValueLoaded: Bool { valueStart >= 0 }

  public var hasUndefinedLength: Bool { length == DataElement.undefinedLength }
}
