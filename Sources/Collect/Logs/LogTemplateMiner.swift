/// Counts events by template. Each event's template comes from the
/// masker alone (or from its traceback), so memory grows with the number
/// of distinct templates, not with the number of lines. `refinedTemplates`
/// then merges templates that differ only in a many-valued word.
public struct LogTemplateMiner {
  /// Distinct templates in the order first seen, as UTF-8 bytes.
  public private(set) var templates: [[UInt8]] = []
  /// Events per template, by index into `templates`.
  public private(set) var counts: [Int] = []
  private var indexByHash = HashIndex()
  private var scratch: [UInt8] = []
  private let masker = TemplateMasker()

  public init() {}

  /// Adds an event and returns the index of its template.
  @discardableResult
  public mutating func add(_ event: LogEvent) -> Int {
    scratch.removeAll(keepingCapacity: true)
    if let exception = event.exception {
      scratch.append(contentsOf: exception.template.utf8)
    } else {
      masker.appendTemplate(of: event.message, to: &scratch)
    }
    return addTemplate()
  }

  /// Adds a message without header and returns the index of its template.
  @discardableResult
  public mutating func add(message: [UInt8]) -> Int {
    scratch.removeAll(keepingCapacity: true)
    masker.appendTemplate(of: message, to: &scratch)
    return addTemplate()
  }

  private mutating func addTemplate() -> Int {
    var hash = Fingerprint(of: scratch).value
    // Probing on to the next hash on the rare 64-bit collision keeps two
    // templates apart.
    while let index = indexByHash.value(for: hash) {
      if templates[index] == scratch {
        counts[index] += 1
        return index
      }
      hash &+= 1
    }
    let index = templates.count
    indexByHash.insert(index, for: hash)
    templates.append(scratch)
    counts.append(1)
    return index
  }

  /// Returns the refined template of each template, by index.
  public func refinedTemplates(refiner: TemplateRefiner = TemplateRefiner()) -> [String] {
    let texts = templates.map { String(decoding: $0, as: UTF8.self) }
    return refiner.refine(texts)
  }
}

/// A map from 64-bit template hashes to template indices, with open
/// addressing on the hash's low bits. The hashes are already uniform, so
/// this skips the second hashing that `Dictionary` does on every lookup.
struct HashIndex {
  private var keys = [UInt64](repeating: 0, count: 1024)
  private var values = [Int](repeating: -1, count: 1024)
  private var count = 0

  func value(for key: UInt64) -> Int? {
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while values[slot] >= 0 {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Inserts a key that is not in the map yet.
  mutating func insert(_ value: Int, for key: UInt64) {
    if (count + 1) * 2 > keys.count { grow() }
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while values[slot] >= 0 { slot = (slot + 1) & mask }
    keys[slot] = key
    values[slot] = value
    count += 1
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
    values = [Int](repeating: -1, count: oldKeys.count * 2)
    count = 0
    for (key, value) in zip(oldKeys, oldValues) where value >= 0 { insert(value, for: key) }
  }
}
