/// An error that the command line can report as one sentence, with an
/// optional hint line. Every module's error enum conforms to it, so the
/// wording of each case lives in one place, the enum's `message`.
public protocol MedmonError: Error, CustomStringConvertible {
  /// What failed, on which value, and why: one sentence, lower case.
  var message: String { get }
  /// The flag or fix to try next, when there is an obvious one.
  var hint: String? { get }
}

extension MedmonError {
  public var hint: String? { nil }
  public var description: String { message }
}
