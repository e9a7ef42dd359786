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
  /// location. A file that cannot be read or parsed is reported once, at its position; the checks
  /// that depend on it are skipped (see `unreadFiles`), so its absence does not show as hundreds
  /// of follow-on errors: an unread catalogue in `Rules/` skips compiling and every check across
  /// files, an unread rule file or questions.yaml the checks of the rule set as a whole, an unread lexicon its checks, an unread locale file the checks of texts.
  public static func load(rules: DataFolder, locales: DataFolder) -> IntakeData {
    let (ruleSet, ruleDiagnostics) = RulesLoader(folder: rules).load()
    let (catalog, localeDiagnostics) = LocalesLoader(folder: locales).load()
    let (lexicon, lexiconDiagnostics) = LexiconLoader(folder: rules).load()
    var diagnostics = ruleDiagnostics + localeDiagnostics + lexiconDiagnostics
    var book: RuleBook?
    // A rule file or questions.yaml that does not parse leaves the other rules' references
    // checkable; a catalogue (facts, services, referrals, offices, places) does not.
    let ruleFiles = Set(rules.yamlFiles(in: "rules").map(rules.displayPath) + [rules.displayPath("questions.yaml")])
    let unreadRules = ruleDiagnostics.unreadFiles
    let catalogueReadable = unreadRules.allSatisfy { ruleFiles.contains($0) }
    if catalogueReadable {
      if !ruleSet.facts.isEmpty {
        let (compiled, compileDiagnostics) = RuleBook.compile(ruleSet)
        diagnostics += compileDiagnostics
        book = compiled
      }
      if unreadRules.isEmpty {
        let lint = RuleSetLint(ruleSet: ruleSet, catalog: catalog).run()
        diagnostics += localeDiagnostics.unreadFiles.isEmpty ? lint : lint.filter { $0.code != .localeGap }
      }
      if lexiconDiagnostics.unreadFiles.isEmpty {
        diagnostics += LexiconLint(lexicon: lexicon, ruleSet: ruleSet).run()
      }
    }
    let unique = Array(Set(diagnostics)).sortedByLocation()
    return IntakeData(
      ruleSet: ruleSet, catalog: catalog, lexicon: lexicon, book: unique.hasErrors ? nil : book, diagnostics: unique)
  }

  /// The files that could not be read or parsed, in path order: the checks that depend on them
  /// were skipped, which `check` says in one line.
  public var unreadFiles: [String] { diagnostics.unreadFiles }

  /// The narrative reader for these rules (compiled once; keep it).
  public func narrativeReader() -> NarrativeReader? {
    book.map { NarrativeReader(lexicon: lexicon, book: $0, catalog: catalog) }
  }
}
