import Foundation
import IntakeCore
import Testing

/// Folding for answer matching: case and diacritics removed, đ read as d, white space
/// collapsed; precomposed and decomposed input fold alike.
@Suite("Text folding")
struct TextFoldingTests {
  @Test(
    "examples",
    arguments: [
      ("KHÔNG", "khong"),
      ("không", "khong"),
      ("khong", "khong"),
      ("Đà Nẵng", "da nang"),
      ("ĐƯỢC", "duoc"),
      ("Quay lại", "quay lai"),
      ("  Người   dân \t tộc  ", "nguoi dan toc"),
      ("Hồ Chí Minh", "ho chi minh"),
      ("Việt Nam", "viet nam"),
      ("Café", "cafe"),
      ("", ""),
    ])
  func examples(input: String, folded: String) {
    #expect(TextFolding.fold(input) == folded)
  }

  static let vietnameseWords = [
    "KHÔNG", "Đà Nẵng", "quay lại", "cộng đồng", "cảnh sát", "nhà thờ", "thù hận", "người khuyết tật", "tôn giáo",
    "Huế", "Thừa Thiên", "ỨNG XỬ", "Ở đâu", "giữ gìn", "nguyễn", "trường học", "đã xảy ra", "ngăn ngừa",
  ]

  @Test("decomposed (NFD) input folds the same as precomposed (NFC)", arguments: vietnameseWords)
  func nfdFoldsLikeNFC(_ word: String) {
    let nfc = word.precomposedStringWithCanonicalMapping
    let nfd = word.decomposedStringWithCanonicalMapping
    #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count || nfc.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(TextFolding.fold(nfd) == TextFolding.fold(nfc))
    #expect(TextFolding.fold(nfc).unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test("NFD spelled out by hand: o + circumflex + acute and d with stroke")
  func handWrittenNFD() {
    // "KHỐNG" as K H O + U+0302 + U+0301 N G; "Đ" has no decomposition and folds by itself.
    #expect(TextFolding.fold("KHO\u{0302}\u{0301}NG") == "khong")
    #expect(TextFolding.fold("\u{0110}a\u{0300} N\u{0103}\u{0303}ng") == "da nang")
    #expect(TextFolding.fold("u\u{031B}\u{0323}") == "u")
  }

  @Test("every Vietnamese vowel and đ, in both cases, folds to one ASCII letter")
  func wholeAlphabet() {
    let lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    for character in lower + lower.uppercased() {
      let folded = TextFolding.fold(String(character))
      #expect(folded.count == 1 && folded.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isLowercase }, "\(character) → \(folded)")
      #expect(TextFolding.fold(String(character).decomposedStringWithCanonicalMapping) == folded, "\(character)")
    }
  }

  @Test("folding is idempotent")
  func idempotent() {
    for word in Self.vietnameseWords {
      let once = TextFolding.fold(word)
      #expect(TextFolding.fold(once) == once)
    }
  }
}
