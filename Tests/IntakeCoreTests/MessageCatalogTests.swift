import IntakeCore
import Testing

/// Message lookup: placeholders, the English fallback, and keys that exist nowhere.
@Suite("Message catalog")
struct MessageCatalogTests {
  let catalog = MessageCatalog(
    texts: [
      .en: ["hello": "Hello {name}, you have {count} messages.", "only.en": "English only"],
      .vi: ["hello": "Chào {name}, bạn có {count} tin nhắn."],
    ],
    lists: [.vi: ["synonyms.yes": ["có", "vâng"]]])

  @Test("placeholders are filled in the requested language")
  func fill() {
    #expect(catalog.text("hello", .vi, ["name": "Lan", "count": "3"]) == "Chào Lan, bạn có 3 tin nhắn.")
    #expect(catalog.text("hello", .en, ["name": "Lan", "count": "3"]) == "Hello Lan, you have 3 messages.")
  }

  @Test("a Vietnamese text that is missing falls back to English")
  func fallback() {
    #expect(catalog.text("only.en", .vi) == "English only")
    #expect(!catalog.has("only.en", in: .vi))
    #expect(catalog.has("only.en", in: .en))
  }

  @Test("a key missing everywhere renders as the key, never blank")
  func missingKey() {
    #expect(catalog.text("no.such.key", .vi) == "no.such.key")
  }

  @Test("unknown placeholders stay as written; an unclosed brace is kept")
  func unknownPlaceholders() {
    #expect(MessageCatalog.fill("{a} and {b}", ["a": "x"]) == "x and {b}")
    #expect(MessageCatalog.placeholders(in: "{x} {y} {x}") == ["x", "y"])
  }

  @Test("a value containing braces is inserted as is, not filled again")
  func valuesAreNotRefilled() {
    #expect(MessageCatalog.fill("{a}{b}", ["a": "{b}", "b": "B"]) == "{b}B")
  }

  @Test("word lists by language")
  func lists() {
    #expect(catalog.list("synonyms.yes", .vi) == ["có", "vâng"])
    #expect(catalog.list("synonyms.yes", .en).isEmpty)
  }

  @Test("the language of a locale environment: LC_ALL, then LC_MESSAGES, then LANG")
  func environmentLanguage() {
    #expect(Language.fromEnvironment(["LANG": "vi_VN.UTF-8"]) == .vi)
    #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"]) == .en)
    #expect(Language.fromEnvironment(["LC_MESSAGES": "vi_VN", "LANG": "en_US"]) == .vi)
    #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "vi"]) == .vi)
    #expect(Language.fromEnvironment([:]) == .en)
    #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .en)
  }
}
