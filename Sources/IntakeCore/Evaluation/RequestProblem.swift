/// Why a request's facts cannot be screened as given. Wording lives in `Locales/` under
/// `request.<code>`.
public struct RequestProblem: Sendable, Equatable, Error {
  public var code: String
  public var arguments: [String: String]

  public init(_ code: String, _ arguments: [String: String]) {
    self.code = code
    self.arguments = arguments
  }

  public static func unknownFact(_ fact: String, known: [String]) -> RequestProblem {
    RequestProblem(
      "unknown-fact",
      ["fact": fact, "expected": known.joined(separator: ", "), "suggestion": Suggestion.nearest(to: fact, in: known) ?? ""])
  }

  public static func invalidValue(_ fact: String, _ value: String, expected: String) -> RequestProblem {
    RequestProblem("invalid-value", ["fact": fact, "value": value, "expected": expected])
  }

  public static func derivedFact(_ fact: String) -> RequestProblem {
    RequestProblem("derived-fact", ["fact": fact])
  }
}
