#if canImport(Glibc)
  import Glibc
#endif

/// Number formatting shared by findings and reports, independent of the
/// locale so that reports are the same bytes everywhere.
public enum Format {
  /// Formats with at most `digits` decimals, trailing zeros removed.
  public static func decimal(_ value: Double, digits: Int = 2) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
    let scale = pow(10, Double(digits))
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
    var text = String(rounded)
    if text.contains("e") { return text }
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// Returns `count` and `noun`, with an `s` unless the count is one.
  public static func count(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// Formats a fraction as a percentage with one decimal.
  public static func percent(_ fraction: Double) -> String {
    decimal(fraction * 100, digits: 1) + "%"
  }

  /// Formats a p-value in scientific notation below 0.001.
  public static func pValue(_ p: Double) -> String {
    guard p >= 0.001 else {
      if p <= 0 { return "< 1e-300" }
      let exponent = Int(floor(log10(p)))
      let mantissa = p / pow(10, Double(exponent))
      return decimal(mantissa, digits: 1) + "e" + String(exponent)
    }
    return decimal(p, digits: 3)
  }

  /// Rounds to four significant digits, so JSON reports do not carry
  /// noise digits.
  public static func round(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value.isFinite ? 0 : value }
    let magnitude = floor(log10(abs(value)))
    let scale = pow(10, 3 - magnitude)
    return (value * scale).rounded() / scale
  }
}
