import ArgumentParser
import Foundation
import IntakeCore
import IntakeInterface
import IntakeLoading
import IntakeScreening
import IntakeSessions
import IntakeTerminal

extension CRSIntake {
  /// `crs-intake` / `crs-intake interview`: the interview in the terminal.
  struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "interview",
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

    @Option(
      name: .customLong("draft-lang"),
      help: "The draft letter's language: vi, en or both (default: both for a Vietnamese or bilingual session, else en).")
    var draftLang: DraftLanguageChoice?

    func validate() throws {
      if sessionID != nil && !resume {
        throw ValidationError("A session ID is given only with --resume, for example: crs-intake --resume \(sessionID ?? "")")
      }
      if resume && noSave { throw ValidationError("--resume and --no-save cannot be used together.") }
    }

    func run() throws {
      let console = Console()
      let language = data.language
      let (loaded, book) = try data.loadValid(console: console, storingCache: !noSave)
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
        narrativeReader: LazyNarrativeReader { NarrativeReader(lexicon: loaded.lexicon, book: book, catalog: loaded.catalog) },
        historyFile: noSave ? nil : StatePaths.historyFile, draftLanguages: draftLang?.languages
      ).run()
      if end == .interrupted { throw ExitCode(130) }
    }

    /// Answers from a file: each is understood as if typed, then the end screen is printed.
    private func runScript(_ path: String, book: RuleBook, catalog: MessageCatalog, language: Language, console: Console) throws {
      let script = ScriptRunner(book: book, catalog: catalog, language: language, bilingual: bilingual, renderer: .forTerminal)
      switch script.run(URL(fileURLWithPath: path), displayPath: path) {
      case .screen(let text):
        console.print(text)
      case .problems(let messages, _):
        for message in messages { console.error(message) }
        throw ExitCode(65)
      }
    }
  }
}
