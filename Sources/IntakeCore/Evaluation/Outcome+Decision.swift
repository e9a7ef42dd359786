extension Outcome {
  /// What the rules decided, worded: ids, and each rule's reason in `language`.
  public init(_ decision: Decision, id: String?, book: RuleBook, catalog: MessageCatalog, language: Language) {
    let rules = book.rules
    func because(_ rule: Int) -> Because {
      Because(rule: rules[rule].id, reason: catalog.text("reason.\(rules[rule].id)", language))
    }
    func recommendations(_ targets: [Int], referrals: Bool, ids: (Int) -> String) -> [Recommendation] {
      targets.map { target in
        let reasons = decision.reasons.filter { $0.isReferral == referrals && $0.target == target }
        return Recommendation(id: ids(target), because: reasons.map { because($0.rule) })
      }
    }
    let jurisdiction = book.shownValues(decision.jurisdiction)
    let basis = decision.jurisdiction.reasons.isEmpty ? decision.jurisdictionBasis.reasons : decision.jurisdiction.reasons
    self.init(
      id: id, jurisdiction: jurisdiction.first ?? Self.defaultJurisdiction,
      jurisdictionBases: book.shownValues(decision.jurisdictionBasis), jurisdictionBecause: basis.map(because),
      urgency: book.shownValues(decision.urgency).first ?? Self.defaultUrgency, urgencyBecause: decision.urgency.reasons.map(because),
      services: recommendations(decision.services, referrals: false) { book.services[$0].id },
      referrals: recommendations(decision.referrals, referrals: true) { book.referrals[$0].id },
      office: book.routing(state: decision.state, city: decision.city),
      missing: book.facts.indices.filter { decision.missing & (1 &<< UInt64($0)) != 0 }.map { book.facts[$0].id })
    // Possibilities come grouped by service.
    var possible: [Possibility] = []
    var service = -1
    for item in decision.possibilities {
      let fact = book.facts[item.fact]
      let condition = Condition(fact: fact.id, value: fact.value(ofSlot: item.slot))
      if item.service == service, let last = possible.indices.last {
        possible[last].when.append(condition)
      } else {
        service = item.service
        possible.append(Possibility(id: book.services[item.service].id, when: [condition]))
      }
    }
    possibleServices = possible
  }

  /// The jurisdiction and urgency an outcome shows when the rule book has no such fact.
  public static let defaultJurisdiction = "assess"
  public static let defaultUrgency = "standard"
}

extension RuleBook {
  /// The values a derived fact shows in an outcome: the one a rule gave it, else its default.
  public func shownValues(_ derived: Decision.Derived) -> [String] {
    guard let f = derived.fact else { return [] }
    let definition = facts[f]
    guard let slot = derived.slot else { return definition.defaultValue.map { [$0] } ?? [] }
    switch definition.kind {
    case .choice: return [definition.values[slot]]
    case .set:
      let mask = UInt64(truncatingIfNeeded: slot)
      return definition.values.indices.filter { mask & (1 &<< UInt64($0)) != 0 }.map { definition.values[$0] }
    default: return []
    }
  }
}
