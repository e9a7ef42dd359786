/// The interview as a pure state machine: text in, events out. It opens with the safety
/// screen, asks one question at a time (only those that can still change the outcome),
/// understands answers and commands in either language, and ends with the outcome.
/// No terminal, no files: every path can be tested by feeding it text.
public struct Conversation {
  /// Where the conversation stands.
  public enum Phase: Sendable, Equatable {
    case notStarted
    /// Asking question `index` (into the book's questions).
    case asking(Int)
    /// The last answer to question `index` fit several choices; asking which one.
    case choosing(Int, candidates: [String], input: String)
    /// Ctrl-C on an empty line: asking whether to quit.
    case confirmingQuit(resume: Int?)
    /// After the safety screen: inviting a description in the user's own words.
    case narrative
    /// Reading back what a description said; `resume` is the question to return to.
    case confirming([NarrativeExtraction.Finding], resume: Int?)
    /// After "fix N" in a read-back: asking the right value of finding `item`.
    case fixing([NarrativeExtraction.Finding], item: Int, resume: Int?)
    /// After the outcome: asking contact field `index` of `DraftRequest.contactFields`.
    case contact(Int)
    /// After the contact fields: asking whether to save the draft.
    case offeringSave
    /// Ctrl-C at contact field `field` (nil: at the offer to save): asking whether to stop
    /// without saving the draft.
    case confirmingStopDraft(field: Int?)
    /// The email or phone typed at contact field `field` looks mistyped: asking whether to keep
    /// it, take `suggestion`, or type it again.
    case checkingContact(field: Int, typed: String, suggestion: String?)
    /// `:restart` at question `resume` with answers given: asking before clearing them.
    case confirmingRestart(resume: Int)
    case finished(InterviewEnd)
  }

  public let book: RuleBook
  public var wording: Wording
  public internal(set) var phase: Phase = .notStarted
  /// The answers so far, by fact id.
  public internal(set) var answers: [String: FactValue] = [:]
  /// Question ids in the order they were first answered or skipped (review numbers them;
  /// going back and answering again keeps a question's place).
  public internal(set) var history: [String] = []
  public internal(set) var skipped: Set<String> = []
  /// Questions answered by confirming a description: not counted as questions asked.
  var fromDescription: Set<String> = []
  /// After `edit N`: the outcome before the edit, to show what changed.
  var outcomeBeforeEdit: Outcome?
  /// Contact details for the draft, all optional, by field (`DraftRequest.contactFields`).
  public internal(set) var contact: [String: String] = [:]
  /// The requester's own description of the situation.
  public internal(set) var narrative: String?
  /// Words typed along with an answer, by fact id: the person's own, kept for the draft's
  /// facts, not for their description.
  public internal(set) var notes: [String: String] = [:]
  /// The draft's reference ("CRS-7K3F-92QD"); the terminal sets the session's.
  public var reference: String?
  /// Whether the interview ends by offering contact fields and saving the draft.
  public var offersDraft = false
  /// Whether answers are saved as a session that `--resume` continues (said when quitting).
  public var savesSession = false
  /// For the draft: today's date (`YYYY-MM-DD`) and the rules version.
  public var today = ""
  public var rulesVersion = ""
  let planner: InterviewPlanner
  /// Each fact's answer matcher, built the first time its question is answered: a matcher
  /// folds every label and synonym in both languages, too much to redo per answer.
  var matchers: [String: AnswerMatcher] = [:]
  /// Reads descriptions in the user's own words; nil: the interview only asks questions.
  let readerSource: LazyNarrativeReader?
  var reader: NarrativeReader? { readerSource?.reader }

  public init(
    book: RuleBook, catalog: MessageCatalog, language: Language, bilingual: Bool = false,
    narrativeReader: NarrativeReader? = nil
  ) {
    self.init(
      book: book, catalog: catalog, language: language, bilingual: bilingual,
      lazyReader: narrativeReader.map { reader in LazyNarrativeReader { reader } })
  }

  /// With a reader built on first use.
  public init(
    book: RuleBook, catalog: MessageCatalog, language: Language, bilingual: Bool = false, lazyReader: LazyNarrativeReader?
  ) {
    self.book = book
    self.wording = Wording(catalog: catalog, language: language, bilingual: bilingual)
    self.planner = InterviewPlanner(book: book)
    self.readerSource = lazyReader
  }

  public var language: Language { wording.language }
  public var isFinished: Bool {
    if case .finished = phase { return true }
    return false
  }
  var questions: [Question] { book.ruleSet.questions }

  /// The question being asked, if any.
  public var currentQuestion: Question? {
    switch phase {
    case .asking(let i), .choosing(let i, _, _): return questions[i]
    case .confirmingQuit(let resume), .confirming(_, let resume): return resume.map { questions[$0] }
    case .fixing(let findings, let item, _): return questions.first { $0.fact == findings[item].fact }
    default: return nil
    }
  }

  /// Words tab completion offers at this prompt: the current choices, then the commands.
  public var completions: [String] {
    var words: [String] = []
    if let question = currentQuestion, let fact = book.ruleSet.fact(question.fact), fact.kind != .integer, fact.kind != .text {
      for value in AnswerMatcher.values(of: fact) {
        words.append(wording.plain("value.\(fact.id).\(value)"))
      }
    }
    return words + InterviewCommand.completions(wording.catalog)
  }

  /// The safety screen, then an invitation to describe the situation (when a narrative
  /// reader is available and nothing was answered yet), else the first question.
  public mutating func start() -> [InterviewEvent] {
    var events: [InterviewEvent] = [.text(wording.text("interview.safety"))]
    if answers["immediate_danger"] == .bool(true) { events.append(emergencyNotice()) }
    if readerSource != nil && history.isEmpty && narrative == nil {
      phase = .narrative
      events.append(.question(progress: "", prompt: wording.text("interview.narrative-invite"), choices: [], hint: ""))
      return events
    }
    events += advance()
    return events
  }

  /// One line the user typed (already checked to be valid UTF-8 without control characters).
  public mutating func handle(_ input: String) -> [InterviewEvent] {
    switch phase {
    case .notStarted:
      return start()
    case .finished:
      return []
    case .confirmingQuit(let resume):
      return confirmQuit(input, resume: resume)
    case .choosing(let index, let candidates, let original):
      return choose(input, index: index, candidates: candidates, original: original)
    case .asking(let index):
      return answer(input, index: index)
    case .narrative:
      return describe(input, resume: nil)
    case .confirming(let findings, let resume):
      return confirm(input, findings, resume: resume)
    case .fixing(let findings, let item, let resume):
      return fix(input, findings, item: item, resume: resume)
    case .contact(let field):
      return contactField(input, field: field)
    case .offeringSave:
      return saveAnswer(input)
    case .confirmingStopDraft(let field):
      return confirmStopDraft(input, field: field)
    case .confirmingRestart(let resume):
      return confirmRestart(input, resume: resume)
    case .checkingContact(let field, let typed, let suggestion):
      return checkContact(input, field: field, typed: typed, suggestion: suggestion)
    }
  }

  /// Ctrl-C on an empty line: ask whether to quit (answers are kept).
  public mutating func interrupt() -> [InterviewEvent] {
    switch phase {
    case .contact(let field), .checkingContact(let field, _, _):
      phase = .confirmingStopDraft(field: field)
      return [.text(wording.text("interview.confirm-stop-draft"))]
    case .offeringSave:
      phase = .confirmingStopDraft(field: nil)
      return [.text(wording.text("interview.confirm-stop-draft"))]
    case .confirmingStopDraft:
      phase = .finished(.interrupted)
      return [.text(wording.text("interview.not-saved")), .finished(.interrupted)]
    case .asking(let i), .choosing(let i, _, _):
      phase = .confirmingQuit(resume: i)
      return [.text(wording.text("interview.confirm-quit"))]
    case .confirmingQuit:
      phase = .finished(.interrupted)
      return [.text(goodbye), .finished(.interrupted)]
    case .narrative:
      phase = .confirmingQuit(resume: nil)
      return [.text(wording.text("interview.confirm-quit"))]
    case .confirmingRestart(let resume):
      phase = .confirmingQuit(resume: resume)
      return [.text(wording.text("interview.confirm-quit"))]
    case .confirming(_, let resume), .fixing(_, _, let resume):
      phase = .confirmingQuit(resume: resume)
      return [.text(wording.text("interview.confirm-quit"))]
    case .notStarted, .finished:
      phase = .finished(.interrupted)
      return [.finished(.interrupted)]
    }
  }

  /// Ctrl-D on an empty line: the same as quit.
  public mutating func endOfInput() -> [InterviewEvent] {
    if isFinished { return [] }
    switch phase {
    case .contact, .offeringSave, .confirmingStopDraft, .checkingContact:
      phase = .finished(.completed)
      return [.text(wording.text("interview.not-saved")), .finished(.completed)]
    default:
      break
    }
    phase = .finished(.quit)
    return [.text(goodbye), .finished(.quit)]
  }

  mutating func advance() -> [InterviewEvent] {
    let remaining = planner.remaining(answers: answers, skipped: skipped)
    guard let next = remaining.first else {
      let outcome = currentOutcome()
      let screen = InterviewEvent.outcome(OutcomeText(book: book, wording: wording).summary(outcome, offersDraft: offersDraft))
      guard offersDraft else {
        phase = .finished(.completed)
        return [screen, .finished(.completed)]
      }
      phase = .contact(0)
      return [screen, .text(wording.text("interview.contact-intro")), askContact(0)]
    }
    phase = .asking(next)
    return [ask(next, left: remaining.count - 1)]
  }

  public func draft() -> DraftRequest {
    let request = IntakeRequest(
      language: wording.language.rawValue, facts: answers, narrative: narrative, notes: notes, contact: contact)
    return DraftRequest(date: today, request: request, outcome: currentOutcome(), rulesVersion: rulesVersion, reference: reference)
  }

  /// The outcome for the answers so far, in the session language. Its `missing` lists only
  /// facts the interview could still ask about.
  public func currentOutcome() -> Outcome {
    guard case .success(let table) = book.table(for: answers) else {
      return Outcome(jurisdiction: "assess", urgency: "standard", office: book.offices.routing(for: nil))
    }
    // A fresh evaluator: copies of a conversation share no mutable state.
    let evaluator = Evaluator(book: book)
    evaluator.evaluate(table)
    let missing = evaluator.outcome(catalog: wording.catalog, language: wording.language).missing
    let askable = planner.askable(missing, evaluated: evaluator.table)
    return evaluator.outcome(of: table, catalog: wording.catalog, language: wording.language, missing: askable)
  }

  /// Restores answers saved earlier (a resumed session or a script), keeping only those that
  /// still fit the rules. Returns the question ids whose answers were dropped.
  public mutating func restore(
    answers saved: [String: FactValue], history savedHistory: [String], skipped savedSkipped: Set<String>,
    narrative savedNarrative: String? = nil, notes savedNotes: [String: String] = [:], contact savedContact: [String: String] = [:]
  ) -> [String] {
    narrative = savedNarrative
    notes = savedNotes
    contact = savedContact
    var dropped: [String] = []
    for (fact, value) in saved {
      if case .success = book.table(for: [fact: value]), questions.contains(where: { $0.fact == fact }) {
        answers[fact] = value
      } else {
        dropped.append(fact)
      }
    }
    history = savedHistory.filter { id in questions.contains { $0.id == id } }
    skipped = savedSkipped.filter { id in questions.contains { $0.id == id } }
    return dropped.sorted()
  }
}
