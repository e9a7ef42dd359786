import Foundation
import IntakeCore

/// Everything the program needs from `Rules/` and `Locales/`, loaded, compiled and checked,
/// with every problem found along the way.
public struct IntakeData: Sendable {
  public let ruleSet: RuleSet
  public let catalog: MessageCatalog
  /// Phrases for reading narratives (`Rules/lexicon.yaml`).
  public let lexicon: Lexicon
  /// Nil when the rules have errors that prevent compiling them.
  public let book: RuleBook?
  public let diagnostics: [Diagnostic]
  /// Read back from the private cache rather than parsed from YAML.
  public internal(set) var fromCache = false

  public init(ruleSet: RuleSet, catalog: MessageCatalog, lexicon: Lexicon, book: RuleBook?, diagnostics: [Diagnostic]) {
    self.ruleSet = ruleSet
    self.catalog = catalog
    self.lexicon = lexicon
    self.book = book
    self.diagnostics = diagnostics
  }

  /// Loads both directories and reports every problem at once, sorted by location.
  public static func load(rules: URL, locales: URL) -> IntakeData {
    load(rules: .directory(rules), locales: .directory(locales))
  }

  /// Loads both folders (on disk or compiled in) and reports every problem at once, sorted by
  /// location.
  public static func load(rules: DataFolder, locales: DataFolder) -> IntakeData {
    let (ruleSet, ruleDiagnostics) = RulesLoader(folder: rules).load()
    let (catalog, localeDiagnostics) = LocalesLoader(folder: locales).load()
    var diagnostics = ruleDiagnostics + localeDiagnostics
    var book: RuleBook?
    if !ruleSet.facts.isEmpty {
      let (compiled, compileDiagnostics) = RuleBook.compile(ruleSet)
      diagnostics += compileDiagnostics
      book = compiled
    }
    diagnostics += RuleSetLint(ruleSet: ruleSet, catalog: catalog).run()
    let (lexicon, lexiconDiagnostics) = LexiconLoader(folder: rules).load()
    diagnostics += lexiconDiagnostics + LexiconLint(lexicon: lexicon, ruleSet: ruleSet).run()
    let unique = Array(Set(diagnostics)).sortedByLocation()
    return IntakeData(
      ruleSet: ruleSet, catalog: catalog, lexicon: lexicon, book: unique.hasErrors ? nil : book, diagnostics: unique)
  }

  /// The narrative reader for these rules (compiled once; keep it).
  public func narrativeReader() -> NarrativeReader? {
    book.map { NarrativeReader(lexicon: lexicon, book: $0, catalog: catalog) }
  }
}
