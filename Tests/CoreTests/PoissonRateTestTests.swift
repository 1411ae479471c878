import Testing

@testable import Core

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct PoissonRateTestTests {
  @Test func poissonRateTestSides() throws {
    let greater = PoissonRateTest.test(count: 0, rate: 2, alternative: .greater)
    #expect(greater.pValue == 1)
    let less = try #require(PoissonRateTest.test(count: 0, rate: 2, alternative: .less).pValue)
    #expect(abs(less - exp(-2)) < 1e-15)
    let twoSided = try #require(PoissonRateTest.test(count: 0, rate: 2).pValue)
    #expect(abs(twoSided - 2 * exp(-2)) < 1e-15)
    #expect(PoissonRateTest.test(count: 3, rate: 0).undefinedReason != nil)
    #expect(PoissonRateTest.test(count: 3, rate: .nan).undefinedReason != nil)
  }
}
