import Foundation
import IntakeCore
import IntakeEmbeddedData
import IntakeLoading
import IntakeTestSupport
import Testing

/// Every `DiagnosticCode` has its message in both shipped locales, and every `diagnostic.*`
/// message belongs to a code, read through the loaders the program uses.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
  /// `diagnostic.*` keys that are not the message of a code: `MessageCatalog.problem` adds
  /// `diagnostic.suggestion` to any message with a near miss.
  static let sharedKeys: Set<String> = ["diagnostic.suggestion", "diagnostic.none-accepted"]

  /// What is wrong with the `diagnostic.*` texts of `catalog`: a code without its message in a
  /// language, or a message no code uses. Empty when the codes and the texts agree.
  static func problems(_ catalog: MessageCatalog) -> [String] {
    var problems: [String] = []
    for language in Language.allCases {
      let keys = Set((catalog.texts[language] ?? [:]).keys).union((catalog.lists[language] ?? [:]).keys)
      for code in DiagnosticCode.allCases where !keys.contains(code.messageKey) {
        problems.append("\(language.rawValue): \(code.messageKey) is missing")
      }
      let codeKeys = Set(DiagnosticCode.allCases.map(\.messageKey)).union(sharedKeys)
      for key in keys.sorted() where key.hasPrefix("diagnostic.") && !codeKeys.contains(key) {
        problems.append("\(language.rawValue): \(key) belongs to no DiagnosticCode")
      }
    }
    return problems
  }

  @Test("every code has its message in en and vi, and every diagnostic message has a code: Locales/ on disk")
  func packageLocales() {
    let (catalog, diagnostics) = LocalesLoader(directory: PackagePaths.locales).load()
    #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location) \($0.code)" })")
    #expect(!(catalog.texts[.en] ?? [:]).isEmpty && !(catalog.texts[.vi] ?? [:]).isEmpty)
    let problems = Self.problems(catalog)
    #expect(problems.isEmpty, "\(problems)")
  }

  @Test("every code has its message in en and vi, and every diagnostic message has a code: the texts built into the binary")
  func embeddedLocales() {
    let (catalog, diagnostics) = LocalesLoader(folder: EmbeddedData.locales).load()
    #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location) \($0.code)" })")
    let problems = Self.problems(catalog)
    #expect(problems.isEmpty, "\(problems)")
  }

  @Test("a message missing from one locale, and a message no code uses, are both found")
  func catchesGapsAndOrphans() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let locales = folder.url.appendingPathComponent("Locales")
    try FileManager.default.copyItem(at: PackagePaths.locales, to: locales)
    let vietnamese = locales.appendingPathComponent("vi.yaml")
    let lines = try String(contentsOf: vietnamese, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let kept = lines.filter { !$0.hasPrefix("  diagnostic.yaml-alias:") }
    #expect(kept.count == lines.count - 1)
    try Data((kept.joined(separator: "\n") + "  diagnostic.yaml-aliases: \"Bí danh.\"\n").utf8).write(to: vietnamese)
    let (catalog, _) = LocalesLoader(directory: locales).load()
    #expect(
      Self.problems(catalog) == [
        "vi: diagnostic.yaml-alias is missing", "vi: diagnostic.yaml-aliases belongs to no DiagnosticCode",
      ])
  }

  @Test("the messages built into the code for broken texts are of codes too")
  func builtInMessages() {
    for language in Language.allCases {
      let keys = (BuiltInMessages.catalog.texts[language] ?? [:]).keys.filter {
        $0.hasPrefix("diagnostic.") && !Self.sharedKeys.contains($0)
      }
      #expect(!keys.isEmpty)
      for key in keys {
        #expect(DiagnosticCode(rawValue: String(key.dropFirst("diagnostic.".count))) != nil, "\(language.rawValue): \(key)")
      }
    }
  }

  @Test("a code reads as its raw value in text, and a shared key is no code's")
  func spelling() {
    for code in DiagnosticCode.allCases {
      #expect("\(code)" == code.rawValue)
      #expect(code.messageKey == "diagnostic." + code.rawValue)
      #expect(!Self.sharedKeys.contains(code.messageKey))
    }
    #expect(DiagnosticCode.unknownFact.rawValue == "unknown-fact")
    #expect(DiagnosticCode(rawValue: "unknown-facts") == nil)
  }
}
