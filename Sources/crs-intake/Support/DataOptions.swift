import ArgumentParser
import Foundation
import IntakeCore
import IntakeLoading

/// Options every subcommand shares: where the rules and texts are, and the language.
struct DataOptions: ParsableArguments {
  @Option(name: .long, help: "The Rules/ folder.", completion: .directory)
  var rules: String?

  @Option(name: .long, help: "The Locales/ folder.", completion: .directory)
  var locales: String?

  @Option(name: .long, help: "Language of messages: vi, en or auto (from LC_ALL / LC_MESSAGES / LANG).")
  var lang: LanguageChoice = .auto

  var language: Language { lang.resolve(ProcessInfo.processInfo.environment) }

  var rulesURL: URL { DataLocator.locate(explicit: rules, variable: "CRS_INTAKE_RULES", folder: "Rules") }
  var localesURL: URL { DataLocator.locate(explicit: locales, variable: "CRS_INTAKE_LOCALES", folder: "Locales") }

  /// Loads and checks the data (from the private cache when it is current); when it has
  /// errors, prints them and exits 65.
  func loadValid(console: Console, useCache: Bool = true) throws -> (IntakeData, RuleBook) {
    let data = useCache
      ? DataCache(directory: StatePaths.cacheDirectory).load(rules: rulesURL, locales: localesURL)
      : IntakeData.load(rules: rulesURL, locales: localesURL)
    guard let book = data.book, !data.diagnostics.hasErrors else {
      let errors = data.diagnostics.filter { $0.severity == .error }
      for diagnostic in errors.prefix(20) { console.error(console.render(diagnostic, data.catalog, language)) }
      console.error(data.catalog.text("cli.data-invalid", language, ["count": String(errors.count)]))
      throw ExitCode(65)
    }
    return (data, book)
  }
}

/// `--lang`: a language, or `auto` to follow the locale environment.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
  case vi, en, auto

  func resolve(_ environment: [String: String]) -> Language {
    switch self {
    case .vi: return .vi
    case .en: return .en
    case .auto: return Language.fromEnvironment(environment)
    }
  }
}

/// `--draft-lang`: the language of the draft letter, or both (Vietnamese for the requester,
/// English for the office).
enum DraftLanguageChoice: String, ExpressibleByArgument, CaseIterable {
  case vi, en, both

  var languages: [Language] {
    switch self {
    case .vi: return [.vi]
    case .en: return [.en]
    case .both: return [.vi, .en]
    }
  }
}
