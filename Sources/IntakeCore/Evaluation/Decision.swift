/// What one evaluation decided, as indices into the rule book rather than words: the outcome
/// before it is worded. `Outcome(_:id:book:catalog:language:)` words it; a batch writer can
/// instead render it from ids and texts it resolved once. Kept and refilled request after
/// request (`Evaluator.decide(into:)`), so deciding allocates nothing once its arrays have grown.
public struct Decision: Sendable {
  /// A rule that held, and what it gives: a service or a referral (indices into
  /// `RuleBook.services` / `RuleBook.referrals`).
  public struct Reason: Sendable, Equatable {
    /// The rule: an index into `RuleBook.rules`.
    public var rule: Int
    public var target: Int
    public var isReferral: Bool
  }

  /// A derived fact the outcome shows (jurisdiction, its bases, urgency).
  public struct Derived: Sendable, Equatable {
    /// The fact, when the rule book has it.
    public var fact: Int?
    /// Its slot when a rule decided it; nil when none did (the outcome shows the fact's default).
    public var slot: Int?
    /// The derivation rules that gave it its value, in the order they ran: indices into `RuleBook.rules`.
    public var reasons: [Int] = []
  }

  /// A service that one unknown fact at one value would bring (`Outcome.Possibility`).
  public struct Possibility: Sendable, Equatable {
    public var service: Int
    public var fact: Int
    public var slot: Int
  }

  /// Services recommended, best first (highest weight, then catalogue order).
  public internal(set) var services: [Int] = []
  /// Referrals given, in catalogue order.
  public internal(set) var referrals: [Int] = []
  /// The action rules that held, in rule order: the reasons of `services` and `referrals`.
  public internal(set) var reasons: [Reason] = []
  public internal(set) var jurisdiction = Derived()
  public internal(set) var jurisdictionBasis = Derived()
  public internal(set) var urgency = Derived()
  /// The value index of the `state` fact and the text of the `city` fact, when known: what
  /// the office is routed by (`RuleBook.routing(state:city:)`).
  public internal(set) var state: Int?
  public internal(set) var city: String?
  /// Unknown input facts that could still change the outcome (bit `f` for fact `f`).
  public internal(set) var missing: UInt64 = 0
  /// Services one more answer would bring, by service (catalogue order), each service's
  /// values in the order they were tried.
  public internal(set) var possibilities: [Possibility] = []

  public init() {}
}
