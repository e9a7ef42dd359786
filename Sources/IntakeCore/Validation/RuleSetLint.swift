/// Checks a rule set as a whole, beyond what compiling it resolves: duplicate rule ids,
/// services and referrals no rule reaches, states that do not route, rules that can never
/// hold or never take effect, derivations in conflict, and texts missing from `Locales/`.
public struct RuleSetLint {
  public let ruleSet: RuleSet
  public let catalog: MessageCatalog

  public init(ruleSet: RuleSet, catalog: MessageCatalog) {
    self.ruleSet = ruleSet
    self.catalog = catalog
  }

  public func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    diagnostics += duplicateRules()
    diagnostics += reachability()
    diagnostics += routing()
    diagnostics += ruleEffects()
    diagnostics += knowledge()
    diagnostics += localeCoverage()
    return diagnostics
  }

  private var fallback: SourceLocation { SourceLocation(file: "Rules", line: 1, column: 1) }

  private func duplicateRules() -> [Diagnostic] {
    var seen: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []
    for rule in ruleSet.rules {
      let location = rule.location ?? fallback
      if let first = seen[rule.id] {
        diagnostics.append(Diagnostic(.error, .duplicateID, at: location, ["id": rule.id, "first": first.description]))
      } else {
        seen[rule.id] = location
      }
    }
    return diagnostics
  }

  /// Every service and referral must be reachable by some rule.
  private func reachability() -> [Diagnostic] {
    var recommended = Set<String>()
    var referred = Set<String>()
    for rule in ruleSet.rules {
      switch rule.action {
      case .recommend(let service, _): recommended.insert(service)
      case .refer(let referral): referred.insert(referral)
      case .derive: break
      }
    }
    var diagnostics: [Diagnostic] = []
    for service in ruleSet.services where !recommended.contains(service.id) {
      diagnostics.append(Diagnostic(.error, .serviceUnreachable, at: service.location ?? fallback, ["service": service.id]))
    }
    for referral in ruleSet.referrals where !referred.contains(referral.id) {
      diagnostics.append(Diagnostic(.error, .referralUnreachable, at: referral.location ?? fallback, ["referral": referral.id]))
    }
    return diagnostics
  }

  /// Every state value routes to an office, and every route names a state value.
  private func routing() -> [Diagnostic] {
    guard let state = ruleSet.fact("state") else { return [] }
    let directory = ruleSet.offices
    var diagnostics: [Diagnostic] = []
    for value in state.values where value != "outside_us" && directory.route(for: value) == nil {
      diagnostics.append(Diagnostic(.error, .stateUnrouted, at: state.location ?? fallback, ["state": value]))
    }
    for route in directory.states where !state.values.contains(route.state) {
      diagnostics.append(
        Diagnostic(
          .error, .unknownValue, at: route.location ?? fallback,
          [
            "fact": "state", "value": route.state, "expected": state.values.joined(separator: ", "),
            "suggestion": Suggestion.nearest(to: route.state, in: state.values) ?? "",
          ]))
    }
    let used = Set(directory.states.map(\.region) + ["national"])
    for region in directory.regions where !used.contains(region.id) {
      diagnostics.append(Diagnostic(.warning, .regionUnused, at: region.location ?? fallback, ["region": region.id]))
    }
    return diagnostics
  }

  /// Rules that can never hold, derivations another rule always overrides, and derivations
  /// of equal priority that can hold together with different values.
  private func ruleEffects() -> [Diagnostic] {
    let facts = Dictionary(ruleSet.facts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var diagnostics: [Diagnostic] = []
    // Values each derived fact can take.
    var derivable: [String: Set<String>] = [:]
    for rule in ruleSet.rules {
      if case .derive(let pairs) = rule.action {
        for pair in pairs { derivable[pair.fact, default: []].formUnion(pair.values) }
      }
    }
    let constraints = ruleSet.rules.map { ConjunctConstraints($0.condition, facts: facts) }
    for (i, rule) in ruleSet.rules.enumerated() {
      let location = rule.location ?? fallback
      if !constraints[i].satisfiable {
        diagnostics.append(Diagnostic(.warning, .ruleUnreachable, at: location, ["rule": rule.id]))
        continue
      }
      for leaf in rule.condition.leaves {
        guard let definition = facts[leaf.fact], definition.derived, case .values(let values) = leaf.operand else { continue }
        let possible = derivable[leaf.fact] ?? []
        if leaf.op != .includesAll, !values.contains(where: possible.contains) {
          diagnostics.append(
            Diagnostic(
              .warning, .ruleUnreachableDerived, at: leaf.location ?? location,
              ["rule": rule.id, "fact": leaf.fact, "value": values.joined(separator: ", ")]))
        }
      }
    }
    // Derivations of choice facts: shadowed and conflicting pairs.
    let derivations = ruleSet.rules.enumerated().compactMap { (i, rule) -> (Int, Rule, [(fact: String, values: [String])])? in
      if case .derive(let pairs) = rule.action { return (i, rule, pairs) }
      return nil
    }
    for (x, y) in candidatePairs(derivations, constraints, facts) {
      let (a, ruleA, pairsA) = derivations[x]
      let (b, ruleB, pairsB) = derivations[y]
      for pa in pairsA where facts[pa.fact]?.kind == .choice {
        for pb in pairsB where pb.fact == pa.fact && pb.values != pa.values {
          guard constraints[a].compatible(with: constraints[b]) else { continue }
          let (winner, loser, loserIndex) = ruleA.priority >= ruleB.priority ? (ruleA, ruleB, b) : (ruleB, ruleA, a)
          let winnerConjuncts = winner.condition.conjuncts
          let loserConjuncts = ruleSet.rules[loserIndex].condition.conjuncts
          if winnerConjuncts.allSatisfy({ c in loserConjuncts.contains { same($0, c) } }) {
            diagnostics.append(
              Diagnostic(
                .warning, .ruleShadowed, at: loser.location ?? fallback,
                ["rule": loser.id, "by": winner.id, "fact": pa.fact]))
          } else if ruleA.priority == ruleB.priority {
            diagnostics.append(
              Diagnostic(
                .warning, .derivationConflict, at: ruleB.location ?? fallback,
                [
                  "rule": ruleB.id, "other": ruleA.id, "fact": pa.fact,
                  "value": pb.values.joined(separator: ", "), "other_value": pa.values.joined(separator: ", "),
                ]))
          }
        }
      }
    }
    return diagnostics
  }

  /// The pairs of derivations (positions in `derivations`, in the order the pairwise check
  /// visits them) that can give one choice fact different values and might hold together.
  /// Indexed instead of tried all against all (40,000 rules took minutes): derivations are
  /// grouped by the fact and values they give, and by the one value they pin of the choice fact
  /// most of them pin (`state: CA`); two that pin different values never hold together, so
  /// their pair is not built. The pairs left are exactly those the full check could report on.
  private func candidatePairs(
    _ derivations: [(Int, Rule, [(fact: String, values: [String])])], _ constraints: [ConjunctConstraints],
    _ facts: [String: FactDefinition]
  ) -> [(Int, Int)] {
    // The value a derivation pins of a fact: known, and one value allowed.
    func pinned(_ constraint: ConjunctConstraints, _ fact: String) -> Int? {
      guard let domain = constraint.domains[fact], domain.mustBeKnown, !domain.mustBeUnknown else { return nil }
      let allowed = domain.allowed & domain.allowedIfKnown
      return allowed.nonzeroBitCount == 1 ? allowed.trailingZeroBitCount : nil
    }
    var pinCounts: [String: Int] = [:]
    for (rule, _, _) in derivations {
      for (fact, _) in constraints[rule].domains where facts[fact]?.kind == .choice && pinned(constraints[rule], fact) != nil {
        pinCounts[fact, default: 0] += 1
      }
    }
    let pinFact = pinCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    let pins = derivations.map { derivation in pinFact.flatMap { pinned(constraints[derivation.0], $0) } }
    // Per choice fact given: (position, key of the values given) in order.
    var byFact: [String: [(position: Int, values: [String])]] = [:]
    for (position, derivation) in derivations.enumerated() {
      for pair in derivation.2 where facts[pair.fact]?.kind == .choice {
        byFact[pair.fact, default: []].append((position, pair.values))
      }
    }
    var pairs = Set<Int>()
    let count = derivations.count
    for (_, givers) in byFact {
      var byPin: [Int: [Int]] = [:]
      var unpinned: [Int] = []
      for (i, giver) in givers.enumerated() {
        let earlier = pins[giver.position].map { (byPin[$0] ?? []) + unpinned } ?? Array(0..<i)
        for j in earlier where givers[j].values != giver.values && givers[j].position != giver.position {
          pairs.insert(givers[j].position * count + giver.position)
        }
        if let pin = pins[giver.position] { byPin[pin, default: []].append(i) } else { unpinned.append(i) }
      }
    }
    return pairs.sorted().map { ($0 / count, $0 % count) }
  }

  /// Knowledge mistakes: a service that can be recommended while the situation is outside
  /// CRS's jurisdiction, and a U.S. office or number that can be given for a situation outside
  /// the United States.
  private func knowledge() -> [Diagnostic] {
    let facts = Dictionary(ruleSet.facts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    func given(_ fact: String, _ value: String) -> ConjunctConstraints? {
      guard facts[fact]?.values.contains(value) == true else { return nil }
      return ConjunctConstraints(.leaf(.init(fact: fact, op: .equals, operand: .values([value]))), facts: facts)
    }
    let outOfScope = given("jurisdiction", "out_of_scope")
    let abroad = given("state", "outside_us")
    let usOnly = Set(ruleSet.referrals.filter(\.usOnly).map(\.id))
    var diagnostics: [Diagnostic] = []
    for rule in ruleSet.rules {
      let constraints = ConjunctConstraints(rule.condition, facts: facts)
      let location = rule.location ?? fallback
      switch rule.action {
      case .recommend(let service, _):
        if let outOfScope, constraints.compatible(with: outOfScope) {
          diagnostics.append(Diagnostic(.warning, .serviceOutOfScope, at: location, ["rule": rule.id, "service": service]))
        }
      case .refer(let referral):
        if usOnly.contains(referral), let abroad, constraints.compatible(with: abroad) {
          diagnostics.append(Diagnostic(.warning, .referralOutsideUS, at: location, ["rule": rule.id, "referral": referral]))
        }
      case .derive:
        break
      }
    }
    return diagnostics
  }

  /// Conditions compared without their source positions.
  private func same(_ a: Condition, _ b: Condition) -> Bool {
    switch (a, b) {
    case (.leaf(let x), .leaf(let y)): return x.fact == y.fact && x.op == y.op && x.operand == y.operand
    case (.not(let x, _), .not(let y, _)): return same(x, y)
    case (.all(let xs, _), .all(let ys, _)), (.any(let xs, _), .any(let ys, _)):
      return xs.count == ys.count && zip(xs, ys).allSatisfy { same($0, $1) }
    default: return false
    }
  }

  /// The texts every fact, value, service, referral, rule, region and office needs.
  public func requiredKeys() -> [(key: String, location: SourceLocation)] {
    var keys: [(String, SourceLocation)] = []
    for fact in ruleSet.facts {
      let at = fact.location ?? fallback
      keys.append(("fact.\(fact.id).name", at))
      switch fact.kind {
      case .choice, .set: keys += fact.values.map { ("value.\(fact.id).\($0)", at) }
      case .bool: keys += [("value.\(fact.id).true", at), ("value.\(fact.id).false", at)]
      case .integer, .text: break
      }
    }
    for service in ruleSet.services {
      keys += ["name", "what", "for_whom", "length", "outcome"].map { ("service.\(service.id).\($0)", service.location ?? fallback) }
    }
    for referral in ruleSet.referrals {
      keys += ["name", "what"].map { ("referral.\(referral.id).\($0)", referral.location ?? fallback) }
    }
    for rule in ruleSet.rules {
      keys.append(("reason.\(rule.id)", rule.location ?? fallback))
    }
    for question in ruleSet.questions {
      keys += ["prompt", "help"].map { ("question.\(question.id).\($0)", question.location ?? fallback) }
    }
    for region in ruleSet.offices.regions {
      keys.append(("region.\(region.id).name", region.location ?? fallback))
    }
    for office in ruleSet.offices.offices {
      keys.append(("office.\(office.id).name", office.location ?? fallback))
    }
    return keys
  }

  private func localeCoverage() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (key, location) in requiredKeys() {
      for language in Language.allCases where !catalog.has(key, in: language) {
        diagnostics.append(Diagnostic(.error, .localeGap, at: location, ["key": key, "language": language.rawValue]))
      }
    }
    return diagnostics
  }
}
