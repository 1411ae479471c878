/// Applies small-cell protection to a cross-tabulation of quasi-identifiers
/// (age band, sex, body part, station) per day. A cell whose count is
/// below the threshold could single out a patient, so it never leaves the
/// site: its count moves to that day's `*` row, which keeps totals exact
/// while hiding which combination the small cells had.
public struct SmallCellSuppressor {
  public let minimumCount: Int

  public init(minimumCount: Int) {
    self.minimumCount = max(1, minimumCount)
  }

  /// One cell of the cross-tabulation.
  public struct Cell: Equatable, Sendable {
    public var day: String
    public var attributes: [String]
    public var count: Int

    public init(day: String, attributes: [String], count: Int) {
      self.day = day
      self.attributes = attributes
      self.count = count
    }
  }

  public static let suppressedValue = "*"

  /// Returns the cells to export, sorted by day then attributes, with
  /// each day's small cells merged into one `*` cell.
  public func suppress(_ cells: [Cell]) -> [Cell] {
    var kept: [Cell] = []
    var suppressedByDay: [String: (count: Int, width: Int)] = [:]
    for cell in cells where cell.count > 0 {
      if cell.count >= minimumCount {
        kept.append(cell)
      } else {
        let previous = suppressedByDay[cell.day] ?? (0, cell.attributes.count)
        suppressedByDay[cell.day] = (previous.count + cell.count, previous.width)
      }
    }
    for (day, suppressed) in suppressedByDay {
      let attributes = Array(repeating: Self.suppressedValue, count: suppressed.width)
      kept.append(Cell(day: day, attributes: attributes, count: suppressed.count))
    }
    return kept.sorted { ($0.day, $0.attributes.joined(separator: "\u{1F}")) < ($1.day, $1.attributes.joined(separator: "\u{1F}")) }
  }
}
