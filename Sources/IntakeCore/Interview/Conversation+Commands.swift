extension Conversation {
  /// Carries out a command typed at question `index`.
  mutating func run(_ command: InterviewCommand, index: Int) -> [InterviewEvent] {
    let question = questions[index]
    switch command {
    case .help:
      return [.text(wording.text("question.\(question.id).help") + "\n\n" + wording.text("interview.commands")), ask(index)]

    case .back:
      // The question answered before this one; answers stay as they are.
      let position = history.firstIndex(of: question.id) ?? history.count
      guard position > 0, let previous = questions.firstIndex(where: { $0.id == history[position - 1] }) else {
        return [.text(wording.text("interview.back-first")), ask(index)]
      }
      skipped.remove(history[position - 1])
      phase = .asking(previous)
      return [ask(previous)]

    case .review:
      return [.text(review()), ask(index)]

    case .edit(let number):
      guard let number, number >= 1, number <= history.count,
        let target = questions.firstIndex(where: { $0.id == history[number - 1] })
      else {
        return [.problem(wording.text("interview.edit-invalid", ["count": String(history.count)])), ask(index)]
      }
      outcomeBeforeEdit = currentOutcome()
      phase = .asking(target)
      return [ask(target)]

    case .why:
      // As if this question had no answer yet (it may have one after :back or :edit).
      var others = answers
      others[question.fact] = nil
      let rules = planner.rulesNeeding(fact: question.fact, answers: others)
      if rules.isEmpty {
        // Never "does not matter" while the engine still lists the fact as missing: it can
        // change the order of the services or what is still unknown.
        let key = missingFacts(answers: others).contains(question.fact) ? "interview.why-missing" : "interview.why-always"
        return [.text(wording.text(key)), ask(index)]
      }
      var affected: [String] = []
      for rule in rules {
        let names: [String]
        switch rule.action {
        case .recommend(let service, _): names = [wording.plain("service.\(service).name")]
        case .refer(let referral): names = [wording.plain("referral.\(referral).name")]
        case .derive(let pairs): names = pairs.map { wording.plain("fact.\($0.fact).name") }
        }
        for name in names where !affected.contains(name) { affected.append(name) }
      }
      return [.text(wording.text("interview.why", ["items": affected.map { "  • " + $0 }.joined(separator: "\n")])), ask(index)]

    case .whyNot(let name):
      return [.text(whyNot(name)), ask(index)]

    case .skip:
      skipped.insert(question.id)
      answers[question.fact] = nil
      if !history.contains(question.id) { history.append(question.id) }
      return [.text(wording.text("interview.skipped"))] + advance()

    case .language(let language):
      wording.language = language
      return [.text(wording.text("interview.language-switched")), ask(index)]

    case .restart:
      guard history.isEmpty && narrative == nil else {
        phase = .confirmingRestart(resume: index)
        return [.text(wording.text("interview.confirm-restart", ["count": String(max(answers.count, history.count))]))]
      }
      return restart()

    case .save:
      // The draft as it stands now; the interview goes on.
      return [.saveDraft(draft()), ask(index)]

    case .details:
      return [.outcome(OutcomeText(book: book, wording: wording).render(currentOutcome())), ask(index)]

    case .quit:
      phase = .finished(.quit)
      return [.text(goodbye), .finished(.quit)]
    }
  }

  /// The facts the engine lists as missing for `answers`.
  func missingFacts(answers: [String: FactValue]) -> [String] {
    guard case .success(let table) = book.table(for: answers) else { return [] }
    let evaluator = Evaluator(book: book)
    evaluator.evaluate(table)
    return evaluator.outcome(catalog: wording.catalog, language: wording.language).missing
  }

  /// Goodbye, and how to come back when the answers are kept.
  var goodbye: String {
    let kept = savesSession && (!history.isEmpty || narrative != nil || !contact.isEmpty)
    return kept ? wording.text("interview.goodbye") + "\n" + wording.text("interview.resume-hint") : wording.text("interview.goodbye")
  }

  /// Whether `input` is "yes" in either language (any case, with or without marks); with
  /// `orQuit`, the quit command too, with or without its colon.
  func saysYes(_ input: String, orQuit: Bool = false) -> Bool {
    var typed = TextFolding.fold(input.trimmingWhitespace)
    if orQuit, typed.hasPrefix(":") { typed.removeFirst() }
    guard !typed.isEmpty else { return false }
    let keys = orQuit ? ["answer.yes", "command.quit.words"] : ["answer.yes"]
    return Language.allCases.contains { language in
      keys.contains { key in wording.catalog.list(key, language).contains { TextFolding.fold($0) == typed } }
    }
  }

  /// Clears every answer and begins again with the safety screen.
  mutating func restart() -> [InterviewEvent] {
    answers = [:]
    history = []
    skipped = []
    fromDescription = []
    narrative = nil
    outcomeBeforeEdit = nil
    return [.text(wording.text("interview.restarted"))] + start()
  }

  /// After `:restart` with answers given: "yes" clears them; anything else keeps them and asks
  /// the question again.
  mutating func confirmRestart(_ input: String, resume: Int) -> [InterviewEvent] {
    if saysYes(input) { return restart() }
    phase = .asking(resume)
    return [ask(resume)]
  }

  mutating func confirmQuit(_ input: String, resume: Int?) -> [InterviewEvent] {
    // "yes", or the quit command itself, confirms quitting.
    if !saysYes(input, orQuit: true) {
      guard let resume else { return advance() }
      phase = .asking(resume)
      return [ask(resume)]
    }
    phase = .finished(.interrupted)
    return [.text(goodbye), .finished(.interrupted)]
  }
}
