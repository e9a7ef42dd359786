/// How one rule fared for one request: whether it held, and if not, why.
public struct RuleTrace: Sendable, Equatable {
  public var rule: String
  public var result: Tri
  /// For a rule that did not hold: the first condition that failed and the value it saw.
  public var failed: FailedCondition?
  /// For a rule left undecided: the unknown facts it tests.
  public var unknownFacts: [String]

  public init(rule: String, result: Tri, failed: FailedCondition? = nil, unknownFacts: [String] = []) {
    self.rule = rule
    self.result = result
    self.failed = failed
    self.unknownFacts = unknownFacts
  }
}

/// A condition leaf that went against its rule, with the value the request had.
public struct FailedCondition: Sendable, Equatable, CustomStringConvertible {
  public var leaf: Condition.Leaf
  /// True when the leaf held but sat under a `not`.
  public var heldUnderNot: Bool
  /// The request's value of the leaf's fact, as written in requests; "unknown" when none.
  public var seen: String

  public init(leaf: Condition.Leaf, heldUnderNot: Bool, seen: String) {
    self.leaf = leaf
    self.heldUnderNot = heldUnderNot
    self.seen = seen
  }

  /// The leaf as written in YAML, e.g. `bases includes_any [race, color]`.
  public var condition: String {
    let operand: String
    switch leaf.operand {
    case .none: operand = ""
    case .bool(let flag): operand = flag ? "true" : "false"
    case .values(let values):
      operand = values.count == 1 && leaf.op != .includesAny && leaf.op != .in ? values[0] : "[" + values.joined(separator: ", ") + "]"
    case .integers(let numbers):
      operand = numbers.count == 1 ? String(numbers[0]) : "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    }
    let text = "\(leaf.fact) \(leaf.op.rawValue) \(operand)".trimmingSuffixSpace
    return heldUnderNot ? "not (\(text))" : text
  }

  public var description: String { "\(condition) (\(seen))" }
}

extension String {
  fileprivate var trimmingSuffixSpace: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
