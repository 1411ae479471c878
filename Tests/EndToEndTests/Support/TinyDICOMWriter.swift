/// Writes minimal DICOM Part 10 files (explicit VR little endian) with the
/// attributes the site side reads, so tests need no external files.
struct TinyDICOMWriter {
  /// One attribute: tag, VR and value bytes before padding.
  private struct Element {
    var group: UInt16
    var element: UInt16
    var vr: String
    var value: [UInt8]
  }

  static let explicitVRLittleEndian = "1.2.840.10008.1.2.1"
  static let digitalXRay = "1.2.840.10008.5.1.4.1.1.1.1"

  /// The attributes of one instance.
  struct Instance {
    var patientName = "TESTPERSON^ALICE"
    var patientID = "TP000001"
    var birthDate = "19610203"
    var patientAge = "064Y"
    var sex = "F"
    var studyUID = "1.2.826.0.1.3680043.2.1143.1"
    var seriesUID = "1.2.826.0.1.3680043.2.1143.1.1"
    var instanceUID = "1.2.826.0.1.3680043.2.1143.1.1.1"
    var studyDate = "20261001"
    var modality = "DX"
    var manufacturer = "Testing Devices Ltd"
    var bodyPart = "CHEST"
    var rows: UInt16 = 2048
    var columns: UInt16 = 2048
  }

  /// Returns the bytes of a Part 10 file for `instance`.
  static func fileBytes(_ instance: Instance) -> [UInt8] {
    let meta = [
      Element(group: 2, element: 0x0001, vr: "OB", value: [0, 1]),
      text(2, 0x0002, "UI", digitalXRay),
      text(2, 0x0003, "UI", instance.instanceUID),
      text(2, 0x0010, "UI", explicitVRLittleEndian),
    ]
    let metaBytes = meta.flatMap(encode)
    var bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
    bytes += encode(Element(group: 2, element: 0, vr: "UL", value: le32(UInt32(metaBytes.count))))
    bytes += metaBytes
    return bytes + dataSet(instance).flatMap(encode)
  }

  private static func dataSet(_ instance: Instance) -> [Element] {
    [
      text(0x0008, 0x0016, "UI", digitalXRay),
      text(0x0008, 0x0018, "UI", instance.instanceUID),
      text(0x0008, 0x0020, "DA", instance.studyDate),
      text(0x0008, 0x0060, "CS", instance.modality),
      text(0x0008, 0x0070, "LO", instance.manufacturer),
      text(0x0010, 0x0010, "PN", instance.patientName),
      text(0x0010, 0x0020, "LO", instance.patientID),
      text(0x0010, 0x0030, "DA", instance.birthDate),
      text(0x0010, 0x0040, "CS", instance.sex),
      text(0x0010, 0x1010, "AS", instance.patientAge),
      text(0x0018, 0x0015, "CS", instance.bodyPart),
      text(0x0020, 0x000D, "UI", instance.studyUID),
      text(0x0020, 0x000E, "UI", instance.seriesUID),
      Element(group: 0x0028, element: 0x0010, vr: "US", value: le16(instance.rows)),
      Element(group: 0x0028, element: 0x0011, vr: "US", value: le16(instance.columns)),
    ]
  }

  private static func text(_ group: UInt16, _ element: UInt16, _ vr: String, _ value: String)
    -> Element
  {
    Element(group: group, element: element, vr: vr, value: Array(value.utf8))
  }

  /// Encodes one element, padding the value to an even length: UIs with
  /// NUL, other text with a space, as PS3.5 section 6.2 requires.
  private static func encode(_ element: Element) -> [UInt8] {
    var value = element.value
    if value.count % 2 == 1 { value.append(element.vr == "UI" ? 0 : 0x20) }
    var bytes = le16(element.group) + le16(element.element) + Array(element.vr.utf8)
    if ["OB", "OW", "SQ", "UN", "UT"].contains(element.vr) {
      bytes += [0, 0] + le32(UInt32(value.count))
    } else {
      bytes += le16(UInt16(value.count))
    }
    return bytes + value
  }

  private static func le16(_ value: UInt16) -> [UInt8] {
    [UInt8(value & 0xFF), UInt8(value >> 8)]
  }

  private static func le32(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }
  }
}
