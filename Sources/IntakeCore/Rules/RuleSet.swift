/// Everything in `Rules/` as written, before compilation: the vocabulary, the catalogues, the
/// rules in file order and the office directory.
public struct RuleSet: Sendable, Equatable {
  public var facts: [FactDefinition]
  public var services: [ServiceDefinition]
  public var referrals: [ReferralDefinition]
  public var rules: [Rule]
  public var offices: OfficeDirectory
  /// The interview's questions, in the order asked.
  public var questions: [Question]
  /// Identifies the rules' content (a hash of the files), so drafts and sessions can say
  /// which rules decided them.
  public var version: String = ""

  public init(
    facts: [FactDefinition] = [], services: [ServiceDefinition] = [],
    referrals: [ReferralDefinition] = [], rules: [Rule] = [], offices: OfficeDirectory = .init(),
    questions: [Question] = []
  ) {
    self.questions = questions
    self.facts = facts
    self.services = services
    self.referrals = referrals
    self.rules = rules
    self.offices = offices
  }

  public func fact(_ id: String) -> FactDefinition? { facts.first { $0.id == id } }
}
