import IntakeCore

/// Extra rules that never fire on generated requests, to measure how evaluation cost grows
/// with the size of a rule book: each is guarded by a state and a setting, and asks for an
/// incident more than 100,000 days old.
enum SyntheticRules {
  static func add(_ count: Int, to ruleSet: RuleSet) -> RuleSet {
    var ruleSet = ruleSet
    let states = ruleSet.fact("state")?.values ?? []
    let settings = ruleSet.fact("settings")?.values ?? []
    let services = ruleSet.services.map(\.id)
    for i in 0..<count {
      let condition = Condition.all(
        [
          .leaf(.init(fact: "state", op: .equals, operand: .values([states[i % states.count]]))),
          .leaf(.init(fact: "settings", op: .includes, operand: .values([settings[i % settings.count]]))),
          .leaf(.init(fact: "incident_days_ago", op: .atLeast, operand: .integers([100_000 + i]))),
        ], nil)
      ruleSet.rules.append(
        Rule(id: "synthetic.\(i)", condition: condition, action: .recommend(service: services[i % services.count], weight: 10)))
    }
    return ruleSet
  }
}
