/// A declarative rule: when its condition holds, it derives facts, recommends a service or
/// refers the requester elsewhere.
public struct Rule: Sendable, Equatable {
  public enum Action: Sendable, Equatable {
    /// Sets derived facts: a choice value, or values added to a derived set.
    case derive([(fact: String, values: [String])])
    /// Recommends a service; `weight` orders services (best fit first).
    case recommend(service: String, weight: Int)
    /// Refers to a channel for what CRS does not do.
    case refer(referral: String)

    public static func == (lhs: Action, rhs: Action) -> Bool {
      switch (lhs, rhs) {
      case (.derive(let a), .derive(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { $0.fact == $1.fact && $0.values == $1.values }
      case (.recommend(let s1, let w1), .recommend(let s2, let w2)): return s1 == s2 && w1 == w2
      case (.refer(let r1), .refer(let r2)): return r1 == r2
      default: return false
      }
    }
  }

  public var id: String
  public var condition: Condition
  public var action: Action
  /// Conflict policy for derivations: the higher priority wins, then the earlier rule.
  public var priority: Int
  public var location: SourceLocation?

  public init(
    id: String, condition: Condition, action: Action, priority: Int = 0,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.condition = condition
    self.action = action
    self.priority = priority
    self.location = location
  }
}
