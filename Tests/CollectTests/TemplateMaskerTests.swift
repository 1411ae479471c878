import Testing

@testable import Collect

@Suite struct TemplateMaskerTests {
  let masker = TemplateMasker()

  @Test func masksNumbersAddressesAndTimes() {
    #expect(
      masker.template(of: "Received block blk_-123 of size 67108864 from /10.0.0.1")
        == "Received block <*> of size <*> from <*>")
    #expect(masker.template(of: "connect 10.1.2.3:50010 at 12:30:01") == "connect <*> at <*>")
  }

  @Test func keepsMeaningfulWordsApart() {
    #expect(masker.template(of: "VM 42 started") == "VM <*> started")
    #expect(masker.template(of: "VM 43 paused") == "VM <*> paused")
  }

  @Test func foldsMultiWordValues() {
    let first = masker.template(of: "x.org:80 close, 2034 bytes (1.98 KB) sent, lifetime <1 sec")
    let second = masker.template(of: "y.org:80 close, 785 bytes sent, lifetime 00:39")
    #expect(first == "<*> close, <*> sent, lifetime <*>")
    #expect(second == first)
  }

  /// Adjacent variables fold into one `<*>`, so a three-word name masks
  /// to a single mark.
  @Test func masksPersonNames() {
    #expect(
      masker.template(of: "study for patient Ivanov Ivan done") == "study for patient <*> done")
    #expect(masker.template(of: "ФИО: Петров Пётр Петрович") == "ФИО: <*>")
    #expect(masker.template(of: "name=Smith state=started") == "name=<*> state=started")
    #expect(masker.template(of: "PN IVANOV^IVAN rejected") == "PN <*> rejected")
    #expect(masker.template(of: "mail to a.b@example.org failed") == "mail to <*> failed")
    #expect(masker.template(of: "opened /data/in/x.dcm") == "opened <*>")
  }

  @Test func masksQuotedValuesAfterEquals() {
    #expect(masker.template(of: "acquire tag=\"View Lock\" ok") == "acquire tag=\"<*>\" ok")
  }
}

@Suite struct SegmentClassifierTests {
  @Test(arguments: [
    ("jk2_init", false), ("blk_123", true), ("node-7", true), ("ssh2", true),
    ("rpc.statd", false), ("proxy.example.org", true), ("deadbeefcafe", true),
    ("/var/log", true), ("a@b.org", true), ("Jul", true), ("started", false),
  ])
  func classifiesSegments(text: String, expected: Bool) {
    let bytes = Array(text.utf8)
    let result = bytes.withUnsafeBufferPointer { SegmentClassifier.isVariable($0) }
    #expect(result == expected)
  }
}

@Suite struct PersonNameMaskTests {
  let masker = TemplateMasker()

  @Test(arguments: [
    ("Failed for patient 'Ivanov Ivan' again", "Failed for patient '<*> <*>' again"),
    ("Failed for patient \"Fakename Jane\" again", "Failed for patient \"<*> <*>\" again"),
    ("Failed {'patient': 'Ivanov Ivan', 'id': 3}", "Failed {'patient': '<*> <*>', 'id': <*>}"),
    ("failed name=Jane Fakename id=MRN1234567", "failed name=<*> <*> id=<*>"),
    ("failed patient:Petrov Ivan done", "failed patient:<*> <*> done"),
  ])
  func quotedAndJoinedNamesMasked(message: String, template: String) {
    #expect(masker.template(of: message) == template)
  }

  @Test func bracketedCodeAfterNameKeyStays() {
    #expect(
      masker.template(of: "Expecting attribute name [HRESULT = 0x8 - CBS_E_ITEM]")
        == "Expecting attribute name [HRESULT = <*> - CBS_E_ITEM]")
  }

  @Test func nameEndsAtLowerCaseWord() {
    #expect(
      masker.template(of: "patient: Smith John admitted to Ward") == "patient: <*> admitted to Ward"
    )
  }
}

@Suite struct DotLeaderAndMACTests {
  let masker = TemplateMasker()

  @Test func dotLeaderSeparatesValue() {
    #expect(
      masker.template(of: "icache prefetch threshold......0")
        == "icache prefetch threshold......<*>")
  }

  @Test func macAddressIsOneValue() {
    #expect(masker.template(of: "chip FF:F2:9F:16:EB:5C changed") == "chip <*> changed")
  }

  @Test func keyValueRuleSkipsCalls() {
    #expect(masker.template(of: "LOGIN chdir(/home/x) failed") == "LOGIN chdir(<*>) failed")
    #expect(masker.template(of: "invalid user 'bob', retry") == "invalid user '<*>', retry")
  }
}
