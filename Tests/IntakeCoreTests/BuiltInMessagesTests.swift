import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// The messages built into the code (for when the texts cannot be loaded) are complete in both
/// languages and never drift from `Locales/`.
@Suite("Built-in messages")
struct BuiltInMessagesTests {
  static let builtIn = BuiltInMessages.catalog

  @Test("English and Vietnamese have the same keys and placeholders")
  func parity() {
    let english = Self.builtIn.texts[.en] ?? [:]
    let vietnamese = Self.builtIn.texts[.vi] ?? [:]
    #expect(Set(english.keys) == Set(vietnamese.keys))
    for (key, text) in english {
      #expect(MessageCatalog.placeholders(in: text) == MessageCatalog.placeholders(in: vietnamese[key] ?? ""), "\(key)")
    }
  }

  @Test("A built-in copy of a Locales/ text is the same text", arguments: Language.allCases)
  func sameAsLocales(_ language: Language) {
    let locales = ShippedData.loaded.catalog
    var shared = 0
    for (key, text) in Self.builtIn.texts[language] ?? [:] where locales.has(key, in: language) {
      shared += 1
      #expect(locales.text(key, language) == text, "\(key) differs from Locales/\(language.rawValue).yaml")
    }
    #expect(shared >= 5)
  }

  @Test("The data-location messages name the option and the variable, and speak to the reader respectfully in Vietnamese")
  func namesOptions() {
    for (key, option, variable) in [
      ("data.rules-not-found", "--rules", "CRS_INTAKE_RULES"), ("data.locales-not-found", "--locales", "CRS_INTAKE_LOCALES"),
      ("data.rules-from", "--rules", "CRS_INTAKE_RULES"), ("data.locales-from", "--locales", "CRS_INTAKE_LOCALES"),
    ] {
      for language in Language.allCases {
        let text = Self.builtIn.text(key, language, ["path": "/x", "origin": option])
        #expect(text.contains(option) && text.contains(variable) && text.contains("'/x'"), "\(key) \(language)")
      }
    }
    #expect(Self.builtIn.text("data.rules-not-found", .vi).contains("quý vị"))
  }

  @Test("A catalog that failed to load falls back to the built-in texts, never to a key")
  func fallback() {
    let empty = MessageCatalog().fallingBack(to: Self.builtIn)
    #expect(
      empty.text("cli.data-invalid", .vi, ["count": "2"]) == "Quy tắc hoặc văn bản có 2 lỗi; hãy chạy 'crs-intake check' để xem tất cả.")
    let partial = MessageCatalog(texts: [.en: ["check.summary": "mine"]]).fallingBack(to: Self.builtIn)
    #expect(partial.text("check.summary", .en) == "mine")
    #expect(partial.text("check.summary", .vi, ["errors": "1", "warnings": "0"]) == "1 lỗi, 0 cảnh báo.")
  }
}
