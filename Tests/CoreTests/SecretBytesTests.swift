import Testing

@testable import Core

@Suite struct SecretBytesTests {
  @Test func copiesAndCompares() {
    let first = SecretBytes(copying: [1, 2, 3])
    let same = SecretBytes(copying: [1, 2, 3])
    let other = SecretBytes(copying: [1, 2, 4])
    #expect(first.count == 3)
    #expect(first.exposedCopy() == [1, 2, 3])
    #expect(first.constantTimeEquals(same))
    #expect(!first.constantTimeEquals(other))
    #expect(!first.constantTimeEquals(SecretBytes(copying: [1, 2])))
  }

  @Test func emptySecretHasNoBytes() {
    let empty = SecretBytes(count: 0)
    #expect(empty.count == 0)
    #expect(empty.exposedCopy() == [])
    #expect(empty.constantTimeEquals(SecretBytes(copying: [])))
  }

  @Test func randomSecretsDiffer() throws {
    let first = try SecretBytes.random(count: 32)
    let second = try SecretBytes.random(count: 32)
    #expect(first.count == 32)
    #expect(!first.constantTimeEquals(second))
    #expect(first.exposedCopy() != [UInt8](repeating: 0, count: 32))
  }
}
