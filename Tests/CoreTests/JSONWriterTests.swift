import Testing

@testable import Core

@Test func jsonWriterScalars() {
  #expect(JSONWriter.compact(.null) == "null")
  #expect(JSONWriter.compact(.bool(true)) == "true")
  #expect(JSONWriter.compact(.integer(-42)) == "-42")
  #expect(JSONWriter.compact(.unsigned(18_446_744_073_709_551_615)) == "18446744073709551615")
  #expect(JSONWriter.compact(.double(0.5)) == "0.5")
  #expect(JSONWriter.compact(.double(3)) == "3")
  #expect(JSONWriter.compact(.double(.nan)) == "null")
  #expect(JSONWriter.compact(.double(.infinity)) == "null")
}

@Test func jsonWriterEscapes() {
  let text = "quote\" back\\ nl\n cr\r tab\t bell\u{07} nul\u{00} é 山 😀"
  let expected = #""quote\" back\\ nl\n cr\r tab\t bell\u0007 nul\u0000 é 山 😀""#
  #expect(JSONWriter.compact(.string(text)) == expected)
  #expect(JSONWriter.compact(.string("/")) == "\"/\"")
}

@Test func jsonWriterKeepsMemberOrder() {
  let value = JSONValue.object([
    ("b", .integer(1)), ("a", .array([.integer(1), .null])), ("c", .object([])),
  ])
  #expect(JSONWriter.compact(value) == #"{"b":1,"a":[1,null],"c":{}}"#)
}

@Test func jsonWriterPretty() {
  let value = JSONValue.object([("a", .array([.integer(1), .string("x")])), ("b", .array([]))])
  #expect(JSONWriter.pretty(value) == "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": []\n}")
}
