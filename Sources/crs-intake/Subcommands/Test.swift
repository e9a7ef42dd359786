import ArgumentParser
import Foundation
import IntakeCore
import IntakeLoading
import IntakeReports

extension CRSIntake {
  /// `crs-intake test`: the scenario tests in Rules/scenarios, with rule coverage.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "test",
      abstract: "Run the scenario tests in Rules/scenarios (or PATH), with per-rule coverage.")

    @OptionGroup var data: DataOptions

    @Argument(help: "A scenario file or folder (default: Rules/scenarios).", completion: .file())
    var path: String?

    @Flag(help: "Show how many scenarios each rule held in.")
    var coverage = false

    @Option(help: "Output format: text, or json (one object, shape in the README).")
    var format: ReportFormat = .text

    func run() throws {
      let console = Console()
      let language = data.language
      let (loaded, book) = try data.loadValid(console: console)
      let catalog = loaded.catalog
      let rules = data.rulesLocation.folder
      let loader: ScenarioLoader
      let target: String
      if let path {
        // A path on disk, shown as it was given.
        loader = ScenarioLoader(path: URL(fileURLWithPath: path), shownAs: path)
        target = path
      } else {
        loader = ScenarioLoader(folder: rules)
        target = rules.displayPath("scenarios")
      }
      let (scenarios, loadDiagnostics) = loader.load()
      // A misspelled fact or value is reported where it is written, with the nearest one.
      let diagnostics = (loadDiagnostics + ScenarioLint(ruleSet: loaded.ruleSet).run(scenarios)).sortedByLocation()
      for diagnostic in diagnostics { console.error(console.render(diagnostic, catalog, language)) }
      console.reportSkipped(diagnostics.unreadFiles, catalog, language)
      if diagnostics.hasErrors { throw ExitCode(65) }
      guard !scenarios.isEmpty else {
        console.error(catalog.text("test.none", language, ["path": target]))
        throw ExitCode(1)
      }
      let report = ScenarioRunner(book: book).run(scenarios)
      if format == .json {
        console.print(String(decoding: TestReport(scenarios: scenarios, report: report).json, as: UTF8.self))
        try console.finish(catalog, language)
        if !report.failedScenarios.isEmpty { throw ExitCode(1) }
        return
      }
      let byScenario = Dictionary(grouping: report.failures, by: \.scenario)
      for scenario in scenarios {
        guard let failures = byScenario[scenario.id] else {
          console.print(catalog.text("test.pass", language, ["id": scenario.id]))
          continue
        }
        console.print(
          catalog.text("test.fail", language, ["id": scenario.id, "location": scenario.location?.description ?? ""]))
        for failure in failures {
          console.print(
            catalog.text(
              "test.difference", language,
              ["field": failure.field, "expected": failure.expected, "actual": failure.actual]))
        }
      }
      let covered = report.coverage.filter { $0.count > 0 }.count
      console.print(
        catalog.text("test.coverage", language, ["covered": String(covered), "total": String(report.coverage.count)]))
      for entry in report.coverage where coverage || entry.count == 0 {
        let key = entry.count == 0 ? "test.uncovered" : "test.coverage-rule"
        console.print(catalog.text(key, language, ["rule": entry.rule, "count": String(entry.count)]))
      }
      let failed = report.failedScenarios.count
      console.print(
        catalog.text("test.summary", language, ["passed": String(scenarios.count - failed), "failed": String(failed)]))
      try console.finish(catalog, language)
      if failed > 0 { throw ExitCode(1) }
    }
  }
}
