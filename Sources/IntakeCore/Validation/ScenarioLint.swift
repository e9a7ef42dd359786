/// Checks what scenarios give against the facts of a rule set, before they run: a fact that
/// does not exist (with the nearest one suggested and every fact accepted), a fact the rules
/// decide, and a value a choice or set fact does not take; and what they expect: a service,
/// referral, region, office, urgency or missing fact that does not exist. Each problem is
/// reported where it is written, so a misspelling reads like any other mistake in `Rules/`.
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
    return diagnostics + scenarios.flatMap(expected)
  }

  /// The ids each key under `expect` takes.
  private var accepted: [String: [String]] {
    func values(_ fact: String) -> [String] { ruleSet.fact(fact)?.values ?? [] }
    let services = ruleSet.services.map(\.id)
    let referrals = ruleSet.referrals.map(\.id)
    let offices = ruleSet.offices.offices.map(\.id)
    let inputs = ruleSet.facts.filter { !$0.derived }.map(\.id)
    return [
      "jurisdiction": values("jurisdiction"), "basis": values("jurisdiction_basis"), "urgency": values("urgency"),
      "services": services, "services_include": services, "services_exclude": services, "services_first": services,
      "possible_services_include": services, "possible_services_exclude": services, "referrals": referrals,
      "referrals_include": referrals, "referrals_exclude": referrals, "region": ruleSet.offices.regions.map(\.id),
      "office": offices, "field_office": offices, "missing": inputs, "missing_include": inputs, "missing_exclude": inputs,
    ]
  }

  /// The ids a scenario expects that do not exist, each with the nearest one and the list.
  private func expected(_ scenario: Scenario) -> [Diagnostic] {
    let expect = scenario.expect
    let written: [(String, [String])] = [
      ("jurisdiction", expect.jurisdiction.map { [$0] } ?? []), ("basis", expect.basis ?? []),
      ("urgency", expect.urgency.map { [$0] } ?? []), ("services", expect.services ?? []),
      ("services_include", expect.servicesInclude), ("services_exclude", expect.servicesExclude),
      ("services_first", expect.servicesFirst.map { [$0] } ?? []),
      ("possible_services_include", expect.possibleServicesInclude),
      ("possible_services_exclude", expect.possibleServicesExclude), ("referrals", expect.referrals ?? []),
      ("referrals_include", expect.referralsInclude), ("referrals_exclude", expect.referralsExclude),
      ("region", expect.region.map { [$0] } ?? []), ("office", expect.office.map { [$0] } ?? []),
      ("field_office", (expect.fieldOffice ?? nil).map { [$0] } ?? []), ("missing", expect.missing ?? []),
      ("missing_include", expect.missingInclude), ("missing_exclude", expect.missingExclude),
    ]
    let accepted = self.accepted
    var diagnostics: [Diagnostic] = []
    for (key, ids) in written {
      guard let known = accepted[key], !known.isEmpty else { continue }
      let location = scenario.expectLocations[key] ?? scenario.location ?? SourceLocation(file: "Rules/scenarios", line: 1, column: 1)
      for id in ids where !known.contains(id) {
        diagnostics.append(
          Diagnostic(
            .error, .scenarioExpected, at: location,
            [
              "scenario": scenario.id, "key": key, "value": id, "expected": known.joined(separator: ", "),
              "suggestion": Suggestion.nearest(to: id, in: known) ?? "",
            ]))
      }
    }
    return diagnostics
  }
}
