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

    @Option(help: ArgumentHelp("Also write a JUnit XML report of the run to FILE, for CI systems.", valueName: "FILE"), completion: .file())
    var junit: String?

    @Option(
      help: ArgumentHelp("Run only the scenarios whose id or file name contains PATTERN, in any case (repeatable).", valueName: "PATTERN"))
    var filter: [String] = []

    @Option(
      name: .customLong("new"),
      help: ArgumentHelp(
        "Write a scenario NAME to Rules/scenarios pinning the current outcome of --from FILE, or of the latest saved session.",
        valueName: "NAME"))
    var newScenario: String?

    @Option(
      help: ArgumentHelp("With --new: an intake request (JSON) whose facts the new scenario holds; - for stdin.", valueName: "FILE"),
      completion: .file())
    var from: String?

    func run() throws {
      let console = Console()
      let language = data.language
      let (loaded, book) = try data.loadValid(console: console)
      let catalog = loaded.catalog
      if newScenario != nil || from != nil { return try writeNewScenario(book: book, catalog: catalog, console: console) }
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
      let (loadedScenarios, loadDiagnostics) = loader.load()
      // A misspelled fact or value is reported where it is written, with the nearest one.
      let diagnostics = (loadDiagnostics + ScenarioLint(ruleSet: loaded.ruleSet).run(loadedScenarios)).sortedByLocation()
      for diagnostic in diagnostics { console.error(console.render(diagnostic, catalog, language)) }
      console.reportSkipped(diagnostics.unreadFiles, catalog, language)
      if diagnostics.hasErrors { throw ExitCode(65) }
      guard !loadedScenarios.isEmpty else {
        console.error(catalog.text("test.none", language, ["path": target]))
        throw ExitCode(1)
      }
      let scenarios = try selected(loadedScenarios, catalog: catalog, console: console)
      let report = ScenarioRunner(book: book).run(scenarios)
      let byScenario = Dictionary(grouping: report.failures, by: \.scenario)
      if format == .json {
        console.print(String(decoding: TestReport(scenarios: scenarios, report: report).json, as: UTF8.self))
        if let junit { try writeJUnit(to: junit, suite: target, scenarios, failures: byScenario, catalog: catalog, console: console) }
        try console.finish(catalog, language)
        if !report.failedScenarios.isEmpty { throw ExitCode(1) }
        return
      }
      for scenario in scenarios {
        guard let failures = byScenario[scenario.id] else {
          console.print(catalog.text("test.pass", language, ["id": scenario.id]))
          continue
        }
        console.print(
          catalog.text("test.fail", language, ["id": scenario.id, "location": scenario.location?.description ?? ""]))
        for line in failures.flatMap({ $0.lines(catalog, language) }) { console.print(line) }
      }
      let covered = report.coverage.filter { $0.count > 0 }.count
      console.print(
        catalog.text("test.coverage", language, ["covered": String(covered), "total": String(report.coverage.count)]))
      // A filtered run covers few rules: the uncovered ones are listed only for a whole run.
      for entry in report.coverage where coverage || (entry.count == 0 && filter.isEmpty) {
        let key = entry.count == 0 ? "test.uncovered" : "test.coverage-rule"
        console.print(catalog.text(key, language, ["rule": entry.rule, "count": String(entry.count)]))
      }
      let failed = report.failedScenarios.count
      console.print(
        catalog.text("test.summary", language, ["passed": String(scenarios.count - failed), "failed": String(failed)]))
      if let junit { try writeJUnit(to: junit, suite: target, scenarios, failures: byScenario, catalog: catalog, console: console) }
      try console.finish(catalog, language)
      if failed > 0 { throw ExitCode(1) }
    }
  }
}
