/// Chooses the next question: the first, in `questions.yaml` order, whose fact is unknown,
/// that was not skipped, whose `ask_if` holds, and whose answer could still change the
/// outcome (or that is asked `always`). A question whose `ask_if` is still undecided is not
/// asked yet (after its condition's question is skipped, it is not asked at all).
public struct InterviewPlanner {
  public let book: RuleBook

  /// Each call evaluates with its own evaluator: a planner, like the conversation holding
  /// it, is a value that copies share nothing mutable through.
  public init(book: RuleBook) {
    self.book = book
  }

  /// The questions still worth asking, first to ask first, for the given answers.
  /// - Parameters:
  ///   - answers: the facts answered so far (by fact id).
  ///   - skipped: question ids the user chose to skip.
  /// - Returns: indices into `book.ruleSet.questions`.
  public func remaining(answers: [String: FactValue], skipped: Set<String>) -> [Int] {
    guard case .success(let table) = book.table(for: answers) else { return [] }
    let evaluator = Evaluator(book: book)
    evaluator.evaluate(table)
    let missing = evaluator.missingMask
    let current = evaluator.table
    var ready: [Int] = []
    for (i, question) in book.ruleSet.questions.enumerated() where i < book.questionFacts.count {
      let fact = book.questionFacts[i]
      if table.isKnown(fact) || skipped.contains(question.id) { continue }
      guard question.always || missing & (1 &<< UInt64(fact)) != 0 else { continue }
      if (book.questionConditions[i].map { book.program.evaluate($0, current) } ?? .true) == .true {
        ready.append(i)
      }
    }
    return ready
  }

  /// The missing facts a person could still be asked about: those of a question whose
  /// `ask_if` does not already rule it out.
  /// - Parameter current: the facts as evaluated (derived facts included).
  public func askable(_ missing: [String], evaluated current: FactTable) -> [String] {
    missing.filter { fact in
      book.ruleSet.questions.indices.contains { i in
        book.ruleSet.questions[i].fact == fact
          && (book.questionConditions[i].map { book.program.evaluate($0, current) } ?? .true) != .false
      }
    }
  }

  /// The rules that still need this fact: undecided, and able to change the outcome.
  public func rulesNeeding(fact: String, answers: [String: FactValue]) -> [Rule] {
    guard case .success(let table) = book.table(for: answers), let f = book.index(ofFact: fact) else { return [] }
    let evaluator = Evaluator(book: book)
    evaluator.evaluate(table)
    let traces = book.trace(evaluator)
    let ids = Set(traces.filter { $0.result == .unknown && $0.unknownFacts.contains(fact) }.map(\.rule))
    let outcome = evaluator.outcome(catalog: MessageCatalog(), language: .en)
    let services = Set(outcome.services.map(\.id))
    let referrals = Set(outcome.referrals.map(\.id))
    _ = f
    return book.rules.filter { rule in
      guard ids.contains(rule.id) else { return false }
      switch rule.action {
      case .recommend(let service, _): return !services.contains(service)
      case .refer(let referral): return !referrals.contains(referral)
      case .derive: return true
      }
    }
  }
}
