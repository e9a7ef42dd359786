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
    var decision = Decision()
    decide(input, missing: missing.map { $0.compactMap { book.index(ofFact: $0) } }, into: &decision)
    var outcome = Outcome(decision, id: id, book: book, catalog: catalog, language: language)
    if let missing { outcome.missing = missing }
    return outcome
  }
}
