import ArgumentParser
import IntakeCore
import IntakeLoading

extension CRSIntake {
  /// `crs-intake check`: every problem in Rules/ and Locales/ at once.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate Rules/ and Locales/, reporting every problem with file:line:column.")

    @OptionGroup var data: DataOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
      let console = Console()
      let language = data.language
      let loaded = IntakeData.load(rules: data.rulesURL, locales: data.localesURL)
      for diagnostic in loaded.diagnostics {
        console.error(console.render(diagnostic, loaded.catalog, language))
      }
      let errors = loaded.diagnostics.filter { $0.severity == .error }.count
      let warnings = loaded.diagnostics.count - errors
      if errors > 0 || (strict && warnings > 0) {
        console.error(loaded.catalog.text("check.summary", language, ["errors": String(errors), "warnings": String(warnings)]))
        throw ExitCode(65)
      }
      if warnings > 0 {
        console.error(loaded.catalog.text("check.summary", language, ["errors": "0", "warnings": String(warnings)]))
      }
      let rules = loaded.ruleSet
      console.print(
        loaded.catalog.text(
          "check.clean", language,
          ["facts": String(rules.facts.count), "rules": String(rules.rules.count), "services": String(rules.services.count),
           "referrals": String(rules.referrals.count), "offices": String(rules.offices.offices.count),
           "states": String(rules.offices.states.count)]))
      try console.finish(loaded.catalog, language)
    }
  }
}
