/// Checks what scenarios give against the facts of a rule set, before they run: a fact that
/// does not exist (with the nearest one suggested and every fact accepted), a fact the rules
/// decide, and a value a choice or set fact does not take. Each problem is reported where the
/// fact is written, so a misspelling reads like any other mistake in `Rules/`.
public struct ScenarioLint {
  public let ruleSet: RuleSet

  public init(ruleSet: RuleSet) {
    self.ruleSet = ruleSet
  }

  /// The problems with the `given` facts of `scenarios`, in scenario order.
  public func run(_ scenarios: [Scenario]) -> [Diagnostic] {
    let facts = Dictionary(ruleSet.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let accepted = ruleSet.facts.filter { !$0.derived }.map(\.id)
    var diagnostics: [Diagnostic] = []
    for scenario in scenarios {
      for (id, value) in scenario.given.sorted(by: { $0.key < $1.key }) {
        let location =
          scenario.givenLocations[id] ?? scenario.location ?? SourceLocation(file: "Rules/scenarios", line: 1, column: 1)
        guard let fact = facts[id] else {
          diagnostics.append(
            Diagnostic(
              .error, .scenarioUnknownFact, at: location,
              [
                "scenario": scenario.id, "fact": id, "expected": accepted.joined(separator: ", "),
                "suggestion": Suggestion.nearest(to: id, in: accepted) ?? "",
              ]))
          continue
        }
        if fact.derived {
          diagnostics.append(Diagnostic(.error, .scenarioDerivedFact, at: location, ["scenario": scenario.id, "fact": id]))
          continue
        }
        guard fact.kind == .choice || fact.kind == .set, !fact.values.isEmpty else { continue }
        let written: [String]
        switch value {
        case .choice(let one): written = [one]
        case .set(let many): written = many
        default: continue
        }
        for given in written where !fact.values.contains(given) {
          diagnostics.append(
            Diagnostic(
              .error, .scenarioValue, at: location,
              [
                "scenario": scenario.id, "fact": id, "value": given, "expected": fact.values.joined(separator: ", "),
                "suggestion": Suggestion.nearest(to: given, in: fact.values) ?? "",
              ]))
        }
      }
    }
    return diagnostics
  }
}
