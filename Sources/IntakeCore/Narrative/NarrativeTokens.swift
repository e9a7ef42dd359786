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
    /// A name: a capital and a lowercase letter ("Richmond", not "I" or "FBI"); a phrase's gap
    /// may hold a few more of them than of other words.
    var name: Bool
  }

  /// Quoted speech while cutting: none, in double quotes, or in single quotes (closed by an
  /// apostrophe after a word).
  private enum Quote { case none, double, single }

  let text: String
  var tokens: [Token] = []
  var clauseCount = 0
  /// By clause: whether it opens after a comma, semicolon or colon (the sentence goes on), not
  /// after the end of one or a line break.
  var opensAfterComma: [Bool] = [false]

  /// Tokens are runs of letters, digits and apostrophes (not at either end: those are
  /// quotes) and asterisks after a letter (a masked word); clauses end at . , ; : ! ? and line breaks. Hyphens and other marks separate
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
    // The folded token as UTF-8, made a string once per token (measured: appending scalar by
    // scalar to a string was a third of a read).
    var folded: [UInt8] = []
    folded.reserveCapacity(32)
    // Apostrophes folded at the end so far (quotes, dropped if nothing follows).
    var trailingQuotes = 0
    var ascii = true
    // Whether the token starts with a capital, and has a lowercase letter: kept while cutting
    // (measured: looking at the token's scalars again was a twentieth of a read).
    var capital = false
    var lower = false
    var quote = Quote.none
    /// A letter starts a token, or goes on with one.
    func letter(_ at: String.Index, _ scalar: Unicode.Scalar) {
      let value = scalar.value
      let isLower = (0x61...0x7A).contains(value) || (value >= 0x80 && !lower && scalar.properties.isLowercase)
      if start == nil {
        start = at
        capital = (0x41...0x5A).contains(value) || (value >= 0x80 && !isLower && scalar.properties.isUppercase)
      }
      if isLower { lower = true }
    }
    func flush() {
      guard let first = start else { return }
      folded.removeLast(trailingQuotes)
      let name = capital && lower
      tokens.append(
        Token(
          folded: String(decoding: folded, as: UTF8.self), range: first..<end, ascii: ascii, clause: clause, quoted: quote != .none,
          capital: capital, name: name))
      if quote == .single && trailingQuotes > 0 { quote = .none }
      start = nil
      folded.removeAll(keepingCapacity: true)
      trailingQuotes = 0
      ascii = true
      capital = false
      lower = false
    }
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let scalar = scalars[i]
      let value = scalar.value
      let next = scalars.index(after: i)
      if value < 0x80 {
        if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
          letter(i, scalar)
          folded.append(UInt8(value))
          trailingQuotes = 0
          end = next
        } else if (0x41...0x5A).contains(value) {
          letter(i, scalar)
          folded.append(UInt8(value + 0x20))
          trailingQuotes = 0
          end = next
        } else if value == 0x2A, start != nil {
          // A word masked with asterisks ("g**k", "n*****") stays one word: its pieces are no
          // other words ("k" alone is "không").
          folded.append(0x2A)
          trailingQuotes = 0
          end = next
        } else if value == 0x27 {
          // An apostrophe inside a word ("don't", "sheriff's"); at either end, a quote.
          if start != nil {
            folded.append(0x27)
            trailingQuotes += 1
          } else {
            quote = Self.single(quote, opening: next < scalars.endIndex && scalars[next].properties.isAlphabetic)
          }
        } else {
          // "St. Petersburg", "Ft. Myers", "Mt. Vernon": the period of a short title ends nothing.
          var title = false
          if value == 0x2E, start != nil, end == i, capital, Self.isTitle(folded) {
            // …followed by a name: "St. Petersburg", not "on Main St. Then…" (rare, and harmless).
            let after = scalars[next...].prefix(2)
            title = after.count == 2 && after.first == " " && (0x41...0x5A).contains(after.last!.value)
          }
          flush()
          if !title && (value == 0x2E || value == 0x2C || value == 0x3B || value == 0x3A || value == 0x21 || value == 0x3F || value == 0x0A)
          {
            clause += 1
            opensAfterComma.append(value == 0x2C || value == 0x3B || value == 0x3A)
          }
          if value == 0x22 { quote = quote == .double ? .none : .double }
          if value == 0x0A { quote = .none }
        }
      } else if value == 0x2019 {
        if start != nil {
          folded.append(0x27)
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
        letter(i, scalar)
        ascii = false
        folded.append(contentsOf: UTF8.encode(base)!)
        trailingQuotes = 0
        end = next
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        letter(i, scalar)
        ascii = false
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { folded.append(contentsOf: UTF8.encode(lower)!) }
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

  /// Whether a token is "St", "Ft" or "Mt" (folded bytes; its capital is asked apart).
  private static func isTitle(_ folded: [UInt8]) -> Bool {
    guard folded.count == 2, folded[1] == 0x74 else { return false }
    return folded[0] == 0x73 || folded[0] == 0x66 || folded[0] == 0x6D
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

  /// Tokens as typed, one space between them (the words a finding came from), copied as UTF-8
  /// bytes (measured: a string per token, then joined, was a third of combining the findings;
  /// appending scalar views was slower still).
  func original(joining span: Range<Int>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(span.count * 8)
    for i in span {
      if i > span.lowerBound { bytes.append(0x20) }
      let word = text.utf8[tokens[i].range]
      if word.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: word) }
    }
    return String(decoding: bytes, as: UTF8.self)
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
