/// An intake request, schema `crs-intake/1`: the facts someone gave, in their own words too.
public struct IntakeRequest: Sendable, Equatable {
  public static let schema = "crs-intake/1"

  /// The caller's id for the request, echoed in the outcome.
  public var id: String?
  /// The language the requester used (`vi` or `en`).
  public var language: String?
  /// The stated facts; an absent fact is unknown, never false.
  public var facts: [String: FactValue]
  public var narrative: String?
  public var contact: [String: String]

  public init(
    id: String? = nil, language: String? = nil, facts: [String: FactValue] = [:],
    narrative: String? = nil, contact: [String: String] = [:]
  ) {
    self.id = id
    self.language = language
    self.facts = facts
    self.narrative = narrative
    self.contact = contact
  }
}
