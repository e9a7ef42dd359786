/// Somewhere to go for what CRS does not do (`Rules/referrals.yaml`).
public struct ReferralDefinition: Sendable, Equatable {
  public var id: String
  /// Phone numbers or addresses, shown as they are in every language.
  public var contact: String
  public var source: String
  public var location: SourceLocation?

  public init(id: String, contact: String, source: String, location: SourceLocation? = nil) {
    self.id = id
    self.contact = contact
    self.source = source
    self.location = location
  }
}
