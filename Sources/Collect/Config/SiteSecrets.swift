#if canImport(Glibc)
  import Glibc
#endif
import Core

/// The two secrets a site keeps: the Ed25519 seed that signs bundles and
/// the key of the study pseudonyms. Each is a file of 32 random bytes,
/// mode 0600, in a folder of mode 0700. Neither ever leaves the site.
public struct SiteSecrets {
  public let signingKey: Ed25519
  public let pseudonymKey: SecretBytes

  public static let signingFile = "signing.key"
  public static let pseudonymFile = "pseudonym.key"
  static let keySize = 32

  /// Creates whichever secret files are missing and returns the names of
  /// those it created; existing files are never overwritten.
  @discardableResult
  public static func create(in folder: String) throws -> [String] {
    try FileSystem.createDirectory(folder, mode: 0o700)
    chmod(folder, 0o700)
    var created: [String] = []
    for name in [signingFile, pseudonymFile] {
      let path = FileSystem.join(folder, name)
      if FileSystem.exists(path) { continue }
      let secret = try SecretBytes.random(count: keySize)
      let bytes = secret.exposedCopy()
      try FileSystem.createExclusively(bytes, at: path, mode: 0o600)
      created.append(path)
    }
    return created
  }

  /// Reads both secrets, checking their size and that no one else can
  /// read them.
  public static func load(from folder: String) throws -> SiteSecrets {
    let seed = try readKey(FileSystem.join(folder, signingFile))
    let pseudonym = try readKey(FileSystem.join(folder, pseudonymFile))
    return SiteSecrets(signingKey: try Ed25519(seed: seed), pseudonymKey: pseudonym)
  }

  private static func readKey(_ path: String) throws -> SecretBytes {
    let status = try FileSystem.status(path, followLinks: true)
    if status.mode & 0o077 != 0 {
      throw SiteError.secretTooOpen(path: path, mode: status.mode & 0o777)
    }
    var bytes = try FileSystem.readBytes(path, limit: keySize + 1)
    defer { for index in bytes.indices { bytes[index] = 0 } }
    guard bytes.count == keySize else {
      throw SiteError.secretInvalid(path: path, size: bytes.count, expected: keySize)
    }
    return SecretBytes(copying: bytes)
  }
}
