import ArgumentParser
import Foundation
import IntakeCore
import IntakeLoading
import IntakeReports
import IntakeScreening

extension CRSIntake {
  /// `crs-intake explain`: the rule trace behind one request's outcome.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract: "Print the rule trace for one intake request, or why a service is not recommended.")

    @OptionGroup var data: DataOptions

    @Argument(help: "An intake request (JSON); - for stdin.", completion: .file())
    var file: String

    @Option(
      name: .customLong("why-not"),
      help: "A service, by id or name in either language (mediation, \"hòa giải\", SPCP): show why it is (not) recommended.")
    var whyNot: String?

    @Option(help: "Output format: text, or json (the outcome as `screen` writes it, with its trace; shape in the README).")
    var format: ReportFormat = .text

    func run() throws {
      let console = Console()
      let language = data.language
      let (loaded, book) = try data.loadValid(console: console)
      let catalog = loaded.catalog
      let request = try RequestFile.read(file, book: book, catalog: catalog, language: language, console: console)
      guard case .success(let table) = book.table(for: request.facts) else { throw ExitCode(65) }
      let evaluator = Evaluator(book: book)
      evaluator.evaluate(table)
      if let service = whyNot {
        try explainWhyNot(service, book, evaluator, catalog, language, console)
        try console.finish(catalog, language)
        return
      }
      let outcome = evaluator.outcome(of: table, id: request.id, catalog: catalog, language: language)
      if format == .json {
        console.print(String(decoding: ExplainReport.outcome(outcome, trace: book.trace(evaluator)), as: UTF8.self))
        try console.finish(catalog, language)
        return
      }
      print(outcome, trace: book.trace(evaluator), catalog, language, console)
      try console.finish(catalog, language)
    }

    private func print(_ outcome: Outcome, trace: [RuleTrace], _ catalog: MessageCatalog, _ language: Language, _ console: Console) {
      func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text(key, language, arguments) }
      console.print(t("explain.outcome", ["id": SafeText.visible(outcome.id ?? file)]))
      let bases = outcome.jurisdictionBases.isEmpty ? "" : "(" + outcome.jurisdictionBases.joined(separator: ", ") + ")"
      console.print(t("explain.jurisdiction", ["status": outcome.jurisdiction, "bases": bases]).trimmingTrailingSpaces)
      console.print(t("explain.urgency", ["urgency": outcome.urgency]))
      for (key, items) in [("explain.services", outcome.services), ("explain.referrals", outcome.referrals)] {
        console.print(t(key))
        if items.isEmpty { console.print(t("explain.none")) }
        for item in items {
          console.print(t("explain.item", ["id": item.id, "rules": item.because.map(\.rule).joined(separator: ", ")]))
        }
      }
      console.print(
        t(
          "explain.office",
          ["region": outcome.office.region, "office": outcome.office.office, "field_office": outcome.office.fieldOffice ?? ""]
        )
        .trimmingTrailingSpaces)
      if !outcome.missing.isEmpty {
        console.print(t("explain.missing", ["facts": outcome.missing.joined(separator: ", ")]))
      }
      if !outcome.possibleServices.isEmpty {
        console.print(t("explain.possible"))
        for possibility in outcome.possibleServices {
          let conditions = possibility.when.map { $0.fact + " = " + $0.value.displayValues.joined(separator: ", ") }
          console.print(t("explain.possible-item", ["id": possibility.id, "conditions": conditions.joined(separator: " | ")]))
        }
      }
      if !outcome.office.confirmed { console.print(t("explain.office-unconfirmed")) }
      console.print(t("explain.trace"))
      for step in trace { console.print(line(step, catalog, language)) }
    }

    private func line(_ step: RuleTrace, _ catalog: MessageCatalog, _ language: Language) -> String {
      step.text(catalog, language)
    }

    private func explainWhyNot(
      _ typed: String, _ book: RuleBook, _ evaluator: Evaluator, _ catalog: MessageCatalog, _ language: Language,
      _ console: Console
    ) throws {
      let ids = book.services.map(\.id)
      let service: String
      switch ServiceNames(book: book, catalog: catalog).resolve(typed) {
      case .one(let id):
        service = id
      case .several(let found):
        console.error(catalog.problem("explain.several-services", language, ["service": typed, "expected": found.joined(separator: ", ")]))
        throw ExitCode(64)
      case .none:
        let near = Suggestion.nearest(to: typed, in: ids) ?? ""
        console.error(
          catalog.problem(
            "explain.unknown-service", language, ["service": typed, "expected": ids.joined(separator: ", "), "suggestion": near]))
        throw ExitCode(64)
      }
      let outcome = evaluator.outcome(catalog: catalog, language: language)
      let steps = book.whyNot(service: service, evaluator)
      let recommended = outcome.services.contains { $0.id == service }
      if format == .json {
        let report = ExplainReport.whyNot(service: service, recommended: recommended, steps: steps, missing: outcome.missing)
        console.print(String(decoding: report, as: UTF8.self))
        return
      }
      if recommended {
        console.print(catalog.text("explain.why-not-recommended", language, ["service": service]))
      } else {
        console.print(catalog.text("explain.why-not-header", language, ["service": service]))
      }
      if steps.isEmpty { console.print(catalog.text("explain.why-not-none", language, ["service": service])) }
      for step in steps { console.print(line(step, catalog, language)) }
      if !outcome.missing.isEmpty {
        console.print(catalog.text("explain.missing", language, ["facts": outcome.missing.joined(separator: ", ")]))
      }
    }
  }
}

extension String {
  /// Without spaces at the end (a placeholder left empty).
  fileprivate var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
