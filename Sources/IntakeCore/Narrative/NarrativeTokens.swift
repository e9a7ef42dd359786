/// A narrative cut into word tokens and clauses, keeping each token's original text, its
/// folded form, and its Vietnamese spelling when it was typed with marks.
struct NarrativeTokens {
  struct Token {
    /// Folded: lowercase, no diacritics, `đ` as `d`.
    var folded: String
    /// Where it stands in the text (its scalars, without quotes around it).
    var range: Range<String.Index>
    /// Typed without any mark beyond ASCII: then it has no Vietnamese spelling to match.
    var ascii: Bool
    var clause: Int
    /// Inside quoted speech ("…", “…”, '…', ‘…’): what someone said, not the writer's words.
    var quoted: Bool
    /// Begins with a capital letter (a name: towns are read only so).
    var capital: Bool
  }

  /// Quoted speech while cutting: none, in double quotes, or in single quotes (closed by an
  /// apostrophe after a word).
  private enum Quote { case none, double, single }

  let text: String
  var tokens: [Token] = []
  var clauseCount = 0

  /// Tokens are runs of letters, digits and apostrophes (not at either end: those are
  /// quotes); clauses end at . , ; : ! ? and line breaks. Hyphens and other marks separate
  /// tokens ("Ca-li" is "ca" "li"). Quoted speech runs from an opening quote (", “, ‘, or an
  /// apostrophe before a word) to its closing one or the end of the line. One pass over the
  /// scalars, folding as it goes (measured: cutting the text was most of the time of a read).
  init(_ text: String) {
    self.text = text
    let scalars = text.unicodeScalars
    var clause = 0
    var start: String.Index?
    // Where the token ends without its trailing apostrophes.
    var end = scalars.startIndex
    var folded = String.UnicodeScalarView()
    // Apostrophes folded at the end so far (quotes, dropped if nothing follows).
    var trailingQuotes = 0
    var ascii = true
    var quote = Quote.none
    func flush() {
      guard let first = start else { return }
      folded.removeLast(trailingQuotes)
      let initial = text.unicodeScalars[first]
      let capital = (0x41...0x5A).contains(initial.value) || (initial.value >= 0x80 && initial.properties.isUppercase)
      tokens.append(
        Token(folded: String(folded), range: first..<end, ascii: ascii, clause: clause, quoted: quote != .none, capital: capital))
      if quote == .single && trailingQuotes > 0 { quote = .none }
      start = nil
      folded = String.UnicodeScalarView()
      trailingQuotes = 0
      ascii = true
    }
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let scalar = scalars[i]
      let value = scalar.value
      let next = scalars.index(after: i)
      if value < 0x80 {
        if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
          if start == nil { start = i }
          folded.append(scalar)
          trailingQuotes = 0
          end = next
        } else if (0x41...0x5A).contains(value) {
          if start == nil { start = i }
          folded.append(Unicode.Scalar(UInt8(value + 0x20)))
          trailingQuotes = 0
          end = next
        } else if value == 0x27 {
          // An apostrophe inside a word ("don't", "sheriff's"); at either end, a quote.
          if start != nil {
            folded.append(scalar)
            trailingQuotes += 1
          } else {
            quote = Self.single(quote, opening: next < scalars.endIndex && scalars[next].properties.isAlphabetic)
          }
        } else {
          flush()
          if value == 0x2E || value == 0x2C || value == 0x3B || value == 0x3A || value == 0x21 || value == 0x3F || value == 0x0A {
            clause += 1
          }
          if value == 0x22 { quote = quote == .double ? .none : .double }
          if value == 0x0A { quote = .none }
        }
      } else if value == 0x2019 {
        if start != nil {
          folded.append("'")
          trailingQuotes += 1
        } else {
          quote = Self.single(quote, opening: next < scalars.endIndex && scalars[next].properties.isAlphabetic)
        }
      } else if (0x0300...0x036F).contains(value) {
        // A combining mark belongs to the letter before it; folded, it is dropped.
        if start != nil {
          ascii = false
          end = next
        }
      } else if let base = TextFolding.baseLetter(value) {
        // A Vietnamese (or other Latin) letter with marks: the common case beyond ASCII.
        if start == nil { start = i }
        ascii = false
        folded.append(base)
        trailingQuotes = 0
        end = next
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if start == nil { start = i }
        ascii = false
        TextFolding.appendFolded(scalar, to: &folded)
        trailingQuotes = 0
        end = next
      } else if value == 0x201C || value == 0x201D || value == 0x2018 || value == 0xAB || value == 0xBB {
        flush()
        quote = value == 0x201C || value == 0xAB ? .double : value == 0x2018 ? .single : .none
      } else {
        flush()
      }
      i = next
    }
    flush()
    clauseCount = clause + 1
  }

  /// An apostrophe that is not inside a word: it opens a quote before a word, and closes an
  /// open single quote otherwise ("…here!'").
  private static func single(_ quote: Quote, opening: Bool) -> Quote {
    quote == .none && opening ? .single : quote == .single ? .none : quote
  }

  /// Token `i` as typed (for two-letter state codes, which count only in capitals, and the
  /// words a finding came from).
  func original(_ i: Int) -> String {
    String(text.unicodeScalars[tokens[i].range])
  }

  /// Token `i`'s spelling with its Vietnamese marks (`VietnameseSpelling.key`); nil when
  /// typed without any, which then matches folded.
  func marked(_ i: Int) -> String? {
    tokens[i].ascii ? nil : VietnameseSpelling.key(original(i))
  }

  /// Splits a phrase the same way, folded.
  static func words(_ phrase: String) -> [String] {
    NarrativeTokens(phrase).tokens.map(\.folded)
  }
}
