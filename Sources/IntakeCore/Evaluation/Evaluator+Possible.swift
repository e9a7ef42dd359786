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
    let base = Set(recommended.compactMap { item in book.services.firstIndex { $0.id == item.id } })
    var found: [Int: [Outcome.Condition]] = [:]
    for id in missing {
      guard let f = book.index(ofFact: id), !input.isKnown(f) else { continue }
      for slot in book.probeSlots[f] {
        var table = input
        table.set(f, slot: slot)
        evaluate(table)
        let weights = serviceWeights
        for s in weights.indices where weights[s] != .min && !base.contains(s) {
          found[s, default: []].append(Outcome.Condition(fact: id, value: facts[f].value(ofSlot: slot)))
        }
      }
    }
    evaluate(input)
    return found.keys.sorted().map { Outcome.Possibility(id: book.services[$0].id, when: found[$0] ?? []) }
  }
}
