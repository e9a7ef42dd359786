extension Evaluator {
  /// Evaluates `input` and returns its outcome with `possibleServices` filled in: for each
  /// still-missing fact, each value a rule tests it for is tried on its own, and a service that
  /// such a value would add is listed with it. The evaluator is left holding `input`'s result.
  /// - Parameters:
  ///   - input: the request's facts (`RuleBook.table(for:)`).
  ///   - missing: the facts worth trying; nil for the outcome's own `missing`.
  public func outcome(
    of input: FactTable, id: String? = nil, catalog: MessageCatalog, language: Language, missing: [String]? = nil
  ) -> Outcome {
    evaluate(input)
    var outcome = self.outcome(id: id, catalog: catalog, language: language)
    if let missing { outcome.missing = missing }
    outcome.possibleServices = possibleServices(input, missing: outcome.missing, recommended: outcome.services)
    return outcome
  }

  private func possibleServices(_ input: FactTable, missing: [String], recommended: [Outcome.Recommendation]) -> [Outcome.Possibility] {
    let facts = book.facts
    var base: UInt64 = 0
    for item in recommended {
      if let s = book.services.firstIndex(where: { $0.id == item.id }), s < 63 { base |= 1 &<< UInt64(s) }
    }
    var found: [Int: [Outcome.Condition]] = [:]
    for id in missing {
      // Only a fact that some service not yet recommended depends on is worth trying.
      guard let f = book.index(ofFact: id), !input.isKnown(f), book.servicesReading[f] & ~base != 0 else { continue }
      for slot in book.probeSlots[f] {
        evaluate(input, probe: (f, slot))
        for s in book.services.indices where s >= 63 || base & (1 &<< UInt64(s)) == 0 {
          if recommends(s) { found[s, default: []].append(Outcome.Condition(fact: id, value: facts[f].value(ofSlot: slot))) }
        }
      }
    }
    evaluate(input)
    return found.keys.sorted().map { Outcome.Possibility(id: book.services[$0].id, when: found[$0] ?? []) }
  }
}
