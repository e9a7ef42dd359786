import ArgumentParser
import Foundation
import IntakeCore
import IntakeEmbeddedData
import IntakeLoading
import IntakeReports

/// Options every subcommand shares: where the rules and texts are, and the language.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "A Rules/ folder to use instead of the rules built into crs-intake (default: $CRS_INTAKE_RULES, else built in).",
    completion: .directory)
  var rules: String?

  @Option(
    name: .long,
    help: "A Locales/ folder to use instead of the texts built into crs-intake (default: $CRS_INTAKE_LOCALES, else built in).",
    completion: .directory)
  var locales: String?

  @Option(name: .long, help: "Language of messages: vi, en or auto (from LC_ALL / LC_MESSAGES / LANG).")
  var lang: LanguageChoice = .auto

  var language: Language { lang.resolve(ProcessInfo.processInfo.environment) }

  var rulesLocation: DataLocator.Location { DataLocator.rules.locate(explicit: rules, builtIn: EmbeddedData.rules) }
  var localesLocation: DataLocator.Location { DataLocator.locales.locate(explicit: locales, builtIn: EmbeddedData.locales) }

  /// The rules and texts folders to read. A folder given by an option or variable that is not
  /// there gets a message built into the program (the texts may be what is missing), naming the
  /// option and the variable, and exit 65.
  func folders(console: Console) throws -> (rules: DataFolder, locales: DataFolder) {
    let located = (rules: rulesLocation, locales: localesLocation)
    var missing = false
    for (locator, location) in [(DataLocator.rules, located.rules), (DataLocator.locales, located.locales)]
    where !locator.isPresent(location) {
      missing = true
      console.error(
        BuiltInMessages.catalog.problem(locator.notFoundKey, language, ["path": location.path, "origin": location.origin ?? ""]))
    }
    if missing { throw ExitCode(65) }
    return (located.rules.folder, located.locales.folder)
  }

  /// The texts to render messages with when `catalog` may be incomplete (texts given by
  /// `--locales` that failed to load): its gaps filled from the built-in texts, then from the
  /// messages built into the code, so no message shows as its key.
  func messages(_ catalog: MessageCatalog) -> MessageCatalog {
    var fallback = BuiltInMessages.catalog
    if localesLocation.origin != nil {
      fallback = LocalesLoader(folder: EmbeddedData.locales).load().0.fallingBack(to: fallback)
    }
    return catalog.fallingBack(to: fallback)
  }

  /// Loads and checks the data (from the private cache when it is current; a new cache file is
  /// written only when `storingCache`); when it has errors, prints them, says where the data
  /// came from, and exits 65.
  func loadValid(console: Console, storingCache: Bool = true) throws -> (IntakeData, RuleBook) {
    let (rulesFolder, localesFolder) = try folders(console: console)
    let data = DataCache(directory: StatePaths.cacheDirectory).load(rules: rulesFolder, locales: localesFolder, storing: storingCache)
    guard let book = data.book, !data.diagnostics.hasErrors else {
      console.reportInvalid(data.diagnostics, messages(data.catalog), language)
      for (locator, location) in [(DataLocator.rules, rulesLocation), (DataLocator.locales, localesLocation)] {
        guard let origin = location.origin else { continue }
        console.error(BuiltInMessages.catalog.problem(locator.fromKey, language, ["path": location.path, "origin": origin]))
      }
      throw ExitCode(65)
    }
    return (data, book)
  }
}

/// `--lang`: a language, or `auto` to follow the locale environment.
extension ReportFormat: ExpressibleByArgument {}

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
