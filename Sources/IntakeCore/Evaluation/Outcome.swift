/// What the rules decide for one request (outcome schema v1).
public struct Outcome: Sendable, Equatable {
  /// A rule that led to a recommendation, with its reason in the outcome's language.
  public struct Because: Sendable, Equatable {
    public var rule: String
    public var reason: String

    public init(rule: String, reason: String) {
      self.rule = rule
      self.reason = reason
    }
  }

  /// A recommended service or referral, and the rules behind it.
  public struct Recommendation: Sendable, Equatable {
    public var id: String
    public var because: [Because]

    public init(id: String, because: [Because]) {
      self.id = id
      self.because = because
    }
  }

  /// A service that would fit if one still-unknown fact turned out a certain way: an
  /// undecided request is never left with nothing.
  public struct Possibility: Sendable, Equatable {
    public var id: String
    /// The values that would bring the service in, each on its own (any one is enough).
    public var when: [Condition]

    public init(id: String, when: [Condition]) {
      self.id = id
      self.when = when
    }

    /// The facts it depends on, in the order of `when`, once each.
    public var facts: [String] {
      var seen: [String] = []
      for condition in when where !seen.contains(condition.fact) { seen.append(condition.fact) }
      return seen
    }
  }

  /// One still-unknown fact with the value it would need.
  public struct Condition: Sendable, Hashable {
    public var fact: String
    public var value: FactValue

    public init(fact: String, value: FactValue) {
      self.fact = fact
      self.value = value
    }
  }

  public var id: String?
  /// `in_scope`, `assess` or `out_of_scope`.
  public var jurisdiction: String
  /// `title_x`, `shepard_byrd`.
  public var jurisdictionBases: [String]
  /// The rules that decided the jurisdiction (empty when it is the default).
  public var jurisdictionBecause: [Because]
  /// `emergency`, `urgent` or `standard`.
  public var urgency: String
  public var urgencyBecause: [Because]
  /// Best fit first.
  public var services: [Recommendation]
  public var referrals: [Recommendation]
  public var office: OfficeRouting
  /// Unknown facts that could still change this outcome, in fact order.
  public var missing: [String]
  /// Services not recommended yet that one more answer would bring, in catalogue order.
  public var possibleServices: [Possibility] = []

  public init(
    id: String? = nil, jurisdiction: String, jurisdictionBases: [String] = [],
    jurisdictionBecause: [Because] = [], urgency: String, urgencyBecause: [Because] = [],
    services: [Recommendation] = [], referrals: [Recommendation] = [], office: OfficeRouting,
    missing: [String] = []
  ) {
    self.id = id
    self.jurisdiction = jurisdiction
    self.jurisdictionBases = jurisdictionBases
    self.jurisdictionBecause = jurisdictionBecause
    self.urgency = urgency
    self.urgencyBecause = urgencyBecause
    self.services = services
    self.referrals = referrals
    self.office = office
    self.missing = missing
  }
}
