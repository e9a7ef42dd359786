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
    evaluator.evaluate(table)
    return evaluator.outcome(catalog: wording.catalog, language: wording.language).missing
  }

  /// Goodbye, and how to come back when the answers are kept.
  var goodbye: String {
    let kept = savesSession && (!history.isEmpty || narrative != nil || !contact.isEmpty)
    return kept ? wording.text("interview.goodbye") + "\n" + wording.text("interview.resume-hint") : wording.text("interview.goodbye")
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
    let folded = TextFolding.fold(input.trimmingWhitespace)
    let yes = Language.allCases.flatMap { wording.catalog.list("answer.yes", $0) }.map(TextFolding.fold)
    if yes.contains(folded) { return restart() }
    phase = .asking(resume)
    return [ask(resume)]
  }

  mutating func confirmQuit(_ input: String, resume: Int?) -> [InterviewEvent] {
    let folded = TextFolding.fold(input.trimmingWhitespace)
    // "yes", or the quit command itself, confirms quitting.
    let yes = Language.allCases.flatMap { wording.catalog.list("answer.yes", $0) + wording.catalog.list("command.quit.words", $0) }
      .map(TextFolding.fold)
    let typed = folded.hasPrefix(":") ? String(folded.dropFirst()) : folded
    if typed.isEmpty || !yes.contains(typed) {
      guard let resume else { return advance() }
      phase = .asking(resume)
      return [ask(resume)]
    }
    phase = .finished(.interrupted)
    return [.text(goodbye), .finished(.interrupted)]
  }

  /// The answers so far, numbered as `edit N` uses them (in both languages in a bilingual
  /// session).
  public func review() -> String {
    guard !history.isEmpty else { return wording.text("interview.review-empty") }
    var lines = [wording.text("interview.review")]
    let languages: [Language] = wording.bilingual ? [.vi, .en] : [wording.language]
    for (n, id) in history.enumerated() {
      guard let question = questions.first(where: { $0.id == id }), let fact = book.ruleSet.fact(question.fact) else { continue }
      // One numbered line; in a bilingual session the English under the Vietnamese, each
      // with its question and answer in the same language.
      for (i, language) in languages.enumerated() {
        let answer = answers[fact.id].map { display($0, of: fact, in: language) } ?? wording.catalog.text("interview.skipped-answer", language)
        let line = wording.catalog.text(
          "interview.review-line", language,
          ["n": String(n + 1), "question": wording.catalog.text("fact.\(fact.id).name", language), "answer": answer])
        if i == 0 {
          lines.append(line)
        } else {
          // Under the first line's words, past its number.
          let number = "  \(n + 1). "
          lines.append(String(repeating: " ", count: number.count) + line.dropFirst(number.count))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Why a service is not recommended, in plain words: for each of its rules, the first
  /// condition that does not hold and what was answered.
  func whyNot(_ name: String?) -> String {
    let services = book.services.map(\.id)
    guard let name, !name.isEmpty else {
      return wording.text("interview.why-not-which", ["services": servicesList(services)])
    }
    let service: String
    switch ServiceNames(book: book, catalog: wording.catalog).resolve(name) {
    case .one(let id): service = id
    case .several(let ids): return wording.text("interview.why-not-which", ["services": servicesList(ids)])
    case .none: return wording.text("interview.why-not-unknown", ["input": SafeText.visible(name), "services": servicesList(services)])
    }
    let serviceName = wording.plain("service.\(service).name")
    guard case .success(let table) = book.table(for: answers) else { return "" }
    evaluator.evaluate(table)
    if evaluator.outcome(catalog: wording.catalog, language: wording.language).services.contains(where: { $0.id == service }) {
      return wording.text("interview.why-not-recommended", ["service": serviceName])
    }
    var lines = [wording.text("interview.why-not", ["service": serviceName])]
    for step in book.whyNot(service: service, evaluator) {
      switch step.result {
      case .false:
        guard let failed = step.failed else { continue }
        lines.append("  • " + condition(failed))
      case .unknown:
        let facts = step.unknownFacts.filter { !(book.ruleSet.fact($0)?.derived ?? false) }
        let names = facts.map { wording.plain("fact.\($0).name") }.joined(separator: ", ")
        lines.append("  • " + wording.plain("interview.why-not-unknown-facts", ["facts": names.isEmpty ? wording.plain("fact.jurisdiction.name") : names]))
      case .true:
        continue
      }
    }
    return lines.joined(separator: "\n")
  }

  private func servicesList(_ ids: [String]) -> String {
    ids.map { wording.plain("service.\($0).name") }.joined(separator: "; ")
  }

  /// A failed condition in plain words: what it needs, and what was answered.
  private func condition(_ failed: FailedCondition) -> String {
    let leaf = failed.leaf
    guard let fact = book.ruleSet.fact(leaf.fact) else { return failed.description }
    let needed: String
    switch leaf.operand {
    case .values(let values): needed = values.map { wording.plain("value.\(fact.id).\($0)") }.joined(separator: " / ")
    case .bool(let flag): needed = wording.plain("value.\(fact.id).\(flag ? "true" : "false")")
    case .integers(let numbers): needed = leaf.op.rawValue.replacingUnderscores + " " + numbers.map(String.init).joined(separator: "–")
    case .none: needed = ""
    }
    let answered = answers[fact.id].map { display($0, of: fact) } ?? wording.plain("interview.not-answered")
    let key = failed.heldUnderNot ? "interview.why-not-excluded" : "interview.why-not-needs"
    return wording.plain(key, ["fact": wording.plain("fact.\(fact.id).name"), "needed": needed, "answer": answered])
  }
}
