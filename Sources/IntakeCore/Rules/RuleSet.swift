/// Everything in `Rules/` as written, before compilation: the vocabulary, the catalogues, the
/// rules in file order and the office directory.
public struct RuleSet: Sendable, Equatable {
  public var facts: [FactDefinition]
  public var services: [ServiceDefinition]
  public var referrals: [ReferralDefinition]
  public var rules: [Rule]
  public var offices: OfficeDirectory

  public init(
    facts: [FactDefinition] = [], services: [ServiceDefinition] = [],
    referrals: [ReferralDefinition] = [], rules: [Rule] = [], offices: OfficeDirectory = .init()
  ) {
    self.facts = facts
    self.services = services
    self.referrals = referrals
    self.rules = rules
    self.offices = offices
  }

  public func fact(_ id: String) -> FactDefinition? { facts.first { $0.id == id } }
}
