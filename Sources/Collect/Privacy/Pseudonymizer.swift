/// Turns identifiers into keyed pseudonyms. The key never leaves the site,
/// so the vendor cannot reverse a pseudonym, while the site can, through
/// `medmon lookup`. The same value always gets the same pseudonym.
public protocol Pseudonymizer: Sendable {
  /// Returns the study reference for a StudyInstanceUID: 16 base32
  /// characters.
  func study(_ studyUID: String) -> String

  /// Returns `p:` and 16 base32 characters for a name of the given kind
  /// (`institution`, `station`), so equal names of different kinds differ.
  func name(_ value: String, kind: String) -> String
}
