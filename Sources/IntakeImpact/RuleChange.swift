/// How one rule's result for a request differs between the base and the working rules: the
/// engine's trace on each side, and whether the rule itself was edited.
public struct RuleChange: Sendable, Hashable {
  /// A rule's result for one request; `absent` when that side has no rule with the id.
  public enum Firing: String, Sendable, Hashable {
    case held, failed, undecided, absent
  }

  public var rule: String
  public var base: Firing
  public var working: Firing
  /// The rule's condition, action or priority differs between the two sides.
  public var edited: Bool

  public init(rule: String, base: Firing, working: Firing, edited: Bool) {
    self.rule = rule
    self.base = base
    self.working = working
    self.edited = edited
  }
}
