/// One way a request's outcome differs between the base and the working rules.
public enum ImpactChange: Sendable, Hashable {
  /// The part of the outcome that changed; its raw value is the name JSON output uses.
  public enum Field: String, Sendable, Hashable, CaseIterable {
    case services, jurisdiction
    case jurisdictionBases = "jurisdiction_bases"
    case urgency, referrals, region, office
    case fieldOffice = "field_office"
    case missing
    /// Whether the request could be screened at all (its facts fit each side's facts).
    case request
  }

  /// An id the working outcome has and the base one does not (a service, a referral, a fact).
  case added(Field, String)
  /// An id the base outcome has and the working one does not.
  case removed(Field, String)
  /// The same services in another order, best fit first.
  case reordered(Field, before: [String], after: [String])
  /// A single value that differs; nil is "none" (no field office).
  case changed(Field, before: String?, after: String?)

  public var field: Field {
    switch self {
    case .added(let field, _), .removed(let field, _), .reordered(let field, _, _), .changed(let field, _, _): return field
    }
  }

  /// The change as counted in a group's summary: a reordering counts as one kind whatever
  /// the orders were.
  public var summaryKey: ImpactChange {
    if case .reordered(let field, _, _) = self { return .reordered(field, before: [], after: []) }
    return self
  }

  /// The words `request` changes between: accepted, or rejected by one side's facts.
  public static let accepted = "accepted"
  public static let rejected = "rejected"
}
