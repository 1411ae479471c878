/// A DT value, `YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]` (PS3.5 table
/// 6.2-1). Missing parts default to the first month, day or second.
public struct DICOMDateTime: Sendable, Equatable, CustomStringConvertible {
  public let date: DICOMDate
  public let time: DICOMTime?
  /// The UTC offset in minutes, when the value has one.
  public let utcOffsetMinutes: Int?

  public init?(_ text: String) {
    var body = text.trimmingCharacters(in: " \0")
    var offset: Int? = nil
    if let sign = body.lastIndex(where: { $0 == "+" || $0 == "-" }) {
      let zone = body[body.index(after: sign)...]
      guard zone.count == 4, zone.allSatisfy(\.isASCIIDigit), let hours = Int(zone.prefix(2)),
        let minutes = Int(zone.suffix(2))
      else { return nil }
      offset = (body[sign] == "-" ? -1 : 1) * (hours * 60 + minutes)
      body = String(body[..<sign])
    }
    let dateDigits = body.prefix(8)
    guard [4, 6, 8].contains(dateDigits.count), dateDigits.allSatisfy(\.isASCIIDigit)
    else { return nil }
    let padded = dateDigits + String("0101".suffix(8 - dateDigits.count))
    guard let date = DICOMDate(String(padded)) else { return nil }
    var time: DICOMTime? = nil
    if body.count > 8 {
      guard let parsed = DICOMTime(String(body.dropFirst(8))) else { return nil }
      time = parsed
    }
    self.date = date
    self.time = time
    self.utcOffsetMinutes = offset
  }

  public var description: String {
    var text = date.description
    if let time { text += "T" + time.description }
    if let offset = utcOffsetMinutes {
      text +=
        (offset < 0 ? "-" : "+") + zeroPadded(abs(offset) / 60, 2) + ":"
        + zeroPadded(abs(offset) % 60, 2)
    }
    return text
  }
}
