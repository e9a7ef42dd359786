/// A narrative cut into word tokens and clauses, keeping each token's original text, its
/// folded form, and its Vietnamese spelling when it was typed with marks.
struct NarrativeTokens {
  struct Token {
    /// Folded: lowercase, no diacritics, `đ` as `d`.
    var folded: String
    /// The spelling with its Vietnamese marks (`VietnameseSpelling.key`); nil when typed
    /// without any, which then matches folded.
    var marked: String?
    /// As typed (for two-letter state codes, which count only in capitals).
    var original: String
    var clause: Int
  }

  var tokens: [Token] = []
  var clauseCount = 0

  /// Tokens are runs of letters, digits and apostrophes (not at either end); clauses end at . , ; : ! ? and
  /// line breaks. Hyphens and other marks separate tokens ("Ca-li" is "ca" "li").
  init(_ text: String) {
    var clause = 0
    var current = String.UnicodeScalarView()
    var ascii = true
    func flush() {
      // Quotes around a word are not part of it ('gook', 'go home'); "don't" keeps its own.
      while current.first == "'" { current.removeFirst() }
      while current.last == "'" { current.removeLast() }
      if !current.isEmpty {
        let original = String(current)
        tokens.append(
          Token(folded: TextFolding.fold(original), marked: ascii ? nil : VietnameseSpelling.key(original), original: original, clause: clause))
        current = String.UnicodeScalarView()
        ascii = true
      }
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isWordPart: Bool
      if value < 0x80 {
        isWordPart = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x27
      } else {
        isWordPart = value == 0x2019 || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
          || (0x0300...0x036F).contains(value)
        if isWordPart && value != 0x2019 { ascii = false }
      }
      if isWordPart {
        current.append(value == 0x2019 ? "'" : scalar)
      } else {
        flush()
        if ".,;:!?\n".unicodeScalars.contains(scalar) { clause += 1 }
      }
    }
    flush()
    clauseCount = clause + 1
  }

  /// Splits a phrase the same way, folded.
  static func words(_ phrase: String) -> [String] {
    NarrativeTokens(phrase).tokens.map(\.folded)
  }
}
