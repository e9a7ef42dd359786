import IntakeCore

/// One request screened with both rule sets, with where it came from, so that a change can be
/// traced back to a scenario, a line of a file, a saved session or a generated request.
public struct ImpactSubject: Sendable {
  /// Where a request came from.
  public enum Origin: Sendable, Equatable {
    /// A scenario test, by id, with its file:line.
    case scenario(id: String, location: String?)
    /// A record of a request file (JSON Lines, a JSON array, a saved draft), by line.
    case record(file: String, line: Int, id: String?)
    /// A saved interview session's answers.
    case session(file: String, id: String)
    /// The `index`-th generated request (from 1) of `--generate N --seed S`.
    case generated(index: Int)
  }

  public var origin: Origin
  public var request: IntakeRequest

  public init(origin: Origin, request: IntakeRequest) {
    self.origin = origin
    self.request = request
  }
}
