#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A distinct-count estimate (HyperLogLog) over strings hashed with
/// `StableHash`, for values whose
/// exact set would grow without bound, such as distinct patients or
/// stations per day.
///
/// With precision p it keeps 2^p registers of one byte and has a
/// relative standard error of about 1.04 / sqrt(2^p): 1.6% at the
/// default p = 12. Small counts use linear counting, which is close to
/// exact. Merging takes the register-wise maximum, so it is associative,
/// commutative and idempotent.
public struct HyperLogLog: Equatable, Sendable {
  public static let defaultPrecision = 12
  /// The allowed precisions.
  public static let precisionRange = 4...18

  public let precision: Int
  var registers: [UInt8]

  /// Creates an empty estimator with precision 12.
  public init() {
    precision = HyperLogLog.defaultPrecision
    registers = [UInt8](repeating: 0, count: 1 << precision)
  }

  /// Creates an empty estimator, checking that `precision` is in 4...18.
  public init(precision: Int) throws {
    guard HyperLogLog.precisionRange.contains(precision) else {
      throw StatisticsError.invalidParameter(
        name: "precision", value: String(precision), expected: "an integer from 4 to 18")
    }
    self.precision = precision
    registers = [UInt8](repeating: 0, count: 1 << precision)
  }

  /// The largest register value: the rank of a hash whose remaining
  /// 64 - p bits are all zero.
  var maxRank: UInt8 { UInt8(64 - precision + 1) }

  /// Adds a string value.
  public mutating func add(_ value: String) {
    addHash(StableHash.hash(value))
  }

  /// Adds a value by its 64-bit `StableHash`.
  public mutating func addHash(_ hash: UInt64) {
    let index = Int(hash >> UInt64(64 - precision))
    let rest = hash << UInt64(precision)
    let rank = Swift.min(UInt8(rest.leadingZeroBitCount + 1), maxRank)
    if rank > registers[index] { registers[index] = rank }
  }

  /// Adds every value seen by another estimator of the same precision.
  public mutating func merge(_ other: HyperLogLog) throws {
    guard precision == other.precision else {
      throw StatisticsError.incompatibleParameters(
        kind: "HyperLogLog", left: "precision=\(precision)",
        right: "precision=\(other.precision)")
    }
    for index in registers.indices where other.registers[index] > registers[index] {
      registers[index] = other.registers[index]
    }
  }

  public var isEmpty: Bool { registers.allSatisfy { $0 == 0 } }

  /// Estimates the number of distinct values added: the raw HyperLogLog
  /// estimate, or linear counting m ln(m / V) when that estimate is at
  /// most 2.5 m and V registers are still zero. 64-bit hashes make the
  /// large-range correction of 32-bit HyperLogLog unnecessary.
  public var estimate: Double {
    let m = Double(registers.count)
    var inverseSum = 0.0
    var zeros = 0
    for register in registers {
      inverseSum += Double(sign: .plus, exponent: -Int(register), significand: 1)
      if register == 0 { zeros += 1 }
    }
    let alpha = 0.7213 / (1 + 1.079 / m)
    let raw = alpha * m * m / inverseSum
    if raw <= 2.5 * m && zeros > 0 {
      return m * log(m / Double(zeros))
    }
    return raw
  }
}
