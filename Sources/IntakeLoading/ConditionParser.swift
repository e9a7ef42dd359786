import IntakeCore
import Yams

/// Parses a rule's `when:` into a `Condition`: `all` / `any` / `not`, or a leaf
/// `{ fact: F, <operator>: operand }` with an operator from `RuleOperator`.
extension NodeReader {
  mutating func condition(_ node: Node, context: String) -> Condition? {
    guard case .mapping = node else {
      error(.expectedMapping, node, ["context": context])
      return nil
    }
    let pairs = orderedPairs(node, context: context)
    let at = location(node)
    if pairs.count == 1, let (key, _, value) = pairs.first, ["all", "any", "not"].contains(key) {
      switch key {
      case "not":
        return condition(value, context: context).map { .not($0, at) }
      default:
        guard let items = sequence(value, context: "\(context).\(key)") else { return nil }
        if items.isEmpty { error(.emptyGroup, value, ["group": key]) }
        let children = items.compactMap { condition($0, context: context) }
        guard children.count == items.count else { return nil }
        return key == "all" ? .all(children, at) : .any(children, at)
      }
    }
    // A leaf: `fact:` plus exactly one operator key.
    var fact: String?
    var operators: [(RuleOperator, Node, Node)] = []
    for (key, keyNode, value) in pairs {
      if key == "fact" {
        fact = string(value, context: "fact")
      } else if let op = RuleOperator(rawValue: key) ?? RuleOperator.aliases[key] {
        operators.append((op, keyNode, value))
      } else {
        let expected = ["fact", "all", "any", "not"] + RuleOperator.allCases.map(\.rawValue)
        error(
          .unknownOperator, keyNode,
          [
            "operator": key, "expected": expected.joined(separator: ", "),
            "suggestion": Suggestion.nearest(to: key, in: expected) ?? "",
          ])
        return nil
      }
    }
    guard let fact else {
      if pairs.first(where: { $0.0 == "fact" }) == nil { error(.missingKey, node, ["key": "fact", "context": context]) }
      return nil
    }
    guard operators.count == 1, let (op, _, operandNode) = operators.first else {
      error(.oneOperator, node, ["fact": fact, "count": String(operators.count)])
      return nil
    }
    guard let operand = operand(operandNode, for: op) else { return nil }
    return .leaf(Condition.Leaf(fact: fact, op: op, operand: operand, location: location(node)))
  }

  /// The operand as written: booleans stay booleans, whole numbers become integers, and
  /// everything else is text; a list keeps its items' kinds.
  private mutating func operand(_ node: Node, for op: RuleOperator) -> Condition.Operand? {
    func scalarKind(_ scalar: Node.Scalar) -> (bool: Bool?, int: Int?) {
      guard scalar.style == .plain else { return (nil, nil) }
      switch scalar.string {
      case "true": return (true, nil)
      case "false": return (false, nil)
      default: return (nil, Int(scalar.string))
      }
    }
    switch node {
    case .scalar(let scalar):
      let kind = scalarKind(scalar)
      if let flag = kind.bool { return .bool(flag) }
      if let number = kind.int { return .integers([number]) }
      if scalar.style == .plain, Self.booleanWords.contains(scalar.string.lowercased()) {
        error(.booleanTrap, node, ["value": scalar.string, "context": op.rawValue])
      }
      return .values([scalar.string])
    case .sequence(let items):
      var numbers: [Int] = []
      var texts: [String] = []
      for item in items {
        guard case .scalar(let scalar) = item else {
          error(.expectedText, item, ["context": op.rawValue])
          return nil
        }
        if let number = scalarKind(scalar).int {
          numbers.append(number)
        } else if let text = string(item, context: op.rawValue) {
          texts.append(text)
        }
      }
      if !numbers.isEmpty && texts.isEmpty { return .integers(numbers) }
      if !numbers.isEmpty {
        error(.mixedOperand, node, ["operator": op.rawValue])
        return nil
      }
      if texts.isEmpty { error(.emptyGroup, node, ["group": op.rawValue]) }
      return .values(texts)
    default:
      error(.expectedText, node, ["context": op.rawValue])
      return nil
    }
  }
}
