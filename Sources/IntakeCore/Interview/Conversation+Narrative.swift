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
          return [.text(wording.text("interview.goodbye")), .finished(.quit)]
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
      return [.problem(wording.text("interview.unknown-command", ["input": SafeText.visible(text), "commands": commandList])), narrativePrompt()]
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

  private func narrativePrompt() -> InterviewEvent {
    .question(progress: "", prompt: wording.text("interview.narrative-invite"), choices: [], hint: "")
  }

  /// Keeps the user's words for the draft, as typed.
  private mutating func remember(_ text: String) {
    narrative = narrative.map { $0 + "\n" + text } ?? text
  }

  /// What the text says about facts that have no answer yet.
  private func newFindings(in text: String) -> [NarrativeExtraction.Finding] {
    guard let reader else { return [] }
    return reader.read(text).findings.filter { finding in
      // Danger now is always taken, even over an earlier "no".
      let isDanger = finding.fact == Self.dangerFact && finding.value == .bool(true)
      return (answers[finding.fact] == nil || isDanger) && questions.contains { $0.fact == finding.fact }
    }
  }

  /// "I understood: 1. … Is that right? (yes / no / fix N)"
  func readBack(_ findings: [NarrativeExtraction.Finding]) -> InterviewEvent {
    var lines: [String] = []
    for (n, finding) in findings.enumerated() {
      guard let fact = book.ruleSet.fact(finding.fact) else { continue }
      lines.append("  \(n + 1). " + wording.plain("fact.\(fact.id).name") + ": " + display(finding.value, of: fact))
    }
    return .question(
      progress: "", prompt: wording.text("interview.understood", ["items": lines.joined(separator: "\n")]), choices: [],
      hint: wording.label("interview.understood-hint"))
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
          skipped.remove(question.id)
        }
      }
      return [.text(wording.text("interview.understood-confirmed"))] + advance()
    }
    if no.contains(folded) {
      return [.text(wording.text("interview.understood-rejected"))] + advance()
    }
    let fixWords = Language.allCases.flatMap { wording.catalog.list("command.fix.words", $0) }.map(TextFolding.fold)
    for word in fixWords where folded.hasPrefix(word + " ") {
      let argument = String(folded.dropFirst(word.count + 1)).trimmingWhitespace
      guard let n = Int(argument), n >= 1, n <= findings.count else { break }
      var rest = findings
      rest.remove(at: n - 1)
      if rest.isEmpty { return [.text(wording.text("interview.understood-rejected"))] + advance() }
      phase = .confirming(rest, resume: resume)
      return [readBack(rest)]
    }
    if text.hasPrefix(":"), let command = InterviewCommand.parse(text, catalog: wording.catalog), command == .quit {
      phase = .finished(.quit)
      return [.text(wording.text("interview.goodbye")), .finished(.quit)]
    }
    return [.problem(wording.text("interview.understood-invalid", ["input": SafeText.visible(text), "count": String(findings.count)])), readBack(findings)]
  }
}
