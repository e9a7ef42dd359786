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
    let (ruleSet, ruleDiagnostics) = RulesLoader(directory: rules).load()
    let (catalog, localeDiagnostics) = LocalesLoader(directory: locales).load()
    var diagnostics = ruleDiagnostics + localeDiagnostics
    var book: RuleBook?
    if !ruleSet.facts.isEmpty {
      let (compiled, compileDiagnostics) = RuleBook.compile(ruleSet)
      diagnostics += compileDiagnostics
      book = compiled
    }
    diagnostics += RuleSetLint(ruleSet: ruleSet, catalog: catalog).run()
    let lexiconURL = rules.appendingPathComponent("lexicon.yaml")
    let (lexicon, lexiconDiagnostics) = LexiconLoader(url: lexiconURL, displayPath: rules.lastPathComponent + "/lexicon.yaml").load()
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
