import IntakeCore

/// Random text built from what the reader is most likely to trip on: lexicon phrases and cue
/// words in both languages, numbers and units (the crash of issue 9 was "… 2 tuần" at the very
/// end), punctuation, lone combining marks, decomposed letters, emoji and control characters.
/// Deterministic for a seed, so a failure can be replayed.
public struct RandomNarrative {
  private var generator: SeededGenerator
  private let vocabulary: [String]

  /// Pieces that are not in any lexicon but stress the tokenizer and the number reader.
  static let oddities: [String] = [
    "0", "1", "2", "3", "7", "12", "30", "99", "365", "2024", "-1", "-3", "1.5", "3,5", "007",
    "99999999999999999999", "9223372036854775807", "٣", "३", "½", "²",
    "day", "days", "week", "weeks", "month", "months", "year", "ago", "in", "next",
    "ngày", "ngay", "tuần", "tuan", "tháng", "thang", "năm", "nam", "trước", "truoc", "nữa", "tới", "sau",
    "một", "hai", "ba", "bốn", "năm", "sáu", "mười", "two", "three", "twelve",
    ".", ",", ";", ":", "!", "?", "…", "...", "'", "’", "\"", "“", "”", "-", "–", "—", "(", ")", "/", "&",
    "\n", "\t", "\r\n", "  ", "\u{0301}", "\u{0303}", "\u{0323}", "\u{031B}", "e\u{0302}\u{0301}",
    "đ", "Đ", "ĐƯỢC", "n't", "don't", "can't", "ko", "k", "kg", "hông", "hổng", "hok", "chẳng", "chả",
    "😡", "🙏", "\u{200B}", "\u{FEFF}", "\u{0000}", "\u{0007}", "\u{202E}", "𝐛𝐨𝐥𝐝", "ﬁ", "İ", "ß",
  ]

  public init(seed: UInt64, lexicon: Lexicon) {
    generator = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
    var words =
      lexicon.negation + lexicon.negationAccented + lexicon.past + lexicon.future + lexicon.ahead + lexicon.ago + lexicon.present
      + lexicon.hypothetical + lexicon.reported + lexicon.elsewhere
    for entry in lexicon.entries { words += entry.phrases + entry.accented + entry.quoted }
    for names in lexicon.stateSpellings.values { words += names }
    for city in lexicon.cities { words += city.names }
    // People type the words of a phrase with a gap, not the mark of the gap.
    vocabulary = Self.oddities + words.map { $0.withoutGapMarks }
  }

  /// The next 64 random bits (SplitMix64, `SeededGenerator`).
  public mutating func next() -> UInt64 { generator.next() }

  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

  /// A text of 1 to `maxPieces` pieces, joined by a space or by nothing, now and then with
  /// a piece cut in the middle, typed in capitals, or with its marks stripped.
  public mutating func text(maxPieces: Int = 24) -> String {
    var text = ""
    for _ in 0...below(maxPieces) {
      var piece: String
      switch below(20) {
      case 0: piece = String(UnicodeScalar(UInt8(below(128))))
      case 1: piece = Self.randomScalar(below(0x3_0000))
      default: piece = vocabulary[below(vocabulary.count)]
      }
      switch below(12) {
      case 0: piece = String(piece.prefix(below(piece.count + 1)))
      case 1: piece = piece.uppercased()
      case 2: piece = TextFolding.fold(piece)
      default: break
      }
      text += piece
      if below(6) != 0 { text += " " }
    }
    return text
  }

  /// Every way to cut `text` short: at each character (and, for a long text, at each word).
  public static func cuts(of text: String) -> [String] {
    let characters = Array(text)
    if characters.count <= 200 { return (0...characters.count).map { String(characters[..<$0]) } }
    var cuts: [String] = []
    for (i, character) in characters.enumerated() where character == " " { cuts.append(String(characters[..<i])) }
    return cuts + [text]
  }

  private static func randomScalar(_ value: Int) -> String {
    UnicodeScalar(UInt32(value)).map { String(Character($0)) } ?? "\u{FFFD}"
  }
}

extension String {
  fileprivate var withoutGapMarks: String {
    String(filter { $0 != "…" })
  }
}
