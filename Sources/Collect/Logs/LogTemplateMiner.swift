/// Counts events by template. Each event's template comes from the
/// masker alone (or from its traceback), so memory grows with the number
/// of distinct templates, not with the number of lines. `refinedTemplates`
/// then merges templates that differ only in a many-valued word.
public struct LogTemplateMiner {
  /// Distinct templates in the order first seen, as UTF-8 bytes.
  public private(set) var templates: [[UInt8]] = []
  /// Events per template, by index into `templates`.
  public private(set) var counts: [Int] = []
  private var indexByHash: [UInt64: Int] = [:]
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
    // Linear probing on the rare 64-bit collision keeps templates apart.
    while let index = indexByHash[hash] {
      if templates[index] == scratch {
        counts[index] += 1
        return index
      }
      hash &+= 1
    }
    let index = templates.count
    indexByHash[hash] = index
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
