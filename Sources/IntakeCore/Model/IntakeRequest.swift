/// An intake request, schema `crs-intake/1`: the facts someone gave, in their own words too.
public struct IntakeRequest: Sendable, Equatable {
  public static let schema = "crs-intake/1"

  /// The caller's id for the request, echoed in the outcome.
  public var id: String?
  /// The language the requester used (`vi` or `en`).
  public var language: String?
  /// The stated facts; an absent fact is unknown, never false.
  public var facts: [String: FactValue]
  /// The description the requester wrote, in their own words.
  public var narrative: String?
  /// Words the requester typed along with an answer ("có, bị đánh chảy máu"), by fact id:
  /// theirs, but not part of the description.
  public var notes: [String: String]
  public var contact: [String: String]
  /// The draft's reference, when the request was read back from a draft.
  public var reference: String?

  public init(
    id: String? = nil, language: String? = nil, facts: [String: FactValue] = [:],
    narrative: String? = nil, notes: [String: String] = [:], contact: [String: String] = [:], reference: String? = nil
  ) {
    self.id = id
    self.language = language
    self.facts = facts
    self.narrative = narrative
    self.notes = notes
    self.contact = contact
    self.reference = reference
  }
}
