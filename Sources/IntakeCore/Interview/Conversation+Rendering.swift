extension Conversation {
  /// Question `index` as an event: progress, prompt, numbered choices and a hint.
  func ask(_ index: Int, left: Int? = nil) -> InterviewEvent {
    let question = questions[index]
    let fact = book.ruleSet.fact(question.fact)
    let remaining = left ?? max(0, planner(remainingAfter: question.id))
    // Questions asked so far, not answers taken from a description: the first is 1.
    let asked = history.filter { !fromDescription.contains($0) }
    let number = (asked.firstIndex(of: question.id) ?? asked.count) + 1
    let progress = wording.label(
      remaining == 0 ? "interview.progress-last" : "interview.progress", ["n": String(number), "left": String(remaining)])
    var choices: [String] = []
    var hintKey = "interview.hint-choice"
    if let fact {
      switch fact.kind {
      case .choice where fact.values.count > AnswerMatcher.longestNumberedList:
        // Too many to list (the states): typed by name or code, completed with Tab.
        hintKey = "interview.hint-long-choice"
      case .choice, .bool:
        choices = AnswerMatcher.values(of: fact).enumerated().map { "\($0.offset + 1). " + choiceLabel(fact, $0.element) }
      case .set:
        choices = fact.values.enumerated().map { "\($0.offset + 1). " + choiceLabel(fact, $0.element) }
        hintKey = "interview.hint-several"
      case .integer:
        hintKey = "interview.hint-number"
      case .text:
        hintKey = "interview.hint-text"
      }
    }
    // In a bilingual session each language on its own line, never side by side.
    let hint = wording.each { w in
      guard let fact, let current = answers[fact.id] else { return w.plain(hintKey) }
      return w.plain("interview.hint-current", ["answer": display(current, of: fact, in: w.language)]) + " " + w.plain(hintKey)
    }
    return .question(progress: progress, prompt: wording.text("question.\(question.id).prompt"), choices: choices, hint: hint)
  }

  private func planner(remainingAfter id: String) -> Int {
    planner.remaining(answers: answers, skipped: skipped.union([id])).count
  }

  /// A choice's label in the session language (both in a bilingual session).
  func choiceLabel(_ fact: FactDefinition, _ value: String) -> String {
    wording.label("value.\(fact.id).\(value)")
  }

  /// An answer as the user would read it (in the session language unless told otherwise).
  func display(_ value: FactValue, of fact: FactDefinition, in language: Language? = nil) -> String {
    let language = language ?? wording.language
    func t(_ key: String) -> String { wording.catalog.text(key, language) }
    switch value {
    case .bool(let flag): return t("value.\(fact.id).\(flag ? "true" : "false")")
    case .choice(let v): return t("value.\(fact.id).\(v)")
    case .set(let values):
      return values.isEmpty ? t("interview.none") : values.map { t("value.\(fact.id).\($0)") }.joined(separator: ", ")
    case .integer(let n): return String(n)
    case .text(let text): return SafeText.visible(text)
    }
  }

  /// The commands, for messages: `:help`, `:back`, … in the session language.
  var commandList: String {
    InterviewCommand.names.compactMap { name in
      wording.catalog.list("command.\(name).words", wording.language).first.map { ":" + $0 }
    }.joined(separator: ", ")
  }

  /// "'xyz' is not one of the choices. Type a number from 1 to 9, a choice, or ? for help."
  func invalidMessage(_ fact: FactDefinition, input: String, part: String) -> String {
    let quoted = SafeText.visible(part)
    switch fact.kind {
    case .integer:
      return wording.text("interview.invalid-number", ["input": quoted])
    case .set:
      return wording.text(
        "interview.invalid-several", ["input": quoted, "count": String(fact.values.count)])
    default:
      return wording.text(
        "interview.invalid-choice", ["input": quoted, "count": String(AnswerMatcher.values(of: fact).count)])
    }
  }

  /// What changed in the recommendation after an edit.
  func changes(from before: Outcome, to after: Outcome) -> String {
    let old = before.services.map(\.id)
    let new = after.services.map(\.id)
    var lines: [String] = []
    for id in new where !old.contains(id) {
      lines.append(wording.label("interview.change-added", ["service": wording.plain("service.\(id).name")]))
    }
    for id in old where !new.contains(id) {
      lines.append(wording.label("interview.change-removed", ["service": wording.plain("service.\(id).name")]))
    }
    if before.jurisdiction != after.jurisdiction {
      lines.append(
        wording.label("interview.change-jurisdiction", ["jurisdiction": wording.plain("value.jurisdiction.\(after.jurisdiction)")]))
    }
    if before.urgency != after.urgency {
      lines.append(wording.label("interview.change-urgency", ["urgency": wording.plain("value.urgency.\(after.urgency)")]))
    }
    if lines.isEmpty { return wording.text("interview.change-none") }
    return wording.text("interview.changes") + "\n" + lines.map { "  " + $0 }.joined(separator: "\n")
  }
}
