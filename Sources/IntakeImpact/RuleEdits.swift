import IntakeCore

/// The rules an author edited: those whose condition, action or priority differs between the
/// base and the working rules. Where a rule is written does not count, so a rule moved down a
/// file by a line added above it is not taken for an edit.
public enum RuleEdits {
  /// - Returns: the ids of rules on both sides that differ other than in position.
  public static func between(_ base: [Rule], _ working: [Rule]) -> Set<String> {
    var before: [String: Rule] = [:]
    for rule in base { before[rule.id] = rule.unplaced }
    var edited: Set<String> = []
    for rule in working {
      if let old = before[rule.id], old != rule.unplaced { edited.insert(rule.id) }
    }
    return edited
  }
}

extension Rule {
  /// The rule without its source positions.
  fileprivate var unplaced: Rule {
    var rule = self
    rule.location = nil
    rule.condition = rule.condition.unplaced
    return rule
  }
}

extension Condition {
  fileprivate var unplaced: Condition {
    switch self {
    case .all(let children, _): return .all(children.map(\.unplaced), nil)
    case .any(let children, _): return .any(children.map(\.unplaced), nil)
    case .not(let child, _): return .not(child.unplaced, nil)
    case .leaf(var leaf):
      leaf.location = nil
      return .leaf(leaf)
    }
  }
}
