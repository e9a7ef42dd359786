import ArgumentParser
import Foundation
import IntakeCore
import IntakeInterface
import IntakeLoading
import IntakeScreening
import IntakeSessions

extension CRSIntake {
  /// `crs-intake draft FILE`: the draft request for an intake JSON, as Markdown or JSON.
  struct Draft: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "draft",
      abstract: "Render the draft intake request for an intake JSON file (Markdown or JSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case md, json
    }

    @OptionGroup var data: DataOptions

    @Argument(help: "An intake request (JSON); - for stdin.", completion: .file())
    var file: String

    @Option(help: "md (default) or json: intake schema v1 with the outcome, which `screen` reads back.")
    var format: Format = .md

    @Flag(help: "The letter in Vietnamese, then in English (the same as --draft-lang both).")
    var bilingual = false

    @Option(name: .customLong("draft-lang"), help: "The letter's language: vi, en or both (default: --lang, or the request's language).")
    var draftLang: DraftLanguageChoice?

    @Option(help: "The draft's date, YYYY-MM-DD (default: today).")
    var date: String?

    func validate() throws {
      if let date, !(date.count == 10 && date.split(separator: "-").count == 3) {
        throw ValidationError("--date takes a date as YYYY-MM-DD, not '\(date)'.")
      }
    }

    func run() throws {
      let console = Console()
      let (loaded, book) = try data.loadValid(console: console)
      let catalog = loaded.catalog
      let language = data.language
      let request = try RequestFile.read(file, book: book, catalog: catalog, language: language, console: console)
      guard case .success(let table) = book.table(for: request.facts) else { throw ExitCode(65) }
      let evaluator = Evaluator(book: book)
      evaluator.evaluate(table)
      let draftLanguage = Language(rawValue: request.language ?? "") ?? language
      // A draft lists as missing only what the interview could still ask.
      let askable = InterviewPlanner(book: book).askable(
        evaluator.outcome(catalog: catalog, language: draftLanguage).missing, evaluated: evaluator.table)
      let outcome = evaluator.outcome(of: table, id: request.id, catalog: catalog, language: draftLanguage, missing: askable)
      let draft = DraftRequest(
        date: date ?? InterviewRunner.today(), request: request, outcome: outcome, rulesVersion: book.ruleSet.version)
      switch format {
      case .md:
        let chosen = data.lang == .auto ? draftLanguage : language
        let languages = draftLang?.languages ?? (bilingual ? [.vi, .en] : [chosen])
        console.output.write(DraftMarkdown(book: book, catalog: catalog).render(draft, languages: languages))
        console.output.flush()
      case .json:
        console.output.write([UInt8](DraftFiles.json(draft)))
        console.output.flush()
      }
      try console.finish(catalog, language)
    }
  }
}

/// Reads one intake request from a file or stdin, reporting problems with the line number.
enum RequestFile {
  static func read(_ file: String, book: RuleBook, catalog: MessageCatalog, language: Language, console: Console) throws -> IntakeRequest {
    guard let bytes = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
    else {
      console.error(catalog.text("cli.file-unreadable", language, ["path": SafeText.visible(file)]))
      throw ExitCode(66)
    }
    let records = RecordSplitter.records(of: [UInt8](bytes))
    guard records.count == 1, let record = records.first else {
      console.error(catalog.text("explain.one-request", language, ["path": SafeText.visible(file), "count": String(records.count)]))
      throw ExitCode(65)
    }
    switch RequestDecoder().decode(record.bytes).flatMap({ r in book.table(for: r.facts).map { _ in r } }) {
    case .failure(let problems):
      for problem in problems.problems {
        console.error("\(SafeText.visible(file)):\(record.line): \(ProblemText.render(problem, catalog, language))")
      }
      throw ExitCode(65)
    case .success(var request):
      request.facts = book.normalized(request.facts)
      return request
    }
  }
}
