import Testing

@testable import Core

@Suite struct TOMLParserTests {
  @Test func parsesTablesAndScalarTypes() throws {
    let root = try TOMLParser.parse(
      """
      # site settings
      title = "Regional \\"North\\" \\u00e9"
      [site]
      name = 'C:\\raw'   # literal string
      k = 5
      ratio = 0.25
      big = 1_000_000
      negative = -3
      exponent = 1e3
      enabled = true
      [site.paths]
      roots = [
        "/srv/a",  # first
        "/srv/b",
      ]
      """)
    #expect(root["title"] == .string("Regional \"North\" é"))
    guard case .table(let site)? = root["site"] else {
      Issue.record("missing [site]")
      return
    }
    #expect(site["name"] == .string("C:\\raw"))
    #expect(site["k"] == .integer(5))
    #expect(site["ratio"] == .float(0.25))
    #expect(site["big"] == .integer(1_000_000))
    #expect(site["negative"] == .integer(-3))
    #expect(site["exponent"] == .float(1000))
    #expect(site["enabled"] == .boolean(true))
    guard case .table(let paths)? = site["paths"] else {
      Issue.record("missing [site.paths]")
      return
    }
    #expect(paths["roots"] == .array([.string("/srv/a"), .string("/srv/b")]))
  }

  @Test func parsesMultilineStringsAndDottedKeys() throws {
    let root = try TOMLParser.parse(
      """
      a.b = \"\"\"
      one
      two\"\"\"
      c = '''
      raw \\n'''
      """)
    guard case .table(let a)? = root["a"] else {
      Issue.record("missing a")
      return
    }
    #expect(a["b"] == .string("one\ntwo"))
    #expect(root["c"] == .string("raw \\n"))
  }

  @Test func positionOfKeyRecorded() throws {
    let root = try TOMLParser.parse("\n\n  name = \"x\"\n")
    #expect(root.positions["name"] == TOMLPosition(line: 3, column: 3))
  }

  @Test(arguments: [
    ("name = \"open", 1, 8, "unterminated string"),
    ("[site]\nname = 1\nname = 2", 3, 1, "defined twice"),
    ("x = 1 y = 2", 1, 7, "unexpected 'y'"),
    ("x = {a = 1}", 1, 5, "inline tables"),
    ("[[items]]", 1, 2, "arrays of tables"),
    ("x = 012", 1, 5, "invalid number '012'"),
    ("x = [1, 2", 1, 10, "expected ',' or ']'"),
    ("x = \"\\q\"", 1, 8, "invalid escape"),
    ("= 3", 1, 1, "expected a key"),
    ("[a]\n[a]", 2, 4, "defined twice"),
  ])
  func rejectsWithPosition(text: String, line: Int, column: Int, detail: String) {
    do {
      _ = try TOMLParser.parse(text, path: "medmon.toml")
      Issue.record("accepted invalid TOML: \(text)")
    } catch let error as ConfigError {
      guard case .syntax(let path, let position, let message) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(path == "medmon.toml")
      #expect(position == TOMLPosition(line: line, column: column))
      #expect(message.contains(detail), "\(message)")
    } catch {
      Issue.record("unexpected error type \(error)")
    }
  }

  @Test func sectionReportsWrongTypeAndUnknownKeys() throws {
    let root = try TOMLParser.parse("[privacy]\nk = \"five\"\nkk = 3\n", path: "m.toml")
    let privacy = try TOMLSection(root, name: "", path: "m.toml").section("privacy")
    #expect(
      throws: ConfigError.wrongType(
        path: "m.toml", key: "privacy.k", position: TOMLPosition(line: 2, column: 1),
        expected: "an integer", actual: "a string")
    ) {
      try privacy.integer("k")
    }
    let unknown = privacy.unknownKeys()
    #expect(unknown.map(\.key) == ["privacy.kk"])
    #expect(unknown.first?.position == TOMLPosition(line: 3, column: 1))
  }

  @Test func integerRangeChecked() throws {
    let root = try TOMLParser.parse("k = 0\n", path: "m.toml")
    let section = TOMLSection(root, name: "privacy", path: "m.toml")
    #expect(throws: ConfigError.self) { try section.integer("k", in: 2...100) }
  }
}
