/// One result row: the values in column order and the column names.
public struct Row: Equatable, Sendable {
  public let columnNames: [String]
  public let values: [SQLiteValue]

  public init(columnNames: [String], values: [SQLiteValue]) {
    self.columnNames = columnNames
    self.values = values
  }

  public subscript(index: Int) -> SQLiteValue { values[index] }

  /// Returns the value of the first column named `name`, or nil when the row has
  /// no such column.
  public subscript(name: String) -> SQLiteValue? {
    columnNames.firstIndex(of: name).map { values[$0] }
  }
}
