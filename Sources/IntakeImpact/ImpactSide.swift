import IntakeCore

/// One of the two rule sets compared (the base or the working one): it screens a request as
/// `screen` would, narrative included, and keeps the engine's trace of every rule.
public struct ImpactSide {
  /// What one request came to on this side.
  enum Result {
    /// The outcome, and each rule's result by id.
    case screened(Outcome, [String: RuleChange.Firing])
    /// The request's facts do not fit this side's facts.
    case rejected([RequestProblem])
  }

  public let book: RuleBook
  let catalog: MessageCatalog
  private let evaluator: Evaluator
  /// Compiled only when a request first has a narrative (compiling the lexicon takes longer
  /// than screening thousands of requests without one).
  private let narrative: LazyNarrativeReader

  /// - Parameters:
  ///   - book: the compiled rules.
  ///   - catalog: their texts (outcomes carry reasons, though only ids are compared).
  ///   - lexicon: their lexicon, for the facts a narrative states.
  public init(book: RuleBook, catalog: MessageCatalog, lexicon: Lexicon) {
    self.book = book
    self.catalog = catalog
    evaluator = Evaluator(book: book)
    narrative = LazyNarrativeReader { NarrativeReader(lexicon: lexicon, book: book, catalog: catalog) }
  }

  func screen(_ request: IntakeRequest) -> Result {
    var facts = request.facts
    if let text = request.narrative, !text.isEmpty {
      facts.merge(narrative.reader.unstatedFacts(of: request)) { stated, _ in stated }
    }
    switch book.table(for: facts) {
    case .failure(let problems):
      return .rejected(problems.problems)
    case .success(let table):
      let outcome = evaluator.outcome(of: table, id: request.id, catalog: catalog, language: .en)
      var firing: [String: RuleChange.Firing] = [:]
      for step in book.trace(evaluator) {
        switch step.result {
        case .true: firing[step.rule] = .held
        case .false: firing[step.rule] = .failed
        case .unknown: firing[step.rule] = .undecided
        }
      }
      return .screened(outcome, firing)
    }
  }
}
