/// A rule's condition as written: `all` / `any` / `not` over leaves that test one fact each.
public indirect enum Condition: Sendable, Equatable {
  case all([Condition], SourceLocation?)
  case any([Condition], SourceLocation?)
  case not(Condition, SourceLocation?)
  case leaf(Leaf)

  /// One test of one fact: `{ fact: bases, includes_any: [race, color] }`.
  public struct Leaf: Sendable, Equatable {
    public var fact: String
    public var op: RuleOperator
    public var operand: Operand
    public var location: SourceLocation?

    public init(fact: String, op: RuleOperator, operand: Operand, location: SourceLocation? = nil) {
      self.fact = fact
      self.op = op
      self.operand = operand
      self.location = location
    }
  }

  /// What a leaf compares the fact with.
  public enum Operand: Sendable, Equatable {
    case none
    case values([String])
    case bool(Bool)
    case integers([Int])
  }

  /// Every leaf, depth first, in the order written.
  public var leaves: [Leaf] {
    switch self {
    case .all(let children, _), .any(let children, _): return children.flatMap(\.leaves)
    case .not(let child, _): return child.leaves
    case .leaf(let leaf): return [leaf]
    }
  }

  /// The top-level conjuncts: the children of a top `all`, or the condition itself.
  public var conjuncts: [Condition] {
    if case .all(let children, _) = self { return children }
    return [self]
  }
}
