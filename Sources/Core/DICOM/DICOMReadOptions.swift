/// The settings of a read: where it stops and which values it loads.
public struct DICOMReadOptions: Sendable {
  /// Stops at the first top-level element at or after (7FE0,0008) Float
  /// Pixel Data, so Pixel Data and anything after it is never read.
  public var stopBeforePixelData = true
  /// When set, stops as soon as a top-level tag greater than every tag in
  /// the set has been seen.
  public var requestedTags: Set<Tag>? = nil
  /// Reads the values of bulk VRs (OB, OD, OF, OL, OV, OW, UN) longer than
  /// `bulkThreshold`; otherwise only their position and length are kept.
  public var loadBulkData = false
  public var bulkThreshold = 256
  /// The deepest sequence nesting accepted; deeper files fail with
  /// `DICOMError.nestingTooDeep` instead of exhausting the stack.
  public var maxDepth = 64
  /// The maximum inflated size of a deflated data set, as a multiple of
  /// the file size (at least 1 MiB). A header-only read succeeds when the
  /// header fits within it, even if the whole data set would not.
  /// NOTE: the inflated bytes up to this limit are kept in memory at once.
  public var maxInflationRatio = 16
  /// The character set used when (0008,0005) names no set this reader
  /// supports.
  public var fallbackCharacterSet = "ISO_IR 100"

  public init() {}

  /// Options that read every element, including Pixel Data's position,
  /// but still skip bulk values.
  public static var wholeFile: DICOMReadOptions {
    var options = DICOMReadOptions()
    options.stopBeforePixelData = false
    return options
  }

  /// The largest requested tag, when tags were requested.
  var lastRequestedTag: Tag? { requestedTags?.max() }
}
