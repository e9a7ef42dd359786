/// Somewhere to go for what CRS does not do (`Rules/referrals.yaml`).
public struct ReferralDefinition: Sendable, Equatable {
  public var id: String
  /// Phone numbers or addresses, shown as they are in every language.
  public var contact: String
  public var source: String
  /// A U.S. office or number (911, the police, a federal agency): of no use outside the United
  /// States, so `check` warns when a rule can give it for `state: outside_us`.
  public var usOnly: Bool
  public var location: SourceLocation?

  public init(id: String, contact: String, source: String, usOnly: Bool = false, location: SourceLocation? = nil) {
    self.id = id
    self.contact = contact
    self.source = source
    self.usOnly = usOnly
    self.location = location
  }
}
