/// What the conversation says about itself when asked: the answers so far (`:review`) and
/// why a service is not recommended (`:why-not`).
extension Conversation {
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
        let answer =
          answers[fact.id].map { display($0, of: fact, in: language) } ?? wording.catalog.text("interview.skipped-answer", language)
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
    let evaluator = Evaluator(book: book)
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
        lines.append(
          "  • "
            + wording.plain("interview.why-not-unknown-facts", ["facts": names.isEmpty ? wording.plain("fact.jurisdiction.name") : names]))
      case .true:
        continue
      }
    }
    return lines.joined(separator: "\n")
  }

  func servicesList(_ ids: [String]) -> String {
    ids.map { wording.plain("service.\($0).name") }.joined(separator: "; ")
  }

  /// A failed condition in plain words: what it needs, and what was answered.
  func condition(_ failed: FailedCondition) -> String {
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
