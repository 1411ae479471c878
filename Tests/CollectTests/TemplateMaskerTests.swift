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
    #expect(masker.template(of: "study for patient Ivanov Ivan done") == "study for patient <*> done")
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
