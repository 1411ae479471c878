import Testing

@testable import Core

@Suite struct SecureRandomTests {
  @Test func fillsRequestedCount() throws {
    #expect(try SecureRandom.bytes(count: 0) == [])
    let bytes = try SecureRandom.bytes(count: 4096)
    #expect(bytes.count == 4096)
    // 4096 random bytes take every byte value with overwhelming probability
    // (the chance that one of 256 values is missing is below 1e-4).
    #expect(Set(bytes).count > 250)
  }

  @Test func successiveCallsDiffer() throws {
    #expect(try SecureRandom.bytes(count: 32) != SecureRandom.bytes(count: 32))
  }
}
