import ArgumentParser
import IntakeCore
import IntakeLoading
import IntakeReports

extension CRSIntake {
  /// `crs-intake check`: every problem in Rules/ and Locales/ at once.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate Rules/ and Locales/, reporting every problem with file:line:column.",
      discussion: """
        Checks the rules and texts built into crs-intake, or the folders given by --rules and \
        --locales (or CRS_INTAKE_RULES and CRS_INTAKE_LOCALES). `swift run crs-intake check` \
        rebuilds first, so it checks the package's Rules/ and Locales/ as they are now.
        """)

    @OptionGroup var data: DataOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text, or json (one object, shape in the README).")
    var format: ReportFormat = .text

    func run() throws {
      let console = Console()
      let language = data.language
      let folders = try data.folders(console: console)
      let loaded = IntakeData.load(rules: folders.rules, locales: folders.locales)
      // The scenarios are data too: read them, and check the facts they give once the rules read.
      let (scenarios, scenarioDiagnostics) = ScenarioLoader(folder: folders.rules).load()
      var diagnostics = loaded.diagnostics + scenarioDiagnostics
      if loaded.unreadFiles.isEmpty, !loaded.ruleSet.facts.isEmpty {
        diagnostics += ScenarioLint(ruleSet: loaded.ruleSet).run(scenarios)
      }
      diagnostics = diagnostics.sortedByLocation()
      // Texts that failed to load still leave every problem readable.
      let messages = data.messages(loaded.catalog)
      if format == .json {
        let report = CheckReport(diagnostics: diagnostics, ruleSet: loaded.ruleSet, strict: strict) {
          messages.problem($0.code.messageKey, language, $0.arguments)
        }
        console.print(String(decoding: report.json, as: UTF8.self))
        try console.finish(messages, language)
        if !report.valid { throw ExitCode(65) }
        return
      }
      for diagnostic in diagnostics {
        console.error(console.render(diagnostic, messages, language))
      }
      console.reportSkipped(diagnostics.unreadFiles, messages, language)
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.count - errors
      if errors > 0 || (strict && warnings > 0) {
        console.error(messages.text("check.summary", language, ["errors": String(errors), "warnings": String(warnings)]))
        throw ExitCode(65)
      }
      if warnings > 0 {
        console.error(messages.text("check.summary", language, ["errors": "0", "warnings": String(warnings)]))
      }
      let rules = loaded.ruleSet
      console.print(
        loaded.catalog.text(
          "check.clean", language,
          [
            "facts": String(rules.facts.count), "rules": String(rules.rules.count), "services": String(rules.services.count),
            "referrals": String(rules.referrals.count), "offices": String(rules.offices.offices.count),
            "states": String(rules.offices.states.count),
          ]))
      try console.finish(loaded.catalog, language)
    }
  }
}
