/// The asking phases: an answer to the current question (a choice, words, a command, or a
/// description said at any prompt), and the choice between readings that fit several.
extension Conversation {
  /// The fact's answer matcher (prefixes allowed), kept for the next answer.
  mutating func matcher(for fact: FactDefinition) -> AnswerMatcher {
    if let kept = matchers[fact.id] { return kept }
    let made = AnswerMatcher(fact: fact, catalog: wording.catalog)
    matchers[fact.id] = made
    return made
  }

  mutating func answer(_ input: String, index: Int) -> [InterviewEvent] {
    let question = questions[index]
    guard let fact = book.ruleSet.fact(question.fact) else { return advance() }
    let text = input.trimmingWhitespace
    if text.hasPrefix(":") || text == "?" {
      guard let command = InterviewCommand.parse(text, catalog: wording.catalog) else {
        return [
          .problem(wording.text("interview.unknown-command", ["input": SafeText.visible(text), "commands": commandList])),
          ask(index),
        ]
      }
      return run(command, index: index)
    }
    // A whole choice (number, label, synonym) is an answer; then a bare command word; only
    // then the start of a choice's words, so "help" is never read as "Help keeping …".
    var matcher = matcher(for: fact)
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

  mutating func choose(_ input: String, index: Int, candidates: [String], original: String) -> [InterviewEvent] {
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
      let matcher = matcher(for: fact)
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

}
