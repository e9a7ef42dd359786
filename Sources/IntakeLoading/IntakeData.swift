import Foundation
import IntakeCore

/// Everything the program needs from `Rules/` and `Locales/`, loaded, compiled and checked,
/// with every problem found along the way.
public struct IntakeData: Sendable {
  public let ruleSet: RuleSet
  public let catalog: MessageCatalog
  /// Nil when the rules have errors that prevent compiling them.
  public let book: RuleBook?
  public let diagnostics: [Diagnostic]

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
    let unique = Array(Set(diagnostics)).sortedByLocation()
    return IntakeData(
      ruleSet: ruleSet, catalog: catalog, book: unique.hasErrors ? nil : book, diagnostics: unique)
  }
}
