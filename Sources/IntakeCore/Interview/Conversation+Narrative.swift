extension Conversation {
  /// A description in the user's own words: kept for the draft, read for facts, and read
  /// back for confirmation. Nothing found is not an error: the questions follow.
  mutating func describe(_ input: String, resume: Int?) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    if text.isEmpty { return advance() }
    if text.hasPrefix(":") || text == "?" {
      if let command = InterviewCommand.parse(text, catalog: wording.catalog) {
        switch command {
        case .quit:
          phase = .finished(.quit)
          return [.text(goodbye), .finished(.quit)]
        case .language(let language):
          wording.language = language
          return [.text(wording.text("interview.language-switched")), narrativePrompt()]
        case .help:
          return [.text(wording.text("interview.narrative-help")), narrativePrompt()]
        case .skip:
          return advance()
        default:
          break
        }
      }
      return [
        .problem(wording.text("interview.unknown-command", ["input": SafeText.visible(text), "commands": commandList])), narrativePrompt(),
      ]
    }
    remember(text)
    let (notice, findings) = takeDanger(from: newFindings(in: text))
    guard !findings.isEmpty else {
      return notice + [.text(wording.text("interview.narrative-thanks"))] + advance()
    }
    phase = .confirming(findings, resume: resume)
    return notice + [readBack(findings)]
  }

  /// At a question: free text that states facts not yet answered is taken as a description.
  mutating func describeIfNew(_ text: String, resume: Int) -> [InterviewEvent]? {
    guard readerSource != nil, text.split(separator: " ").count >= 3 else { return nil }
    let (notice, findings) = takeDanger(from: newFindings(in: text))
    guard !findings.isEmpty || !notice.isEmpty else { return nil }
    remember(text)
    guard !findings.isEmpty else { return notice + advance() }
    phase = .confirming(findings, resume: resume)
    return notice + [readBack(findings)]
  }

  /// An answer in a few words that also says other things ("3 ngày trước, tụi nó đập kính
  /// chùa"): the answer is taken, and what the words say about other questions is read back
  /// before the next question — what is said later wins over an earlier answer, and the
  /// read-back says so. Nil when the words say nothing else.
  mutating func acceptWithMore(_ value: FactValue, for question: Question, saying text: String) -> [InterviewEvent]? {
    guard readerSource != nil, text.split(separator: " ").count >= 3 else { return nil }
    let others = newFindings(in: text).filter { $0.fact != question.fact }
    guard !others.isEmpty else { return nil }
    keepNote(text, for: question.fact)
    var events = accept(value, for: question)
    guard case .asking(let next) = phase, case .question? = events.last else { return events }
    events.removeLast()
    let (notice, findings) = takeDanger(from: others)
    guard !findings.isEmpty else { return events + notice + [ask(next)] }
    phase = .confirming(findings, resume: next)
    return events + notice + [readBack(findings)]
  }

  /// A question asked to correct a read-back item: outside the count of questions, so without
  /// the progress line.
  private func askToFix(_ index: Int) -> InterviewEvent {
    guard case .question(_, let prompt, let choices, let hint) = ask(index) else { return ask(index) }
    return .question(progress: "", prompt: prompt, choices: choices, hint: hint)
  }

  private func narrativePrompt() -> InterviewEvent {
    .question(progress: "", prompt: wording.text("interview.narrative-invite"), choices: [], hint: "")
  }

  /// Keeps the user's words for the draft, as typed.
  mutating func remember(_ text: String) {
    narrative = narrative.map { $0 + "\n" + text } ?? text
  }

  /// Keeps words typed along with the answer to `fact`, for the draft's facts (not the
  /// description: "in their own words" holds only what they wrote as one).
  mutating func keepNote(_ text: String, for fact: String) {
    notes[fact] = notes[fact].map { $0 + " / " + text } ?? text
  }

  /// What the text says that is new: facts with no answer yet, and facts it says otherwise
  /// than an earlier answer (what is said later wins; a list gains the new values).
  func newFindings(in text: String) -> [NarrativeExtraction.Finding] {
    guard let reader else { return [] }
    return reader.read(text).findings.compactMap { finding in
      guard questions.contains(where: { $0.fact == finding.fact }) else { return nil }
      guard let old = answers[finding.fact] else { return finding }
      if case .set(let had) = old, case .set(let new) = finding.value {
        guard !Set(new).isSubset(of: Set(had)), let fact = book.ruleSet.fact(finding.fact) else { return nil }
        var joined = finding
        joined.value = .set(fact.values.filter(Set(had + new).contains))
        return joined
      }
      return old == finding.value ? nil : finding
    }
  }

  /// "I understood: 1. … Is that right? (yes / no / fix N)"
  func readBack(_ findings: [NarrativeExtraction.Finding]) -> InterviewEvent {
    // Built whole in each language of the session: labels and values never mix.
    let prompt = wording.each { w in
      var lines: [String] = []
      for (n, finding) in findings.enumerated() {
        guard let fact = book.ruleSet.fact(finding.fact) else { continue }
        var line = "  \(n + 1). " + w.plain("fact.\(fact.id).name") + ": " + display(finding.value, of: fact, in: w.language)
        // Said differently from an earlier answer: the read-back says what it replaces.
        if let old = answers[fact.id], old != finding.value {
          line += " " + w.plain("interview.understood-instead", ["old": display(old, of: fact, in: w.language)])
        }
        lines.append(line)
      }
      return w.plain("interview.understood", ["items": lines.joined(separator: "\n")])
    }
    return .question(progress: "", prompt: prompt, choices: [], hint: wording.text("interview.understood-hint"))
  }

  /// yes: the facts become answers; no: they are asked as questions; fix N: N is dropped.
  mutating func confirm(_ input: String, _ findings: [NarrativeExtraction.Finding], resume: Int?) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    let folded = TextFolding.fold(text)
    let yes = Language.allCases.flatMap { wording.catalog.list("answer.yes", $0) }.map(TextFolding.fold)
    let no = Language.allCases.flatMap { wording.catalog.list("answer.no", $0) }.map(TextFolding.fold)
    if yes.contains(folded) {
      for finding in findings {
        answers[finding.fact] = finding.value
        if let question = questions.first(where: { $0.fact == finding.fact }), !history.contains(question.id) {
          history.append(question.id)
          fromDescription.insert(question.id)
          skipped.remove(question.id)
        }
      }
      return [.text(wording.text("interview.understood-confirmed"))] + advance()
    }
    if no.contains(folded) {
      return [.text(wording.text("interview.understood-rejected"))] + advance()
    }
    func words(_ key: String) -> [String] { Language.allCases.flatMap { wording.catalog.list(key, $0) }.map(TextFolding.fold) }
    func item(after word: String) -> Int? {
      let argument = String(folded.dropFirst(word.count + 1)).trimmingWhitespace
      guard let n = Int(argument), n >= 1, n <= findings.count else { return nil }
      return n - 1
    }
    // "fix N": ask the right value of item N.
    for word in words("command.fix.words") where folded.hasPrefix(word + " ") {
      guard let n = item(after: word), let question = questions.firstIndex(where: { $0.fact == findings[n].fact }) else { break }
      phase = .fixing(findings, item: n, resume: resume)
      let name = wording.plain("fact.\(findings[n].fact).name")
      return [.text(wording.text("interview.fixing", ["n": String(n + 1), "fact": name])), askToFix(question)]
    }
    // "drop N": leave item N out.
    for word in words("command.drop.words") where folded.hasPrefix(word + " ") {
      guard let n = item(after: word) else { break }
      var rest = findings
      rest.remove(at: n)
      if rest.isEmpty { return [.text(wording.text("interview.understood-rejected"))] + advance() }
      phase = .confirming(rest, resume: resume)
      return [readBack(rest)]
    }
    if text.hasPrefix(":"), let command = InterviewCommand.parse(text, catalog: wording.catalog), command == .quit {
      phase = .finished(.quit)
      return [.text(goodbye), .finished(.quit)]
    }
    return [
      .problem(wording.text("interview.understood-invalid", ["input": SafeText.visible(text), "count": String(findings.count)])),
      readBack(findings),
    ]
  }

  /// The right value of a read-back item, as an answer to its question; then the read-back
  /// again. "I don't know" leaves the item out.
  mutating func fix(_ input: String, _ findings: [NarrativeExtraction.Finding], item: Int, resume: Int?) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    guard let index = questions.firstIndex(where: { $0.fact == findings[item].fact }), let fact = book.ruleSet.fact(findings[item].fact)
    else {
      phase = .confirming(findings, resume: resume)
      return [readBack(findings)]
    }
    if text.hasPrefix(":"), let command = InterviewCommand.parse(text, catalog: wording.catalog), command == .quit {
      phase = .finished(.quit)
      return [.text(goodbye), .finished(.quit)]
    }
    var fixed = findings
    switch AnswerReader(matcher: matcher(for: fact), narrative: reader).read(text) {
    case .value(let value, _):
      fixed[item].value = value
      fixed[item].words = [text]
    case .unknown:
      fixed.remove(at: item)
    case .ambiguous(let candidates):
      let options = candidates.map { choiceLabel(fact, $0) }.joined(separator: " / ")
      return [.problem(wording.text("interview.fix-ambiguous", ["input": SafeText.visible(text), "options": options])), askToFix(index)]
    case .invalid(let part):
      return [.problem(invalidMessage(fact, input: text, part: part)), askToFix(index)]
    case .empty:
      break
    }
    guard !fixed.isEmpty else { return [.text(wording.text("interview.understood-rejected"))] + advance() }
    phase = .confirming(fixed, resume: resume)
    return [readBack(fixed)]
  }
}
