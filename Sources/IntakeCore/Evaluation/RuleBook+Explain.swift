extension RuleBook {
  /// Every rule's result for the request last evaluated by `evaluator`, in the order the
  /// engine runs them (derivations first), with the first failing condition of each rule
  /// that did not hold and the unknown facts of each rule left undecided.
  public func trace(_ evaluator: Evaluator) -> [RuleTrace] {
    (derivations + actions).map { trace($0, evaluator.table) }
  }

  /// Why a service is not recommended (or why it is): the trace of every rule recommending it.
  public func whyNot(service: String, _ evaluator: Evaluator) -> [RuleTrace] {
    actions.filter {
      if case .recommend(let s, _) = $0.effect { return services[s].id == service }
      return false
    }.map { trace($0, evaluator.table) }
  }

  /// The rules that recommend a service, derive a fact or refer somewhere, by id.
  public func rules(recommending service: String) -> [Rule] {
    rules.filter {
      if case .recommend(let s, _) = $0.action { return s == service }
      return false
    }
  }

  func trace(_ rule: CompiledRule, _ table: FactTable) -> RuleTrace {
    let result = program.evaluate(rule.root, table)
    switch result {
    case .true:
      return RuleTrace(rule: rule.id, result: .true)
    case .false:
      return RuleTrace(rule: rule.id, result: .false, failed: failure(rule.root, wantTrue: true, table))
    case .unknown:
      let unknown = facts.indices.filter { rule.factMask & (1 &<< UInt64($0)) != 0 && !table.isKnown($0) }.map { facts[$0].id }
      return RuleTrace(rule: rule.id, result: .unknown, unknownFacts: unknown)
    }
  }

  /// The first leaf that made node `index` go against `wantTrue`.
  private func failure(_ index: Int, wantTrue: Bool, _ table: FactTable) -> FailedCondition? {
    let node = program.nodes[index]
    let kids = (Int(node.first)..<Int(node.first + node.count)).map { Int(program.children[$0]) }
    switch node.op {
    case .all, .any:
      // The child that decided the result: the first one evaluating against the wish. Of
      // several (an `any` that failed), one testing a value rather than mere presence
      // ("unknown: true") says more.
      let against: Tri = wantTrue ? .false : .true
      let failures = kids.filter { program.evaluate($0, table) == against }.compactMap { failure($0, wantTrue: wantTrue, table) }
      return failures.first { $0.leaf.op != .known && $0.leaf.op != .unknown } ?? failures.first
    case .not:
      return kids.first.flatMap { failure($0, wantTrue: !wantTrue, table) }
    default:
      guard let leaf = program.sources[index] else { return nil }
      return FailedCondition(leaf: leaf, heldUnderNot: !wantTrue, seen: display(Int(node.fact), table))
    }
  }

  /// A fact's value as written in requests, or "unknown".
  public func display(_ fact: Int, _ table: FactTable) -> String {
    guard table.isKnown(fact) else { return "unknown" }
    let definition = facts[fact]
    let slot = table.slots[fact]
    switch definition.kind {
    case .choice: return definition.values[slot]
    case .bool: return slot != 0 ? "true" : "false"
    case .integer: return String(slot)
    case .text: return table.texts[fact] ?? ""
    case .set:
      let mask = UInt64(truncatingIfNeeded: slot)
      return "[" + definition.values.indices.filter { mask & (1 &<< UInt64($0)) != 0 }.map { definition.values[$0] }.joined(separator: ", ")
        + "]"
    }
  }
}
