/// Code tables for the character sets DICOM text can use, built once from
/// the generated literals in `CharacterTables+Generated.swift` and
/// read-only afterwards.
enum CharacterTables {
  /// The ISO 8859 G1 halves, 96 code units per set, in `latinIRs` order.
  static let latin: [UInt16] = units(latinText)
  static let jisX0208: [UInt16] = units(jisX0208Text)
  static let jisX0212: [UInt16] = units(jisX0212Text)
  static let ksX1001: [UInt16] = units(ksX1001Text)
  /// The GB18030 two-byte cells, 191 per lead byte from 0x81.
  static let gb18030: [UInt16] = units(gb18030Text)
  static let gbk: [UInt16] = {
    var table = gb18030
    for (start, count) in gbkUndefinedRuns {
      for index in start..<start + count { table[index] = 0xFFFD }
    }
    for (index, unit) in gbkOtherCells { table[index] = unit }
    return table
  }()

  private static func units(_ text: String) -> [UInt16] { Array(text.utf16) }

  /// Returns the index of an ISO IR number in `latin`, or nil.
  static func latinIndex(ir: Int) -> Int? { latinIRs.firstIndex(of: ir) }

  /// Decodes a GB18030 four-byte sequence (GB 18030-2005 section 6.3.3).
  static func gb18030FourByte(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8) -> Unicode.Scalar?
  {
    let linear =
      ((UInt32(b1 - 0x81) * 10 + UInt32(b2 - 0x30)) * 126 + UInt32(b3 - 0x81)) * 10
      + UInt32(b4 - 0x30)
    if b1 >= 0x90 {
      let supplementary = 0x10000 + linear - 189_000
      return supplementary <= 0x10FFFF ? Unicode.Scalar(supplementary) : nil
    }
    var low = 0
    var high = gb18030FourByteRuns.count
    while low < high {
      let middle = (low + high) / 2
      if gb18030FourByteRuns[middle].0 <= linear { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return nil }
    let run = gb18030FourByteRuns[low - 1]
    guard linear < run.0 + run.2 else { return nil }
    return Unicode.Scalar(run.1 + linear - run.0)
  }
}
