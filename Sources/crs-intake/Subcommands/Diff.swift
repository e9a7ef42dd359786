import ArgumentParser
import Foundation
import IntakeCore
import IntakeEmbeddedData
import IntakeImpact
import IntakeLoading
import IntakeScreening
import IntakeTerminal

extension CRSIntake {
  /// `crs-intake diff`: what an edit of the rules changes, before it ships.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Show how the outcomes of the scenarios and of requests change between base rules and the working rules.",
      discussion: """
        Screens the scenarios of the working rules (Rules/scenarios), the request files given \
        (JSON, JSON arrays, JSON Lines, saved drafts, a folder of saved sessions) and --generate N \
        random requests with the base rules and with the working rules (--rules / --locales, \
        else built in), and reports every request whose outcome changes, grouped by the rules \
        whose results changed. Exit codes: 0 nothing changes; 1 something changes; 64 bad \
        arguments or an unusable git revision; 65 either rule set is broken or a request is \
        not valid; 66 an input file cannot be read.
        """)

    /// How the report is written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @OptionGroup var data: DataOptions

    @Option(help: "The rules to compare with: a Rules/ folder, or a folder holding Rules/ (and Locales/).", completion: .directory)
    var base: String?

    @Option(name: .customLong("base-rev"), help: "The rules to compare with as they were at a git revision (e.g. HEAD~1).")
    var baseRev: String?

    @Argument(help: "Request files (JSON, JSON array, JSON Lines, saved drafts) or folders of saved sessions; - for stdin.")
    var files: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Also screen this many random requests (from 1 to 1000000).")
    var generate: Int?

    @Option(help: "The seed of the random requests (default 1): the same seed gives the same requests.")
    var seed: UInt64?

    @Option(help: "How many changed requests to show for each group (0 to 1000).")
    var examples: Int = 3

    static let maximumGenerated = 1_000_000

    func run() throws {
      let console = Console()
      let language = data.language
      // Texts for what goes wrong before the working texts are read.
      let texts = data.messages(LocalesLoader(folder: EmbeddedData.locales).load().0)
      try checkArguments(texts, language, console)
      let working = try data.folders(console: console)
      let baseRules: BaseRules
      if let base {
        baseRules = try BaseRules.folder(base, working: working.locales, texts: texts, language: language, console: console)
      } else {
        baseRules = try BaseRules.revision(
          baseRev ?? "", rulesPath: folderPath(data.rulesLocation, "Rules"), localesPath: folderPath(data.localesLocation, "Locales"),
          texts: texts, language: language, console: console)
      }
      defer { baseRules.remove() }
      let before = IntakeData.load(rules: baseRules.rules, locales: baseRules.locales)
      let after = IntakeData.load(rules: working.rules, locales: working.locales)
      let (scenarios, scenarioDiagnostics) = ScenarioLoader(folder: working.rules).load()
      var broken = false
      for (side, loaded, diagnostics, folder) in [
        ("diff.base-invalid", before, before.diagnostics, baseRules.rules),
        ("diff.working-invalid", after, after.diagnostics + scenarioDiagnostics, working.rules),
      ] where loaded.book == nil || diagnostics.hasErrors {
        broken = true
        let messages = loaded.catalog.fallingBack(to: texts)
        console.error(messages.text(side, language, ["path": SafeText.visible(folder.displayName)]))
        console.reportInvalid(diagnostics.sortedByLocation(), messages, language)
      }
      guard !broken, let baseBook = before.book, let workingBook = after.book else { throw ExitCode(65) }
      let catalog = after.catalog
      let analysis = ImpactAnalysis(
        base: ImpactSide(book: baseBook, catalog: before.catalog, lexicon: before.lexicon),
        working: ImpactSide(book: workingBook, catalog: catalog, lexicon: after.lexicon), exampleLimit: examples)
      var status: Int32 = 0
      for subject in RequestSources.scenarios(scenarios) { analysis.add(subject) }
      for file in files {
        let (subjects, problems) = RequestSources.read(file)
        status = max(status, report(problems, catalog, language, console))
        for subject in subjects { analysis.add(subject) }
      }
      if let generate {
        for subject in RequestSources.generated(generate, seed: seed ?? 1, facts: workingBook.facts) { analysis.add(subject) }
      }
      let result = analysis.result
      let text = ImpactText(catalog: catalog, language: language, width: TerminalSize.columns)
      for rejection in result.rejected {
        let problem = rejection.problems.first.map { ProblemText.render($0, catalog, language) } ?? ""
        console.error(catalog.text("diff.rejected-both", language, ["request": text.origin(rejection.origin), "problem": problem]))
        status = max(status, 65)
      }
      switch format {
      case .text:
        console.output.write(text.render(result, base: baseRules.rules.displayName, working: working.rules.displayName))
      case .json:
        console.output.write(
          ImpactJSON.render(
            result, base: (baseRules.rules.displayName, baseRules.locales.displayName),
            working: (working.rules.displayName, working.locales.displayName)))
      }
      try console.finish(catalog, language)
      if status == 0 && result.changed > 0 { status = 1 }
      if status != 0 { throw ExitCode(status) }
    }

    private func checkArguments(_ texts: MessageCatalog, _ language: Language, _ console: Console) throws {
      var problem: (key: String, arguments: [String: String])?
      if base == nil && baseRev == nil {
        problem = ("diff.base-missing", [:])
      } else if base != nil && baseRev != nil {
        problem = ("diff.base-twice", [:])
      } else if let generate, !(1...Self.maximumGenerated).contains(generate) {
        problem = ("diff.generate-range", ["count": String(generate), "limit": String(Self.maximumGenerated)])
      } else if seed != nil && generate == nil {
        problem = ("diff.seed-without-generate", [:])
      } else if !(0...1000).contains(examples) {
        problem = ("diff.examples-range", ["count": String(examples)])
      }
      guard let problem else { return }
      console.error(texts.text(problem.key, language, problem.arguments))
      throw ExitCode(64)
    }

    /// The folder as the user named it, for reading it at a revision; `fallback` (from the
    /// current folder) when the built-in data is used.
    private func folderPath(_ location: DataLocator.Location, _ fallback: String) -> String {
      location.origin == nil ? fallback : location.path
    }

    /// Reports requests that could not be read; returns the exit status they call for.
    private func report(_ problems: [RequestSources.Problem], _ catalog: MessageCatalog, _ language: Language, _ console: Console)
      -> Int32
    {
      var status: Int32 = 0
      let label = catalog.text("screen.error-label", language)
      for problem in problems {
        switch problem {
        case .unreadable(let path):
          console.error(catalog.text("screen.unreadable", language, ["path": SafeText.visible(path)]))
          status = max(status, 66)
        case .rejected(let file, let line, let problems):
          for each in problems {
            console.error("\(SafeText.visible(file)):\(line): \(label): \(ProblemText.render(each, catalog, language))")
          }
          status = max(status, 65)
        case .session(let file, let problem):
          SessionsCommand.report([(file, problem)], catalog: catalog, language: language, console: console)
          status = max(status, 65)
        }
      }
      return status
    }
  }
}
