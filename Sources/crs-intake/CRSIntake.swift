import ArgumentParser

/// `crs-intake`: a bilingual intake assistant for the Community Relations Service.
@main
struct CRSIntake: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crs-intake",
    abstract: "Bilingual (Vietnamese/English) intake assistant for the U.S. DOJ Community Relations Service.",
    discussion: """
      Rules and texts are built into this binary (the package's Rules/ and Locales/ when it was \
      built; no source tree is needed). --rules and --locales (or $CRS_INTAKE_RULES and \
      $CRS_INTAKE_LOCALES) name other folders to read instead.

      Exit codes: 0 success; 1 a request or scenario failed; 64 usage error; 65 invalid data; \
      66 an input file or session that does not exist or cannot be read; 74 output that could \
      not be written; 130 interrupted.
      """,
    version: "0.1.0",
    subcommands: [Interview.self, Check.self, Test.self, Screen.self, Explain.self, Draft.self, Offices.self, Sessions.self, Diff.self],
    defaultSubcommand: Interview.self
  )
}
