/// Reads an answer the way people type it: the choice's number, its label or a synonym in
/// either language, case- and diacritic-insensitive (`đ` as `d`); several choices as `1,3`,
/// `1 3` or labels; whole numbers with words such as "hôm qua" / "yesterday" or "3 tuần".
public struct AnswerMatcher {
  public enum Match: Sendable, Equatable {
    case value(FactValue)
    /// The answer fits several choices after folding: ask which one (value ids).
    case ambiguous([String])
    /// Nothing fits; `part` is the piece that did not (the whole input for a single answer).
    case invalid(part: String)
    case empty
  }

  public let fact: FactDefinition
  public let catalog: MessageCatalog
  /// Whether the choices are shown with numbers (long lists, like the states, are not).
  public let numbered: Bool
  /// Whether a choice may be named by the start of its words ("neighbo" for neighborhood).
  public var allowsPrefixes = true
  /// Folded phrase -> the values it names, from labels, synonyms and ids in both languages.
  private let phrases: [String: Set<Int>]
  /// Exact (unfolded, lowercased) phrase -> values, to prefer an answer typed with its diacritics.
  private let exactPhrases: [String: Set<Int>]
  /// The folded forms of the phrases written with Vietnamese marks: words typed with marks
  /// match only these when folded ("nó", he, is not the English "no"; "hỏng có" is "hổng có").
  private let markedFolds: Set<String>
  /// The most words in any phrase: a longer run of words cannot name a choice, so searches
  /// inside a long answer stay linear in its length.
  let longestPhrase: Int
  /// The first word of every phrase, folded: a run of words starting otherwise names nothing.
  private let firstWords: Set<String>

  /// The longest list of choices that is shown numbered.
  public static let longestNumberedList = 15

  public init(fact: FactDefinition, catalog: MessageCatalog) {
    self.fact = fact
    self.catalog = catalog
    self.numbered = Self.values(of: fact).count <= Self.longestNumberedList
    var phrases: [String: Set<Int>] = [:]
    var exact: [String: Set<Int>] = [:]
    var marked: Set<String> = []
    for (i, value) in Self.values(of: fact).enumerated() {
      var words = [value, value.replacingUnderscores]
      for language in Language.allCases {
        if catalog.has("value.\(fact.id).\(value)", in: language) {
          words.append(catalog.text("value.\(fact.id).\(value)", language))
        }
        words += catalog.list("synonyms.\(fact.id).\(value)", language)
      }
      for word in words {
        phrases[TextFolding.fold(word), default: []].insert(i)
        exact[word.lowercased(), default: []].insert(i)
        if Self.hasMarks(word) { marked.insert(TextFolding.fold(word)) }
      }
    }
    self.phrases = phrases
    self.exactPhrases = exact
    self.markedFolds = marked
    longestPhrase = max(1, phrases.keys.map { $0.split(separator: " ").count }.max() ?? 1)
    firstWords = Set(phrases.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
  }

  /// Whether some phrase starts with this folded word.
  func mayStart(folded word: String) -> Bool { firstWords.contains(word) }

  /// The one choice whose phrases of several words begin with this whole word ("not" of "not
  /// involved", "chỉ" of "chỉ tới"), if only one does: a short first word is no prefix ("the"
  /// does not begin "they came").
  func choice(beginningWith word: String) -> FactValue? {
    let folded = TextFolding.fold(word)
    guard firstWords.contains(folded) else { return nil }
    var found = Set<Int>()
    for (phrase, values) in phrases where phrase.hasPrefix(folded + " ") { found.formUnion(values) }
    guard found.count == 1, let index = found.first else { return nil }
    return value(index)
  }

  /// The one choice some words name exactly (number, label or synonym; no prefixes), if any;
  /// given lowercased and folded already, as a search inside a long answer has them.
  func choiceNamed(lowercased: String, folded: String) -> String? {
    if numbered, let number = Int(lowercased), number >= 1, number <= choices.count { return choices[number - 1] }
    if let exact = exactPhrases[lowercased], exact.count == 1, let index = exact.first { return choices[index] }
    guard let found = phrases[folded], found.count == 1, let index = found.first,
      !Self.hasMarks(lowercased) || markedFolds.contains(folded)
    else { return nil }
    return choices[index]
  }

  /// The choices one word names when it fits several ("report": a crime reported or a
  /// complaint filed), given folded; empty when it names one or none.
  func choicesFitting(folded word: String) -> [String] {
    guard let found = phrases[word], found.count > 1 else { return [] }
    return found.sorted().map { choices[$0] }
  }

  /// Whether some letter carries a Vietnamese mark (or is "đ").
  static func hasMarks(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value > 0x7F && $0.properties.isAlphabetic }
  }

  /// The values offered as numbered choices: a bool's are `true` then `false`.
  public static func values(of fact: FactDefinition) -> [String] {
    fact.kind == .bool ? ["true", "false"] : fact.values
  }

  public var choices: [String] { Self.values(of: fact) }

  public func match(_ input: String) -> Match {
    let trimmed = input.trimmingWhitespace
    guard !trimmed.isEmpty else { return .empty }
    switch fact.kind {
    case .choice, .bool:
      switch one(trimmed) {
      case .some(let indices) where indices.count == 1:
        return .value(value(indices.first!))
      case .some(let indices) where indices.count > 1:
        return .ambiguous(indices.sorted().map { choices[$0] })
      default:
        return .invalid(part: trimmed)
      }
    case .set:
      return matchSet(trimmed)
    case .integer:
      return DayCount.parse(trimmed, catalog: catalog).map { .value(.integer($0)) } ?? .invalid(part: trimmed)
    case .text:
      return .value(.text(trimmed))
    }
  }

  private func value(_ index: Int) -> FactValue {
    fact.kind == .bool ? .bool(index == 0) : .choice(choices[index])
  }

  /// The choices one phrase names: a number, an exact phrase, a folded phrase, or the unique
  /// choice whose label starts with it (three letters at least).
  private func one(_ text: String, prefixes: Bool = true) -> Set<Int>? {
    if numbered, let number = Int(text), number >= 1, number <= choices.count { return [number - 1] }
    if let exact = exactPhrases[text.lowercased()], exact.count == 1 { return exact }
    let folded = TextFolding.fold(text)
    if let found = phrases[folded], !Self.hasMarks(text) || markedFolds.contains(folded) { return found }
    guard allowsPrefixes, prefixes, folded.count >= 3 else { return nil }
    var prefixed = Set<Int>()
    for (phrase, values) in phrases where phrase.hasPrefix(folded) { prefixed.formUnion(values) }
    return prefixed.isEmpty ? nil : prefixed
  }

  /// Several choices: separated by commas, "and" / "và", or spaces (longest phrase first).
  private func matchSet(_ text: String) -> Match {
    let noneWords = Language.allCases.flatMap { catalog.list("answer.none", $0) }.map(TextFolding.fold)
    if noneWords.contains(TextFolding.fold(text)) {
      return .value(.set([]))
    }
    if let whole = one(text), whole.count == 1 { return .value(.set([choices[whole.first!]])) }
    var chosen = Set<Int>()
    // Words that fit several choices: asked back at the end, unless another item already named
    // one of them ("meeting vs cảnh sát": the meeting is the dialogue with the police).
    var unclear: [Set<Int>] = []
    pieces: for piece in Self.splitList(text) {
      if let found = one(piece), found.count == 1 {
        chosen.formUnion(found)
        continue
      }
      // Words without separators: take the longest run of words that names one choice (whole
      // words: "tội" inside "tội ác thù hận" is not the start of every label with "tội").
      let words = piece.split(separator: " ").map(String.init)
      var start = 0
      while start < words.count {
        var matched = false
        for end in stride(from: min(words.count, start + longestPhrase), to: start, by: -1) {
          let phrase = words[start..<end].joined(separator: " ")
          if let found = one(phrase, prefixes: false), found.count == 1 {
            chosen.formUnion(found)
            start = end
            matched = true
            break
          } else if let found = one(phrase, prefixes: false), found.count > 1, end == start + 1 {
            unclear.append(found)
            start = end
            matched = true
            break
          }
        }
        if !matched {
          // Nothing names one choice from here: the rest may still fit several at once.
          if let found = one(words[start...].joined(separator: " "), prefixes: start == 0), found.count > 1 {
            unclear.append(found)
            continue pieces
          }
          // Quote what did not fit: from the first word no choice starts with, to the end.
          return .invalid(part: words[start...].joined(separator: " "))
        }
      }
    }
    if let open = unclear.first(where: { $0.isDisjoint(with: chosen) }) {
      return .ambiguous(open.sorted().map { choices[$0] })
    }
    return .value(.set(choices.indices.filter(chosen.contains).map { choices[$0] }))
  }

  /// Splits "1, 3 và 4" / "race and religion" at commas, semicolons, slashes and "and" / "và"
  /// (whole words), in one pass over the words.
  static func splitList(_ text: String) -> [String] {
    var items: [String] = []
    var current: [Substring] = []
    func flush() {
      if !current.isEmpty { items.append(current.joined(separator: " ")) }
      current.removeAll()
    }
    var spaced = ""
    spaced.reserveCapacity(text.utf8.count + 8)
    for character in text {
      if listMarks.contains(character) {
        spaced += " , "
      } else {
        spaced.append(character)
      }
    }
    for word in spaced.split(whereSeparator: \.isWhitespace) {
      if word == "," || listWords.contains(word.lowercased()) {
        flush()
      } else {
        current.append(word)
      }
    }
    flush()
    return items
  }

  private static let listMarks: Set<Character> = [",", ";", "/", "+", "&"]
  private static let listWords: Set<String> = ["and", "và", "va", "với", "voi", "vs", "hoặc", "or"]
}

extension String {
  var trimmingWhitespace: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }

  var replacingUnderscores: String { replacingOccurrences(of: "_", with: " ") }

  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  func range(of target: String) -> Range<Index>? {
    guard !target.isEmpty else { return nil }
    var start = startIndex
    while start < endIndex {
      if self[start...].hasPrefix(target) {
        return start..<index(start, offsetBy: target.count)
      }
      start = index(after: start)
    }
    return nil
  }
}
