import ArgumentParser
import Foundation
import IntakeCore
import IntakeLoading
import IntakeReports
import IntakeScreening
import IntakeSessions

extension CRSIntake {
  /// `crs-intake sessions list|show ID|delete ID|purge`: the saved interviews.
  struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sessions",
      abstract: "List, show or delete saved interview sessions.",
      subcommands: [List.self, Show.self, Delete.self, Purge.self],
      defaultSubcommand: List.self)

    static var store: SessionStore { SessionStore(directory: StatePaths.directory.appendingPathComponent("sessions")) }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved sessions, newest first.")
      @OptionGroup var data: DataOptions
      @Option(help: "Output format: text, or json (one object, shape in the README; never the answers).")
      var format: ReportFormat = .text

      func run() throws {
        let console = Console()
        let (loaded, book) = try data.loadValid(console: console)
        if format == .json {
          let (records, unreadable) = store.list()
          let report = SessionsReport(records: records, unreadable: unreadable, questions: book.ruleSet.questions.count) {
            SessionsCommand.describe($0, loaded.catalog, data.language)
          }
          console.print(String(decoding: report.json, as: UTF8.self))
          try console.finish(loaded.catalog, data.language)
          return
        }
        SessionsCommand.list(store, book: book, catalog: loaded.catalog, language: data.language, console: console)
        try console.finish(loaded.catalog, data.language)
      }
    }

    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one session's answers and where it stands.")
      @OptionGroup var data: DataOptions
      @Argument(help: "The session ID.") var id: String

      func run() throws {
        let console = Console()
        let (loaded, book) = try data.loadValid(console: console)
        let record = try SessionsCommand.find(id, in: store, catalog: loaded.catalog, language: data.language, console: console)
        SessionsCommand.show(record, book: book, catalog: loaded.catalog, language: data.language, console: console)
        try console.finish(loaded.catalog, data.language)
      }
    }

    struct Delete: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete one session.")
      @OptionGroup var data: DataOptions
      @Argument(help: "The session ID.") var id: String

      func run() throws {
        let console = Console()
        let catalog = data.messages(LocalesLoader(folder: try data.folders(console: console).locales).load().0)
        let language = data.language
        guard store.delete(id) else {
          console.error(catalog.text("sessions.not-found", language, ["id": SafeText.visible(id)]))
          throw ExitCode(66)
        }
        console.print(catalog.text("sessions.deleted", language, ["id": id]))
        try console.finish(catalog, language)
      }
    }

    struct Purge: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "purge", abstract: "Delete every saved session (asks first).")
      @OptionGroup var data: DataOptions
      @Flag(help: "Do not ask for confirmation.") var yes = false

      func run() throws {
        let console = Console()
        let catalog = data.messages(LocalesLoader(folder: try data.folders(console: console).locales).load().0)
        let language = data.language
        let listed = store.list()
        let count = listed.records.count + listed.unreadable.count
        if !yes {
          console.print(catalog.text("sessions.purge-confirm", language, ["count": String(count)]))
          let answer = TextFolding.fold(Swift.readLine() ?? "")
          let words = Language.allCases.flatMap { catalog.list("answer.yes", $0) }.map(TextFolding.fold)
          guard words.contains(answer) else {
            console.print(catalog.text("sessions.purge-cancelled", language))
            try console.finish(catalog, language)
            return
          }
        }
        let removed = store.purge()
        console.print(catalog.text("sessions.purged", language, ["count": String(removed)]))
        try console.finish(catalog, language)
      }
    }
  }
}

/// What `sessions` and `--resume` share: finding, listing and showing sessions.
enum SessionsCommand {
  /// The session with `id`, or the latest when `id` is nil; exits 66 with a message when there
  /// is none, 65 when its file is not a session.
  static func find(
    _ id: String?, in store: SessionStore, catalog: MessageCatalog, language: Language, console: Console
  ) throws -> SessionRecord {
    let (records, unreadable) = store.list()
    report(unreadable, catalog: catalog, language: language, console: console)
    if let id {
      switch store.load(id) {
      case .success(let record): return record
      case .failure(.unreadable):
        // No such session: EX_NOINPUT.
        console.error(catalog.text("sessions.not-found", language, ["id": SafeText.visible(id)]))
        throw ExitCode(66)
      case .failure(let problem):
        // A file that is not a session this program wrote: EX_DATAERR.
        console.error(
          catalog.text(
            "sessions.corrupt", language, ["file": SafeText.visible(id) + ".json", "problem": describe(problem, catalog, language)]))
        throw ExitCode(65)
      }
    }
    guard let latest = records.first(where: { !$0.completed }) ?? records.first else {
      console.error(catalog.text("sessions.none", language))
      throw ExitCode(66)
    }
    return latest
  }

  static func list(_ store: SessionStore, book: RuleBook, catalog: MessageCatalog, language: Language, console: Console) {
    let (records, unreadable) = store.list()
    report(unreadable, catalog: catalog, language: language, console: console)
    guard !records.isEmpty else {
      console.print(catalog.text("sessions.none", language))
      return
    }
    console.print(catalog.text("sessions.list-header", language))
    let total = book.ruleSet.questions.count
    for record in records {
      var place: [String] = []
      if case .text(let city)? = record.answers["city"] { place.append(SafeText.visible(city)) }
      if case .choice(let state)? = record.answers["state"] { place.append(state) }
      let progress =
        record.completed
        ? catalog.text("sessions.completed", language)
        : catalog.text("sessions.progress", language, ["answered": String(record.history.count), "total": String(total)])
      console.print(
        catalog.text(
          "sessions.list-line", language,
          [
            "id": SafeText.visible(record.id), "date": ISO8601DateFormatter().string(from: record.updated),
            "language": record.language.rawValue,
            "place": place.isEmpty ? "—" : place.joined(separator: ", "), "progress": progress,
          ]))
    }
  }

  static func show(_ record: SessionRecord, book: RuleBook, catalog: MessageCatalog, language: Language, console: Console) {
    var conversation = Conversation(book: book, catalog: catalog, language: language)
    let dropped = conversation.restore(
      answers: record.answers, history: record.history, skipped: Set(record.skipped), narrative: record.narrative,
      contact: record.contact)
    console.print(
      catalog.text(
        "sessions.show-header", language,
        ["id": SafeText.visible(record.id), "language": record.language.rawValue, "rules": SafeText.visible(record.rulesVersion)]))
    if !dropped.isEmpty { console.print(catalog.text("sessions.dropped", language, ["answers": dropped.joined(separator: ", ")])) }
    console.print(conversation.review())
    console.print("")
    console.print(OutcomeText(book: book, wording: conversation.wording).render(conversation.currentOutcome()))
  }

  static func report(
    _ unreadable: [(file: String, problem: SessionProblem)], catalog: MessageCatalog, language: Language, console: Console
  ) {
    for (file, problem) in unreadable {
      console.error(
        catalog.text("sessions.corrupt", language, ["file": SafeText.visible(file), "problem": describe(problem, catalog, language)]))
    }
  }

  static func describe(_ problem: SessionProblem, _ catalog: MessageCatalog, _ language: Language) -> String {
    switch problem {
    case .notJSON: return catalog.text("sessions.problem.not-json", language)
    case .notASession: return catalog.text("sessions.problem.not-session", language)
    case .newerVersion(let version): return catalog.text("sessions.problem.newer", language, ["version": String(version)])
    case .missingField: return catalog.text("sessions.problem.missing-field", language)
    case .unreadable: return catalog.text("sessions.problem.unreadable", language)
    }
  }
}
