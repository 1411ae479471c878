import Glibc
import Testing

@testable import Collect

@Suite struct GlobMatcherTests {
  @Test(arguments: [
    ("*.log", "app.log", true), ("*.log", "app.log.1", false), ("app?.log", "app1.log", true),
    ("app[0-9].log", "app7.log", true), ("app[!0-9].log", "app7.log", false),
    ("app[!0-9].log", "appx.log", true), ("*", ".hidden", false), (".*", ".hidden", true),
    ("a\\*b", "a*b", true), ("a\\*b", "axb", false), ("*x*y*", "axbyc", true),
  ])
  func matchesNames(pattern: String, name: String, expected: Bool) throws {
    #expect(try GlobMatcher(pattern).matches(name) == expected)
  }

  @Test func unclosedSetIsInvalid() {
    #expect(throws: LogError.self) { try GlobMatcher("app[0-9.log") }
  }

  @Test func expandsDirectoriesAndDoubleStar() throws {
    var template = Array("/tmp/medmon-glob-XXXXXX".utf8CString)
    let root = template.withUnsafeMutableBufferPointer {
      String(cString: mkdtemp($0.baseAddress!)!)
    }
    defer { _ = system("rm -rf '\(root)'") }
    #expect(
      system(
        "mkdir -p '\(root)/a/b' && touch '\(root)/x.log' '\(root)/a/y.log' '\(root)/a/b/z.log' '\(root)/a/b/z.log.1'"
      ) == 0)
    #expect(try GlobMatcher.expand(root + "/*.log") == [root + "/x.log"])
    #expect(
      try GlobMatcher.expand(root + "/**/*.log") == [
        root + "/a/b/z.log", root + "/a/y.log", root + "/x.log",
      ])
    #expect(try GlobMatcher.expand(root + "/a/y.log") == [root + "/a/y.log"])
    #expect(try GlobMatcher.expand(root + "/missing/*.log") == [])
  }
}
