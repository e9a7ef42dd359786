extension Evaluator {
  /// The outcome of the last `evaluate`, with reasons in `language`.
  public func outcome(id: String? = nil, catalog: MessageCatalog, language: Language) -> Outcome {
    let facts = book.facts
    let table = self.table
    func because(_ rule: CompiledRule) -> Outcome.Because {
      Outcome.Because(rule: rule.id, reason: catalog.text("reason.\(rule.id)", language))
    }

    // Services: best weight first, then catalogue order.
    var serviceOrder: [Int] = serviceWeights.indices.filter { serviceWeights[$0] != .min }
    serviceOrder.sort { (-serviceWeights[$0], $0) < (-serviceWeights[$1], $1) }
    var serviceReasons: [Int: [Outcome.Because]] = [:]
    var referralReasons: [Int: [Outcome.Because]] = [:]
    for r in firedActionRules.sorted() {
      let rule = book.actions[Int(r)]
      switch rule.effect {
      case .recommend(let service, _): serviceReasons[service, default: []].append(because(rule))
      case .refer(let referral): referralReasons[referral, default: []].append(because(rule))
      case .derive: break
      }
    }
    let services = serviceOrder.map {
      Outcome.Recommendation(id: book.services[$0].id, because: serviceReasons[$0] ?? [])
    }
    let referrals = book.referrals.indices.filter { refers($0) }.map {
      Outcome.Recommendation(id: book.referrals[$0].id, because: referralReasons[$0] ?? [])
    }

    // Derived facts, with the rules that set them.
    func derived(_ id: String) -> (values: [String], because: [Outcome.Because]) {
      guard let f = book.index(ofFact: id) else { return ([], []) }
      let definition = facts[f]
      var reasons: [Outcome.Because] = []
      for d in firedDerivationRules {
        let rule = book.derivations[Int(d)]
        guard case .derive(let choices, let sets) = rule.effect else { continue }
        if choices.contains(where: { $0.fact == f && $0.value == table.slots[f] }) || sets.contains(where: { $0.fact == f }) {
          reasons.append(because(rule))
        }
      }
      guard table.isKnown(f) else {
        return (definition.defaultValue.map { [$0] } ?? [], [])
      }
      switch definition.kind {
      case .choice: return ([definition.values[table.slots[f]]], reasons)
      case .set:
        let mask = UInt64(truncatingIfNeeded: table.slots[f])
        return (definition.values.indices.filter { mask & (1 &<< UInt64($0)) != 0 }.map { definition.values[$0] }, reasons)
      default: return ([], reasons)
      }
    }
    let jurisdiction = derived("jurisdiction")
    let bases = derived("jurisdiction_basis")
    let urgency = derived("urgency")

    let state = book.stateFact.flatMap { table.isKnown($0) ? table.slots[$0] : nil }
    let city = book.cityFact.flatMap { table.isKnown($0) ? table.texts[$0] : nil }
    let office = book.routing(state: state, city: city)
    let missing = facts.indices.filter { missingMask & (1 &<< UInt64($0)) != 0 }.map { facts[$0].id }

    return Outcome(
      id: id, jurisdiction: jurisdiction.values.first ?? "assess", jurisdictionBases: bases.values,
      jurisdictionBecause: jurisdiction.because.isEmpty ? bases.because : jurisdiction.because,
      urgency: urgency.values.first ?? "standard", urgencyBecause: urgency.because, services: services,
      referrals: referrals, office: office, missing: missing)
  }
}
