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
  let evaluator: Evaluator
  /// Reads descriptions in the user's own words; nil: the interview only asks questions.
  let readerSource: LazyNarrativeReader?
  var reader: NarrativeReader? { readerSource?.reader }

  public init(
    book: RuleBook, catalog: MessageCatalog, language: Language, bilingual: Bool = false,
    narrativeReader: NarrativeReader? = nil
  ) {
    self.init(book: book, catalog: catalog, language: language, bilingual: bilingual, lazyReader: narrativeReader.map { reader in LazyNarrativeReader { reader } })
  }

  /// With a reader built on first use.
  public init(
    book: RuleBook, catalog: MessageCatalog, language: Language, bilingual: Bool = false, lazyReader: LazyNarrativeReader?
  ) {
    self.book = book
    self.wording = Wording(catalog: catalog, language: language, bilingual: bilingual)
    self.planner = InterviewPlanner(book: book)
    self.evaluator = Evaluator(book: book)
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

  // MARK: Answers

  private mutating func answer(_ input: String, index: Int) -> [InterviewEvent] {
    let question = questions[index]
    guard let fact = book.ruleSet.fact(question.fact) else { return advance() }
    let text = input.trimmingWhitespace
    if text.hasPrefix(":") || text == "?" {
      guard let command = InterviewCommand.parse(text, catalog: wording.catalog) else {
        return [.problem(wording.text("interview.unknown-command", ["input": SafeText.visible(text), "commands": commandList])),
                ask(index)]
      }
      return run(command, index: index)
    }
    // A whole choice (number, label, synonym) is an answer; then a bare command word; only
    // then the start of a choice's words, so "help" is never read as "Help keeping …".
    var matcher = AnswerMatcher(fact: fact, catalog: wording.catalog)
    matcher.allowsPrefixes = false
    var reading: AnswerReader.Reading
    // Whether the answer came out of free words (not a choice's number, label or synonym).
    var freeWords = false
    switch matcher.match(text) {
    case .value(let value): reading = .value(value, note: nil)
    case .ambiguous(let values): reading = .ambiguous(values)
    case .empty: reading = .empty
    case .invalid:
      if let command = InterviewCommand.parse(text, catalog: wording.catalog) { return run(command, index: index) }
      matcher.allowsPrefixes = true
      // Particles, "không biết", "có, …", a few words of description.
      reading = fact.kind == .text ? .value(.text(text), note: nil) : AnswerReader(matcher: matcher, narrative: reader).read(text)
      freeWords = fact.kind != .text
    }
    switch reading {
    case .empty:
      if let kept = answers[fact.id] {
        // Enter keeps the answer already given (after `back` or `edit`).
        return accept(kept, for: question)
      }
      return [.problem(wording.text("interview.empty-answer")), ask(index)]
    case .value(let value, let note):
      if freeWords, note == nil, let events = acceptWithMore(value, for: question, saying: text) { return events }
      guard let note, !note.isEmpty else { return accept(value, for: question) }
      // The words that came with the answer are the person's own: kept for the draft, and
      // danger said in them counts at once.
      keepNote(note, for: fact.id)
      let (notice, _) = takeDanger(from: reader?.read(note).findings ?? [])
      return notice + accept(value, for: question)
    case .unknown:
      // "I don't know": left open, never an error.
      skipped.insert(question.id)
      if !history.contains(question.id) { history.append(question.id) }
      return [.text(wording.text("interview.left-open", ["question": wording.plain("fact.\(fact.id).name")]))] + advance()
    case .ambiguous(let candidates):
      phase = .choosing(index, candidates: candidates, input: text)
      let options = candidates.enumerated().map { "\($0.offset + 1). " + choiceLabel(fact, $0.element) }
      return [.text(wording.text("interview.ambiguous", ["input": SafeText.visible(text), "options": options.joined(separator: "\n")]))]
    case .invalid(let part):
      if let command = InterviewCommand.parse(text, catalog: wording.catalog) {
        return run(command, index: index)
      }
      // Free text that says something new is a description, welcome at any prompt.
      if fact.kind != .text, let events = describeIfNew(text, resume: index) { return events }
      return [.problem(invalidMessage(fact, input: text, part: part)), ask(index)]
    }
  }

  private mutating func choose(_ input: String, index: Int, candidates: [String], original: String) -> [InterviewEvent] {
    let question = questions[index]
    guard let fact = book.ruleSet.fact(question.fact) else { return advance() }
    let text = input.trimmingWhitespace
    let folded = TextFolding.fold(text)
    var picked: String?
    if let number = Int(text), number >= 1, number <= candidates.count {
      picked = candidates[number - 1]
    } else {
      picked = candidates.first { TextFolding.fold(choiceLabel(fact, $0)) == folded || $0 == text }
    }
    guard let picked else {
      phase = .asking(index)
      return answer(text, index: index)
    }
    phase = .asking(index)
    let value: FactValue
    switch fact.kind {
    case .bool: value = .bool(picked == "true")
    case .set:
      // The ambiguous word was one item of a list: keep the others the user named.
      var values = Set([picked])
      let matcher = AnswerMatcher(fact: fact, catalog: wording.catalog)
      for part in AnswerMatcher.splitList(original) {
        if case .value(.set(let more)) = matcher.match(part) { values.formUnion(more) }
      }
      value = .set(fact.values.filter(values.contains))
    default: value = .choice(picked)
    }
    return accept(value, for: question)
  }

  mutating func accept(_ value: FactValue, for question: Question) -> [InterviewEvent] {
    if let minimum = book.ruleSet.fact(question.fact)?.minimum, case .integer(let n) = value, n < minimum {
      return [.problem(wording.text("interview.invalid-number", ["input": String(n)])), ask(questions.firstIndex(of: question) ?? 0)]
    }
    let danger = becomesDangerous(question.fact, value)
    answers[question.fact] = value
    skipped.remove(question.id)
    if !history.contains(question.id) { history.append(question.id) }
    var events: [InterviewEvent] = danger ? [emergencyNotice()] : []
    if let before = outcomeBeforeEdit {
      outcomeBeforeEdit = nil
      events.append(.text(changes(from: before, to: currentOutcome())))
    }
    return events + advance()
  }

  // MARK: Danger first

  static let dangerFact = "immediate_danger"

  /// Whether answering `fact` with `value` says, for the first time, that someone is in danger now.
  func becomesDangerous(_ fact: String, _ value: FactValue) -> Bool {
    fact == Self.dangerFact && value == .bool(true) && answers[fact] != .bool(true)
  }

  /// The 911 instruction (the local emergency number when the person is abroad), in the
  /// session's language or both.
  func emergencyNotice() -> InterviewEvent {
    .emergency(wording.text(answers["state"] == .choice("outside_us") ? "interview.emergency-abroad" : "interview.emergency"))
  }

  /// Danger said in free text counts at once, without waiting for the read-back: the answer is
  /// recorded (it can still be changed with `edit`) and the 911 instruction comes first.
  mutating func takeDanger(from findings: [NarrativeExtraction.Finding]) -> (notice: [InterviewEvent], rest: [NarrativeExtraction.Finding]) {
    var rest = findings
    guard let i = findings.firstIndex(where: { $0.fact == Self.dangerFact && $0.value == .bool(true) }) else {
      return ([], findings)
    }
    rest.remove(at: i)
    guard answers[Self.dangerFact] != .bool(true) else { return ([], rest) }
    answers[Self.dangerFact] = .bool(true)
    if let question = questions.first(where: { $0.fact == Self.dangerFact }) {
      skipped.remove(question.id)
      if !history.contains(question.id) { history.append(question.id) }
    }
    return ([emergencyNotice()], rest)
  }

  /// Asks the next question worth asking, or ends with the outcome.
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

  // MARK: The draft

  func askContact(_ field: Int) -> InterviewEvent {
    let name = DraftRequest.contactFields[field]
    let hint = contact[name].map { wording.label("interview.hint-current", ["answer": SafeText.visible($0)]) } ?? ""
    return .question(progress: "", prompt: wording.text("interview.contact.\(name)"), choices: [], hint: hint)
  }

  private mutating func contactField(_ input: String, field: Int) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    // Only a colon makes a command here: a name or a title may be any word.
    if text.hasPrefix(":"), let command = InterviewCommand.parse(text, catalog: wording.catalog) {
      switch command {
      case .quit:
        phase = .finished(.completed)
        return [.text(wording.text("interview.not-saved")), .finished(.completed)]
      case .details:
        return [.outcome(OutcomeText(book: book, wording: wording).render(currentOutcome())), askContact(field)]
      default:
        break
      }
    }
    let name = DraftRequest.contactFields[field]
    if !text.isEmpty {
      let doubt = name == "email" ? ContactCheck.email(text) : name == "phone" ? ContactCheck.phone(text) : nil
      if let doubt {
        // A likely typo is asked about, never refused: Enter keeps what was typed.
        phase = .checkingContact(field: field, typed: text, suggestion: doubt.suggestion)
        let message = wording.text(doubt.key, doubt.arguments.merging(["input": SafeText.visible(text)]) { $1 })
        return [.question(progress: "", prompt: message, choices: [], hint: "")]
      }
      contact[name] = text
    }
    return afterContact(field)
  }

  /// The next contact field, or the offer to save.
  private mutating func afterContact(_ field: Int) -> [InterviewEvent] {
    if field + 1 < DraftRequest.contactFields.count {
      phase = .contact(field + 1)
      return [askContact(field + 1)]
    }
    phase = .offeringSave
    return [saveOffer]
  }

  /// After a doubt about an email or phone: Enter keeps what was typed, yes takes the
  /// suggestion, anything else is a new try, checked again.
  private mutating func checkContact(_ input: String, field: Int, typed: String, suggestion: String?) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    let name = DraftRequest.contactFields[field]
    if text.isEmpty {
      contact[name] = typed
      return afterContact(field)
    }
    let yes = Language.allCases.flatMap { wording.catalog.list("answer.yes", $0) }.map(TextFolding.fold)
    if let suggestion, yes.contains(TextFolding.fold(text)) {
      contact[name] = suggestion
      return afterContact(field)
    }
    phase = .contact(field)
    return contactField(input, field: field)
  }

  /// After Ctrl-C at a contact field or the offer to save: "yes" (or the quit command) stops
  /// without saving; anything else asks the same thing again.
  private mutating func confirmStopDraft(_ input: String, field: Int?) -> [InterviewEvent] {
    let folded = TextFolding.fold(input.trimmingWhitespace)
    let typed = folded.hasPrefix(":") ? String(folded.dropFirst()) : folded
    let yes = Language.allCases.flatMap { wording.catalog.list("answer.yes", $0) + wording.catalog.list("command.quit.words", $0) }
      .map(TextFolding.fold)
    if !typed.isEmpty && yes.contains(typed) {
      phase = .finished(.interrupted)
      return [.text(wording.text("interview.not-saved")), .finished(.interrupted)]
    }
    if let field {
      phase = .contact(field)
      return [askContact(field)]
    }
    phase = .offeringSave
    return [saveOffer]
  }

  var saveOffer: InterviewEvent {
    .question(progress: "", prompt: wording.text("interview.save-offer"), choices: [], hint: "")
  }

  private mutating func saveAnswer(_ input: String) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    if text.hasPrefix(":"), InterviewCommand.parse(text, catalog: wording.catalog) == .details {
      return [.outcome(OutcomeText(book: book, wording: wording).render(currentOutcome())), saveOffer]
    }
    let folded = TextFolding.fold(text)
    let yes = Language.allCases.flatMap { wording.catalog.list("answer.yes", $0) }.map(TextFolding.fold)
    let no = Language.allCases.flatMap { wording.catalog.list("answer.no", $0) }.map(TextFolding.fold)
    if yes.contains(folded) {
      phase = .finished(.completed)
      return [.saveDraft(draft()), .finished(.completed)]
    }
    if no.contains(folded) {
      phase = .finished(.completed)
      return [.text(wording.text("interview.not-saved")), .finished(.completed)]
    }
    return [.problem(wording.text("interview.yes-no")), saveOffer]
  }

  /// The draft request for the answers so far.
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
