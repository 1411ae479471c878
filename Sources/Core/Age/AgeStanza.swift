/// One recipient stanza of an age header: a type and its arguments, and a
/// binary body that usually contains the wrapped file key.
public struct AgeStanza: Equatable, Sendable {
  /// The arguments after `->`; the first names the recipient type.
  public var arguments: [String]
  public var body: [UInt8]
  /// The header line where the stanza starts, or 0 for a stanza that was
  /// not read from a file.
  public var line: Int

  public init(arguments: [String], body: [UInt8], line: Int = 0) {
    self.arguments = arguments
    self.body = body
    self.line = line
  }

  /// The recipient type, the first argument.
  public var type: String { arguments.first ?? "" }

  /// Returns the stanza in header form: the argument line and the body in
  /// base64 wrapped at 64 columns, ending with a line shorter than 64.
  func encoded() -> [UInt8] {
    var output = Array("->".utf8)
    for argument in arguments {
      output.append(UInt8(ascii: " "))
      output += Array(argument.utf8)
    }
    output.append(0x0A)
    let text = AgeBase64.encode(body, padded: false)
    var offset = 0
    while true {
      let lineEnd = min(offset + AgeHeader.columnLimit, text.count)
      output += text[offset..<lineEnd]
      output.append(0x0A)
      // A full line is always followed by another, possibly empty, line.
      if lineEnd - offset < AgeHeader.columnLimit { break }
      offset = lineEnd
    }
    return output
  }
}
