/// A narrative cut into folded word tokens and clauses, keeping each token's original text.
struct NarrativeTokens {
  struct Token {
    /// Folded: lowercase, no diacritics, `đ` as `d`.
    var folded: String
    /// As typed (for two-letter state codes, which count only in capitals).
    var original: String
    var clause: Int
  }

  var tokens: [Token] = []
  var clauseCount = 0

  /// Tokens are runs of letters, digits and apostrophes; clauses end at . , ; : ! ? and
  /// line breaks. Hyphens and other marks separate tokens ("Ca-li" is "ca" "li").
  init(_ text: String) {
    var clause = 0
    var current = ""
    var original = ""
    func flush() {
      if !current.isEmpty {
        tokens.append(Token(folded: TextFolding.fold(current), original: original, clause: clause))
        current = ""
        original = ""
      }
    }
    for character in text {
      if character.isLetter || character.isNumber || character == "'" || character == "’" {
        current.append(character == "’" ? "'" : character)
        original.append(character)
      } else {
        flush()
        if ".,;:!?\n".contains(character) { clause += 1 }
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
