import ArgumentParser
import Foundation
import IntakeCore
import IntakeLoading
import IntakeScreening
import IntakeSessions
import IntakeTerminal

extension CRSIntake {
  /// `crs-intake` / `crs-intake interview`: the interview in the terminal.
  struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Interview a local leader, in Vietnamese or English, and show the CRS services that fit.")

    @OptionGroup var data: DataOptions

    @Flag(help: "Show every prompt in both Vietnamese and English.")
    var bilingual = false

    @Option(help: "Script mode: answers from a YAML or JSON file (question id: answer), no prompts.", completion: .file())
    var answers: String?

    @Flag(help: "Continue a saved session: the latest, or the one whose ID follows.")
    var resume = false

    @Argument(help: "With --resume: the session to continue (see `crs-intake sessions list`).")
    var sessionID: String?

    @Flag(name: .customLong("no-save"), help: "Keep nothing on disk: no session file, no command history.")
    var noSave = false

    @Option(help: "The folder for the draft request files (default: the current folder).", completion: .directory)
    var out: String?

    func validate() throws {
      if sessionID != nil && !resume {
        throw ValidationError("A session ID is given only with --resume, for example: crs-intake --resume \(sessionID ?? "")")
      }
      if resume && noSave { throw ValidationError("--resume and --no-save cannot be used together.") }
    }

    func run() throws {
      let console = Console()
      let language = data.language
      let (loaded, book) = try data.loadValid(console: console, useCache: !noSave)
      if let answers {
        try runScript(answers, book: book, catalog: loaded.catalog, language: language, console: console)
        return
      }
      let store = noSave ? nil : SessionStore(directory: StatePaths.directory.appendingPathComponent("sessions"))
      var record: SessionRecord?
      if resume, let store {
        record = try SessionsCommand.find(sessionID, in: store, catalog: loaded.catalog, language: language, console: console)
      }
      let directory = URL(fileURLWithPath: out ?? FileManager.default.currentDirectoryPath)
      let end = InterviewRunner(
        book: book, catalog: loaded.catalog, language: language, bilingual: bilingual, store: store,
        draftDirectory: directory, resume: record,
        narrativeReader: LazyNarrativeReader { NarrativeReader(lexicon: loaded.lexicon, book: book, catalog: loaded.catalog) }
      ).run()
      if end == .interrupted { throw ExitCode(130) }
    }

    /// Answers from a file: each is understood as if typed, then the end screen is printed.
    private func runScript(_ path: String, book: RuleBook, catalog: MessageCatalog, language: Language, console: Console) throws {
      let file = SafeText.visible(path)
      let entries: [(question: String, answer: String)]
      switch AnswersFile.read(URL(fileURLWithPath: path)) {
      case .failure(let failure):
        console.error(catalog.text("answers.unreadable", language, ["file": file, "problem": SafeText.visible(failure.problem)]))
        throw ExitCode(65)
      case .success(let read):
        entries = read
      }
      var facts: [String: FactValue] = [:]
      var history: [String] = []
      var problems = 0
      let questions = book.ruleSet.questions
      for entry in entries {
        guard let question = questions.first(where: { $0.id == entry.question }),
          let fact = book.ruleSet.fact(question.fact)
        else {
          console.error(
            catalog.text(
              "answers.unknown-question", language,
              ["file": file, "question": SafeText.visible(entry.question), "expected": questions.map(\.id).joined(separator: ", ")]))
          problems += 1
          continue
        }
        let matcher = AnswerMatcher(fact: fact, catalog: catalog)
        var message: String
        switch matcher.match(entry.answer) {
        case .value(let value):
          facts[fact.id] = value
          history.append(question.id)
          continue
        case .ambiguous(let candidates):
          message = candidates.map { catalog.text("value.\(fact.id).\($0)", language) }.joined(separator: " / ")
        case .invalid(let part):
          let key = fact.kind == .integer ? "interview.invalid-number" : fact.kind == .set ? "interview.invalid-several" : "interview.invalid-choice"
          let choices = AnswerMatcher.values(of: fact).map { catalog.text("value.\(fact.id).\($0)", language) }
          message = catalog.text(key, language, ["input": SafeText.visible(part), "count": String(choices.count)])
          if fact.kind != .integer && choices.count <= AnswerMatcher.longestNumberedList {
            message += " " + choices.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "; ")
          }
        case .empty:
          message = catalog.text("interview.empty-answer", language)
        }
        console.error(
          catalog.text(
            "answers.invalid", language,
            ["file": file, "question": question.id, "input": SafeText.visible(entry.answer), "message": message]))
        problems += 1
      }
      if problems > 0 { throw ExitCode(65) }
      var conversation = Conversation(book: book, catalog: catalog, language: language, bilingual: bilingual)
      _ = conversation.restore(answers: facts, history: history, skipped: [])
      let text = OutcomeText(book: book, wording: conversation.wording).render(conversation.currentOutcome())
      console.print(text)
    }
  }
}
