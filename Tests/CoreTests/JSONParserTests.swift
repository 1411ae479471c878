import Testing

@testable import Core

@Suite struct JSONParserTests {
  let parser = JSONParser()

  @Test func parsesNestedDocument() throws {
    let value = try parser.parse(
      #" {"a": [1, -2.5, true, false, null], "b": {"c": "x\u00e9\n"}, "d": 1e3} "#)
    #expect(value["a"] == .array([.integer(1), .double(-2.5), .bool(true), .bool(false), .null]))
    #expect(value["b"]?["c"] == .string("xé\n"))
    #expect(value["d"] == .double(1000))
  }

  @Test func decodesSurrogatePairAndUTF8() throws {
    #expect(try parser.parse(#""\ud83d\ude00""#) == .string("😀"))
    #expect(try parser.parse("\"груд\"") == .string("груд"))
  }

  @Test func keepsLargeIntegersExact() throws {
    #expect(try parser.parse("9007199254740993") == .integer(9_007_199_254_740_993))
    #expect(try parser.parse("-0") == .integer(0))
  }

  @Test(arguments: [
    "", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "NaN", "[1 2]", "{'a':1}",
    "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "tru", "[", "{\"a\"}", "// c\n1", "1e",
    "\"a\u{01}b\"", "1e999",
  ])
  func rejectsInvalidText(_ text: String) {
    #expect(throws: JSONError.self) { try parser.parse(text) }
  }

  @Test func rejectsDuplicateKey() {
    #expect(throws: JSONError.duplicateKey("a", offset: 9)) {
      try parser.parse(#"{"a": 1, "a": 2}"#)
    }
  }

  @Test func rejectsTrailingData() {
    #expect(throws: JSONError.trailingData(offset: 3)) { try parser.parse("[] x") }
  }

  @Test func rejectsInvalidUTF8() {
    let overlong: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
    #expect(throws: JSONError.invalidUTF8(offset: 1)) { try parser.parse(overlong) }
    let truncated: [UInt8] = [0x22, 0xE2, 0x82]
    #expect(throws: JSONError.invalidUTF8(offset: 1)) { try parser.parse(truncated) }
  }

  @Test func limitsDepth() throws {
    let shallow = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(throws: Never.self) { try parser.parse(shallow) }
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONError.tooDeep(limit: 64, offset: 64)) { try parser.parse(deep) }
  }

  @Test func limitsSize() {
    let small = JSONParser(maximumDepth: 8, maximumSize: 4)
    #expect(throws: JSONError.tooLarge(size: 5, limit: 4)) { try small.parse("12345") }
  }

  @Test func parsesLinesAndNamesFailingLine() throws {
    let values = try parser.parseLines(Array("{\"a\":1}\n\n[2]\r\n".utf8))
    #expect(values == [.sortedObject(["a": .integer(1)]), .array([.integer(2)])])
    #expect(throws: JSONLinesError.self) { try parser.parseLines(Array("1\n{\n".utf8)) }
    let error = #expect(throws: JSONLinesError.self) {
      try parser.parseLines(Array("1\n2\n{x}\n".utf8))
    }
    #expect(error?.line == 3)
  }

  @Test func serializesSortedAndRoundTrips() throws {
    let value: JSONValue = .sortedObject([
      "b": .array([.integer(1), .double(0.25), .null]), "a": .string("q\"\n\u{01}"),
    ])
    #expect(value.serialized() == #"{"a":"q\"\n\u0001","b":[1,0.25,null]}"#)
    #expect(try parser.parse(value.serialized(indent: 2)) == value)
    #expect(JSONValue.sortedObject(["k": .array([])]).serialized(indent: 2) == "{\n  \"k\": []\n}")
  }
}
