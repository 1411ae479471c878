#if canImport(Glibc)
  import Glibc
#endif

/// Writes small Part 10 files (explicit VR little endian) for tests, so
/// the site side can be tested on stores whose content the test knows.
public struct TestDICOMWriter {
  /// One data element: tag, VR and text value (numbers as text too).
  public struct Element {
    public var tag: UInt32
    public var vr: String
    public var value: String

    public init(tag: UInt32, vr: String, value: String) {
      self.tag = tag
      self.vr = vr
      self.value = value
    }
  }

  public static func bytes(_ elements: [Element], sopClass: String = "1.2.840.10008.5.1.4.1.1.1.1") -> [UInt8] {
    var body: [UInt8] = []
    let meta = [
      Element(tag: 0x0002_0001, vr: "OB", value: "\u{0}\u{1}"),
      Element(tag: 0x0002_0002, vr: "UI", value: sopClass),
      Element(tag: 0x0002_0003, vr: "UI", value: "1.2.3.4"),
      Element(tag: 0x0002_0010, vr: "UI", value: "1.2.840.10008.1.2.1"),
    ]
    var metaBytes: [UInt8] = []
    for element in meta { append(element, to: &metaBytes) }
    var output = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
    append(Element(tag: 0x0002_0000, vr: "UL", value: String(metaBytes.count)), to: &output)
    output += metaBytes
    for element in elements.sorted(by: { $0.tag < $1.tag }) { append(element, to: &body) }
    return output + body
  }

  private static func append(_ element: Element, to output: inout [UInt8]) {
    var value: [UInt8]
    switch element.vr {
    case "US":
      let number = UInt16(element.value) ?? 0
      value = [UInt8(number & 0xFF), UInt8(number >> 8)]
    case "UL":
      let number = UInt32(element.value) ?? 0
      value = (0..<4).map { UInt8((number >> (8 * UInt32($0))) & 0xFF) }
    case "OB":
      value = Array(element.value.utf8)
    default:
      value = Array(element.value.utf8)
    }
    if value.count % 2 == 1 { value.append(element.vr == "UI" ? 0 : 0x20) }
    output += le16(UInt16(element.tag >> 16)) + le16(UInt16(element.tag & 0xFFFF))
    output += Array(element.vr.utf8)
    if ["OB", "OW", "SQ", "UN", "UT", "UC", "UR"].contains(element.vr) {
      output += [0, 0] + le32(UInt32(value.count))
    } else {
      output += le16(UInt16(value.count))
    }
    output += value
  }

  private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
  private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) } }

  /// Writes `bytes` to `path` and sets its modification time.
  public static func write(_ bytes: [UInt8], to path: String, modified: Int64) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(descriptor >= 0, "cannot create \(path)")
    _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, bytes.count) }
    close(descriptor)
    var times = [timespec(tv_sec: Int(modified), tv_nsec: 0), timespec(tv_sec: Int(modified), tv_nsec: 0)]
    utimensat(AT_FDCWD, path, &times, 0)
  }
}

/// A temporary folder removed when the test ends.
public final class TemporaryFolder {
  public let path: String

  public init() {
    var template = Array("/tmp/medmon-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    path = String(cString: template)
  }

  deinit {
    _ = system("rm -rf '\(path)'")
  }

  public func make(_ relative: String) -> String {
    let full = path + "/" + relative
    _ = system("mkdir -p '\(full)'")
    return full
  }
}
