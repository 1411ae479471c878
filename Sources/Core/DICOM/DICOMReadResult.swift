/// Everything a read produced: the meta group, the data set, the transfer
/// syntax it was decoded with, the tolerated problems, and the error that
/// stopped it early, if any. When `error` is set, `dataSet` contains the
/// elements read before the damage.
public struct DICOMReadResult: Sendable {
  public var path: String
  /// True when the file has the 128-byte preamble and `DICM` prefix.
  public var hasPreamble: Bool
  /// The File Meta Information group (0002,xxxx); empty for raw data sets.
  public var meta: DataSet
  public var dataSet: DataSet
  public var transferSyntax: TransferSyntax
  public var warnings: [DICOMWarning]
  public var error: DICOMError?
  /// True when the parse stopped before the end on purpose (Pixel Data or
  /// the last requested tag), not because of an error.
  public var stoppedEarly: Bool

  public init(path: String) {
    self.path = path
    self.hasPreamble = false
    self.meta = .empty
    self.dataSet = .empty
    self.transferSyntax = .explicitVRLittleEndian
    self.warnings = []
    self.error = nil
    self.stoppedEarly = false
  }
}
