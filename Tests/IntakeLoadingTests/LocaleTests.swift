import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Locales/en.yaml and Locales/vi.yaml: the same keys, the same placeholders, and real
/// Vietnamese in the Vietnamese file.
@Suite("Locales")
struct LocaleTests {
  static let loaded = LocalesLoader(directory: PackagePaths.locales).load()
  static var catalog: MessageCatalog { loaded.0 }

  static func keys(_ language: Language) -> Set<String> {
    Set((catalog.texts[language] ?? [:]).keys).union((catalog.lists[language] ?? [:]).keys)
  }

  @Test("both files load without diagnostics")
  func loadClean() {
    #expect(Self.loaded.1.isEmpty, "\(Self.loaded.1.map { "\($0.location) \($0.code) \($0.arguments)" })")
    #expect(Self.keys(.en).count > 400)
  }

  @Test("every key of one language exists in every other", arguments: Language.allCases)
  func sameKeys(_ language: Language) {
    for other in Language.allCases where other != language {
      let absent = Self.keys(language).subtracting(Self.keys(other)).sorted()
      #expect(absent.isEmpty, "in \(language.rawValue) but not \(other.rawValue): \(absent)")
    }
  }

  @Test("every text has the same placeholders in every language", arguments: Language.allCases)
  func samePlaceholders(_ language: Language) {
    let mine = Self.catalog.texts[language] ?? [:]
    for other in Language.allCases where other != language {
      let theirs = Self.catalog.texts[other] ?? [:]
      for (key, text) in mine {
        guard let counterpart = theirs[key] else { continue }
        #expect(
          MessageCatalog.placeholders(in: text) == MessageCatalog.placeholders(in: counterpart),
          "\(key): \(language.rawValue) \(MessageCatalog.placeholders(in: text)) vs \(other.rawValue) \(MessageCatalog.placeholders(in: counterpart))"
        )
      }
    }
  }

  @Test("no text is empty and no word list is empty", arguments: Language.allCases)
  func nothingEmpty(_ language: Language) {
    for (key, text) in Self.catalog.texts[language] ?? [:] {
      #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in \(language.rawValue)")
    }
    for (key, list) in Self.catalog.lists[language] ?? [:] {
      #expect(!list.isEmpty, "\(key) is empty in \(language.rawValue)")
    }
  }

  @Test("every text the rules need exists in every language", arguments: Language.allCases)
  func requiredKeys(_ language: Language) {
    let required = RuleSetLint(ruleSet: ShippedData.loaded.ruleSet, catalog: Self.catalog).requiredKeys()
    #expect(required.count > 100)
    let absent = required.map(\.key).filter { !Self.catalog.has($0, in: language) }
    #expect(absent.isEmpty, "\(absent)")
  }

  @Test("most Vietnamese texts differ from the English ones")
  func vietnameseIsTranslated() {
    let en = Self.catalog.texts[.en] ?? [:]
    let vi = Self.catalog.texts[.vi] ?? [:]
    let same = vi.filter { en[$0.key] == $0.value }
    #expect(Double(same.count) < Double(vi.count) * 0.2, "\(same.count) of \(vi.count) identical")
    // What may stay identical: state names and texts that are only placeholders and symbols.
    for key in same.keys where !key.hasPrefix("value.state.") {
      let letters = (vi[key] ?? "").replacingOccurrences(of: "\\{[a-z_]+\\}", with: "", options: .regularExpression)
        .filter(\.isLetter)
      #expect(letters.isEmpty, "\(key) is English in the Vietnamese file: \(vi[key] ?? "")")
    }
  }

  @Test("Vietnamese texts are written with Vietnamese diacritics")
  func vietnameseDiacritics() {
    let vi = Self.catalog.texts[.vi] ?? [:]
    let withLetters = vi.filter { !$0.key.hasPrefix("value.state.") && $0.value.contains(where: \.isLetter) }
    let withDiacritics = withLetters.filter { hasVietnameseLetters($0.value) }
    #expect(Double(withDiacritics.count) > Double(withLetters.count) * 0.9, "\(withDiacritics.count) of \(withLetters.count)")
    // Texts a Vietnamese reader needs most are never plain ASCII.
    for (key, text) in vi where ["service.", "reason.", "fact.", "referral.", "request."].contains(where: { key.hasPrefix($0) }) {
      #expect(hasVietnameseLetters(text), "\(key): \(text)")
    }
    // The flyer's terms.
    #expect(vi["service.spcp.name"].map(hasVietnameseLetters) == true)
  }

  @Test("the English file is English")
  func englishIsEnglish() {
    let en = Self.catalog.texts[.en] ?? [:]
    let vietnamese = en.filter { !$0.key.hasPrefix("value.state.") && hasVietnameseLetters($0.value) }
    // A few names (e.g. Đà Nẵng in an example) may appear; most texts must not.
    #expect(vietnamese.count < en.count / 20, "\(vietnamese.keys.sorted())")
  }

  @Test("a key missing from one language and unequal placeholders are reported with file and line")
  func parityDiagnostics() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "Locales/en.yaml",
      """
      version: 1
      language: en
      messages:
        greeting: "Hello {name}"
        only.english: "Only here"
      """)
    try folder.write(
      "Locales/vi.yaml",
      """
      version: 1
      language: vi
      messages:
        greeting: "Xin chào {ten}"
      """)
    let (_, diagnostics) = LocalesLoader(directory: folder.url.appendingPathComponent("Locales")).load()
    let found = Set(diagnostics.map { "\($0.location) \($0.code) \($0.arguments["key"] ?? "")" })
    #expect(found == ["Locales/en.yaml:5:3 locale-missing-key only.english", "Locales/vi.yaml:4:3 locale-placeholders greeting"])
  }
}
