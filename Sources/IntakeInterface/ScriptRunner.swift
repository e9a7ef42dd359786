import Foundation
import IntakeCore
import IntakeLoading

/// Script mode (`crs-intake --answers FILE`): each answer in the file is understood as if it
/// had been typed at its question, then the end screen is shown. Every answer that cannot be
/// understood is reported, quoted, with what is accepted; then nothing else is shown.
public struct ScriptRunner {
  public let book: RuleBook
  public let catalog: MessageCatalog
  public let language: Language
  public let bilingual: Bool
  public let renderer: EventRenderer

  public init(book: RuleBook, catalog: MessageCatalog, language: Language, bilingual: Bool, renderer: EventRenderer) {
    self.book = book
    self.catalog = catalog
    self.language = language
    self.bilingual = bilingual
    self.renderer = renderer
  }

  public enum Result: Equatable {
    /// The end screen, wrapped and styled.
    case screen(String)
    /// The file could not be read, or some answers not understood: one message each.
    case problems([String], unreadable: Bool)
  }

  public func run(_ url: URL, displayPath: String) -> Result {
    let file = SafeText.visible(displayPath)
    let entries: [(question: String, answer: String)]
    switch AnswersFile.read(url) {
    case .failure(let failure):
      return .problems(
        [catalog.text("answers.unreadable", language, ["file": file, "problem": SafeText.visible(failure.problem)])], unreadable: true)
    case .success(let read):
      entries = read
    }
    var facts: [String: FactValue] = [:]
    var history: [String] = []
    var problems: [String] = []
    let questions = book.ruleSet.questions
    for entry in entries {
      guard let question = questions.first(where: { $0.id == entry.question }), let fact = book.ruleSet.fact(question.fact) else {
        problems.append(
          catalog.text(
            "answers.unknown-question", language,
            ["file": file, "question": SafeText.visible(entry.question), "expected": questions.map(\.id).joined(separator: ", ")]))
        continue
      }
      switch AnswerMatcher(fact: fact, catalog: catalog).match(entry.answer) {
      case .value(let value):
        facts[fact.id] = value
        history.append(question.id)
      case let other:
        problems.append(
          catalog.text(
            "answers.invalid", language,
            ["file": file, "question": question.id, "input": SafeText.visible(entry.answer), "message": message(other, fact)]))
      }
    }
    guard problems.isEmpty else { return .problems(problems, unreadable: false) }
    var conversation = Conversation(book: book, catalog: catalog, language: language, bilingual: bilingual)
    _ = conversation.restore(answers: facts, history: history, skipped: [])
    return .screen(renderer.outcome(OutcomeText(book: book, wording: conversation.wording).render(conversation.currentOutcome())))
  }

  /// Why an answer was not understood, with what is accepted.
  private func message(_ match: AnswerMatcher.Match, _ fact: FactDefinition) -> String {
    switch match {
    case .ambiguous(let candidates):
      return candidates.map { catalog.text("value.\(fact.id).\($0)", language) }.joined(separator: " / ")
    case .invalid(let part):
      let key =
        fact.kind == .integer ? "interview.invalid-number" : fact.kind == .set ? "interview.invalid-several" : "interview.invalid-choice"
      let choices = AnswerMatcher.values(of: fact).map { catalog.text("value.\(fact.id).\($0)", language) }
      var message = catalog.text(key, language, ["input": SafeText.visible(part), "count": String(choices.count)])
      if fact.kind != .integer && choices.count <= AnswerMatcher.longestNumberedList {
        message += " " + choices.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "; ")
      }
      return message
    case .empty, .value:
      return catalog.text("interview.empty-answer", language)
    }
  }
}
