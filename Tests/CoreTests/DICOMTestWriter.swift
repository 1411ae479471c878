@testable import Core

/// Builds DICOM bytes by hand for tests: elements in explicit or implicit
/// VR, either byte order, sequences and items of defined or undefined
/// length, and Part 10 files with a meta group.
struct DICOMTestWriter {
  var explicitVR = true
  var littleEndian = true

  static let explicitLittle = DICOMTestWriter()
  static let implicitLittle = DICOMTestWriter(explicitVR: false, littleEndian: true)
  static let explicitBig = DICOMTestWriter(explicitVR: true, littleEndian: false)

  func uint16(_ value: UInt16) -> [UInt8] {
    littleEndian
      ? [UInt8(value & 0xFF), UInt8(value >> 8)] : [UInt8(value >> 8), UInt8(value & 0xFF)]
  }

  func uint32(_ value: UInt32) -> [UInt8] {
    let bytes = [
      UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24),
    ]
    return littleEndian ? bytes : bytes.reversed()
  }

  func tag(_ tag: UInt32) -> [UInt8] {
    uint16(UInt16(tag >> 16)) + uint16(UInt16(tag & 0xFFFF))
  }

  /// Encodes one element with the given value bytes and length field (which
  /// defaults to the value's size).
  func element(_ tagValue: UInt32, _ vrName: String, _ value: [UInt8], length: UInt32? = nil)
    -> [UInt8]
  {
    let length = length ?? UInt32(value.count)
    guard explicitVR else { return tag(tagValue) + uint32(length) + value }
    let vr = VR(name: vrName)!
    let vrBytes = Array(vrName.utf8)
    if vr.hasLongLength { return tag(tagValue) + vrBytes + [0, 0] + uint32(length) + value }
    return tag(tagValue) + vrBytes + uint16(UInt16(length)) + value
  }

  /// Encodes a text element, padded to even length with a space (NUL for UI).
  func text(_ tagValue: UInt32, _ vrName: String, _ value: String) -> [UInt8] {
    bytesText(tagValue, vrName, Array(value.utf8))
  }

  func bytesText(_ tagValue: UInt32, _ vrName: String, _ value: [UInt8]) -> [UInt8] {
    var bytes = value
    if bytes.count % 2 == 1 { bytes.append(vrName == "UI" ? 0 : 0x20) }
    return element(tagValue, vrName, bytes)
  }

  func us(_ tagValue: UInt32, _ values: UInt16...) -> [UInt8] {
    element(tagValue, "US", values.flatMap { uint16($0) })
  }

  /// Encodes an item. With `undefined` it writes an undefined length and
  /// an Item Delimitation Item.
  func item(_ content: [UInt8], undefined: Bool = false) -> [UInt8] {
    if undefined {
      return tag(0xFFFE_E000) + uint32(0xFFFF_FFFF) + content + tag(0xFFFE_E00D) + uint32(0)
    }
    return tag(0xFFFE_E000) + uint32(UInt32(content.count)) + content
  }

  /// Encodes a sequence of already encoded items.
  func sequence(_ tagValue: UInt32, _ items: [[UInt8]], undefined: Bool = false, vr: String = "SQ")
    -> [UInt8]
  {
    let content = items.flatMap { $0 }
    if undefined {
      return element(tagValue, vr, content + tag(0xFFFE_E0DD) + uint32(0), length: 0xFFFF_FFFF)
    }
    return element(tagValue, vr, content)
  }

  /// Builds a Part 10 file: preamble, `DICM`, a meta group in explicit VR little
  /// endian with the group length, then `body`.
  static func part10(transferSyntax: String, body: [UInt8], preamble: Bool = true) -> [UInt8] {
    let meta = DICOMTestWriter.explicitLittle
    let content =
      meta.element(0x0002_0001, "OB", [0, 1])
      + meta.text(0x0002_0002, "UI", "1.2.840.10008.5.1.4.1.1.7")
      + meta.text(0x0002_0003, "UI", "1.2.3.4")
      + meta.text(0x0002_0010, "UI", transferSyntax)
    let groupLength = meta.element(0x0002_0000, "UL", meta.uint32(UInt32(content.count)))
    let head = preamble ? [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) : []
    return head + groupLength + content + body
  }
}
