/// Merges templates that differ in one plain word which takes many
/// values at the same place, such as the user in `Failed password for
/// root from <*>`. The result depends only on the set of templates, never
/// on the order they were seen in: each round computes every merge from
/// the whole set first and then applies them all at once.
///
/// A word is masked when at least `minimumVariants` distinct words occur
/// at its position among templates that are otherwise equal, it is not
/// the first token, not a meaningful word, and at least two constant
/// tokens remain.
public struct TemplateRefiner: Sendable {
  public var minimumVariants: Int

  public init(minimumVariants: Int = 3) {
    self.minimumVariants = minimumVariants
  }

  /// Returns the refined template of each input template, by index.
  public func refine(_ templates: [String]) -> [String] {
    var tokens = templates.map { splitTokens($0) }
    var changed = true
    while changed {
      changed = false
      let variants = collectVariants(tokens)
      for index in tokens.indices {
        let current = tokens[index]
        let constants = current.filter { !$0.contains("<*>") }.count
        guard constants >= 3 else { continue }
        for position in current.indices where isCandidate(current, position) {
          let key = siblingKey(current, position)
          if (variants[key]?.count ?? 0) >= minimumVariants {
            tokens[index][position] = "<*>"
            changed = true
          }
        }
      }
    }
    return tokens.map { $0.joined(separator: " ") }
  }

  private func collectVariants(_ tokens: [[String]]) -> [String: Set<String>] {
    var variants: [String: Set<String>] = [:]
    for current in tokens {
      for position in current.indices where isCandidate(current, position) {
        variants[siblingKey(current, position), default: []].insert(current[position])
      }
    }
    return variants
  }

  private func isCandidate(_ tokens: [String], _ position: Int) -> Bool {
    // Traceback templates name an exception type, which is never a value.
    guard position > 0, tokens[0] != "Traceback" else { return false }
    let word = tokens[position]
    var bytes = Array(word.utf8)
    guard !bytes.isEmpty, bytes.allSatisfy(isPlainWordByte) else { return false }
    return bytes.withUnsafeMutableBufferPointer {
      !TemplateVocabulary.isMeaningful(UnsafeBufferPointer($0))
    }
  }

  /// The template with `position` replaced by a mark, as one string.
  private func siblingKey(_ tokens: [String], _ position: Int) -> String {
    var key = tokens
    key[position] = "\u{1}"
    return String(tokens.count) + "\u{2}" + key.joined(separator: "\u{3}")
  }

  private func splitTokens(_ template: String) -> [String] {
    template.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
  }

  private func isPlainWordByte(_ byte: UInt8) -> Bool {
    SegmentClassifier.isWordByte(byte) || byte == 0x2E || byte == 0x2D || byte >= 0x80
  }
}
