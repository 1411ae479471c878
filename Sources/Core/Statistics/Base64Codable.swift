/// A summary whose JSON form is one string, the base64 text of its binary
/// form, so that bundles carry a sketch as one field.
public protocol Base64Codable: Codable {
  init(base64 text: String) throws
  func base64() -> String
}

extension Base64Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    try self.init(base64: try container.decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(base64())
  }
}
