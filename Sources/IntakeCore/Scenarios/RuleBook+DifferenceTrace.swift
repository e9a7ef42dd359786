extension RuleBook {
  /// The rules that decided one differing field of a scenario, in the order the engine runs
  /// them, so an author sees why the outcome differs without the whole trace: for a value the
  /// scenario wanted and did not get, every rule that could give it (why each one did not);
  /// for a value it got and did not want, the rules that gave it.
  ///
  /// - Parameters:
  ///   - field: the expectation key (`services_include`, `urgency`, `referrals`, …); fields no
  ///     rule decides (the office, `missing`) have no trace.
  ///   - wanted: values expected and missing from the outcome.
  ///   - unwanted: values in the outcome and not expected.
  ///   - evaluator: the evaluator that has just evaluated the scenario.
  /// - Returns: one step per relevant rule.
  public func differenceTrace(field: String, wanted: [String], unwanted: [String], _ evaluator: Evaluator) -> [RuleTrace] {
    guard let gives = producer(of: field) else { return [] }
    var steps: [RuleTrace] = []
    for rule in derivations + actions {
      let forWanted = wanted.contains { gives(rule, $0) }
      guard forWanted || unwanted.contains(where: { gives(rule, $0) }) else { continue }
      let step = trace(rule, evaluator.table)
      if forWanted || step.result == .true { steps.append(step) }
    }
    return steps
  }

  /// Whether a rule gives a value of the outcome field an expectation key checks.
  private func producer(of field: String) -> ((CompiledRule, String) -> Bool)? {
    switch field {
    case "services", "services_include", "services_exclude", "services_first", "possible_services_include",
      "possible_services_exclude":
      return { rule, value in
        if case .recommend(let service, _) = rule.effect { return self.services[service].id == value }
        return false
      }
    case "referrals", "referrals_include", "referrals_exclude":
      return { rule, value in
        if case .refer(let referral) = rule.effect { return self.referrals[referral].id == value }
        return false
      }
    case "jurisdiction": return jurisdictionFact.map(deriving)
    case "basis": return jurisdictionBasisFact.map(deriving)
    case "urgency": return urgencyFact.map(deriving)
    default: return nil
    }
  }

  /// Whether a rule derives `value` for the fact at `fact` (a choice, or one value of a set).
  private func deriving(_ fact: Int) -> (CompiledRule, String) -> Bool {
    let values = facts[fact].values
    return { rule, value in
      guard case .derive(let choices, let sets) = rule.effect, let index = values.firstIndex(of: value) else { return false }
      return choices.contains { $0.fact == fact && $0.value == index }
        || sets.contains { $0.fact == fact && $0.mask & (1 &<< UInt64(index)) != 0 }
    }
  }
}
