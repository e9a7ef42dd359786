/// Reads a narrative with a lexicon compiled once: phrases become paths in a trie of folded
/// words, so a text is read in one pass, longest phrase first, without scanning the
/// lexicon for every phrase.
///
/// Two tiers: a word typed with Vietnamese marks matches a phrase word only with the same
/// marks ("chùa" is not "chưa", "bắn" is not "bán"); a word typed without marks matches
/// folded, except in phrases the lexicon keeps `accented` (too close to everyday words when
/// folded). A phrase written with "…" lets up to three words stand there ("cảnh sát … nổ súng"
/// reads "cảnh sát quận nổ súng"; "officer … hit" reads "the officer grabbed and hit"); a
/// negation cue among them negates the phrase.
///
/// A match is read by its clause's tense (past / future cues), is negated by a negation cue
/// in the three words before it (a negated yes/no fact becomes "no"; other facts are left
/// alone), and numbers of days, weeks or months become `incident_days_ago` or
/// `event_in_days`. Set facts collect every value found; a fact found with two different
/// values is dropped rather than guessed.
public struct NarrativeReader: Sendable {
  enum Meaning: Sendable, Equatable {
    case entry(Int)
    case state(String)
    /// A two-letter state code: counts only when typed in capitals.
    case stateCode(String)
    case city(Int)
    case negation, past, future, ahead
  }

  /// One phrase ending at a trie node: what it means and how its words are spelled.
  struct Variant: Sendable {
    var meaning: Meaning
    /// Per word, its spelling with marks (`VietnameseSpelling.key`); nil for a word written
    /// without marks.
    var marked: [String?]
    /// Matches only when every marked word is typed with its marks.
    var accentedOnly: Bool
  }

  struct Node: Sendable {
    var next: [String: Int] = [:]
    var variants: [Variant] = []
  }

  /// The most words that may stand where a phrase has "…".
  static let maxGap = 3

  private var nodes = [Node()]
  let lexicon: Lexicon
  let facts: [FactDefinition]
  /// Folded number words (one word or two) and unit words, for durations.
  private var numbers: [String: Int] = [:]
  private var units: [String: Int] = [:]
  private var aheadWords: Set<String> = []
  private var agoWords: Set<String> = []

  /// - Parameters:
  ///   - lexicon: the phrases.
  ///   - facts: the fact definitions (for kinds and order).
  ///   - stateNames: state codes with their names in every language (matched as phrases).
  ///   - numberWords: words for 1…12 (`answer.number.N` in both languages).
  ///   - unitWords: words for days (1), weeks (7), months (30).
  ///   - aheadWords: words that put a number of days in the future ("in", "nữa").
  public init(
    lexicon: Lexicon, facts: [FactDefinition], stateNames: [String: [String]] = [:], numberWords: [Int: [String]] = [:],
    unitWords: [Int: [String]] = [:], aheadWords: [String] = []
  ) {
    self.lexicon = lexicon
    self.facts = facts
    for (i, entry) in lexicon.entries.enumerated() {
      for phrase in entry.phrases { insert(phrase, .entry(i)) }
      for phrase in entry.accented { insert(phrase, .entry(i), accentedOnly: true) }
    }
    for (code, names) in stateNames.merging(lexicon.stateSpellings, uniquingKeysWith: +) {
      for name in names { insert(name, .state(code)) }
      if code.count == 2 { insert(code, .stateCode(code)) }
    }
    for (i, city) in lexicon.cities.enumerated() {
      for name in city.names { insert(name, .city(i)) }
    }
    for cue in lexicon.negation { insert(cue, .negation) }
    for cue in lexicon.negationAccented { insert(cue, .negation, accentedOnly: true) }
    for cue in lexicon.past { insert(cue, .past) }
    for cue in lexicon.future { insert(cue, .future) }
    for word in aheadWords + lexicon.ahead { insert(word, .ahead) }
    for (n, words) in numberWords {
      for word in words { numbers[NarrativeTokens.words(word).joined(separator: " "), default: n] = n }
    }
    for (days, words) in unitWords {
      for word in words { units[NarrativeTokens.words(word).joined(separator: " ")] = days }
    }
    self.aheadWords = Set((aheadWords + lexicon.ahead).map { NarrativeTokens.words($0).joined(separator: " ") })
    self.agoWords = Set(lexicon.ago.map { NarrativeTokens.words($0).joined(separator: " ") })
  }

  /// The trie key standing for "a few words may come here" (a phrase written with "…").
  static let gapKey = "\u{2026}"

  private mutating func insert(_ phrase: String, _ meaning: Meaning, accentedOnly: Bool = false) {
    // "cảnh sát … bắn": the parts, with a gap between them.
    let parts = phrase.replacingOccurrences(of: "...", with: Self.gapKey).split(separator: Character(Self.gapKey))
    var keys: [String] = []
    var marked: [String?] = []
    for (n, part) in parts.enumerated() {
      let words = NarrativeTokens(String(part)).tokens
      if n > 0 && !words.isEmpty && !keys.isEmpty { keys.append(Self.gapKey) }
      keys += words.map(\.folded)
      marked += words.map(\.marked)
    }
    guard !marked.isEmpty else { return }
    var node = 0
    for key in keys {
      if let next = nodes[node].next[key] {
        node = next
      } else {
        nodes.append(Node())
        nodes[node].next[key] = nodes.count - 1
        node = nodes.count - 1
      }
    }
    let variant = Variant(meaning: meaning, marked: marked, accentedOnly: accentedOnly)
    if !nodes[node].variants.contains(where: { $0.meaning == variant.meaning && $0.marked == variant.marked }) {
      nodes[node].variants.append(variant)
    }
  }

  /// A match: the span it covers (token indices), the tokens that are its words (a phrase
  /// may skip a few), and what it means.
  struct Match {
    var start: Int
    var end: Int
    var words: [Int]
    var meanings: [Meaning]
    var gaps: Int { end - start - words.count }
  }

  /// Whether the tokens at `positions` spell a variant: a token typed with marks must have
  /// the phrase word's marks; one typed without matches folded unless the phrase is kept
  /// accented.
  private func spells(_ variant: Variant, _ positions: [Int], _ tokens: [NarrativeTokens.Token]) -> Bool {
    for (j, p) in positions.enumerated() {
      let word = variant.marked[j]
      if let typed = tokens[p].marked {
        if word != typed { return false }
      } else if variant.accentedOnly && word != nil {
        return false
      }
    }
    return true
  }

  /// The best phrase starting at token `start`: the most words, then the fewest skipped.
  private func best(at start: Int, _ tokens: [NarrativeTokens.Token], _ consumed: [Bool]) -> Match? {
    let clause = tokens[start].clause
    var best: Match?
    var positions: [Int] = []
    func consider(_ node: Int) {
      let meanings = nodes[node].variants.filter { spells($0, positions, tokens) }.map(\.meaning)
      guard !meanings.isEmpty, let last = positions.last else { return }
      let match = Match(start: start, end: last + 1, words: positions, meanings: meanings)
      if let current = best, (current.words.count, -current.gaps) >= (match.words.count, -match.gaps) { return }
      best = match
    }
    func walk(_ node: Int, _ pos: Int) {
      // A phrase written "A … B": up to `maxGap` words may stand between A and B.
      if let gap = nodes[node].next[Self.gapKey] {
        var skip = pos
        while skip < tokens.count, skip - pos <= Self.maxGap, tokens[skip].clause == clause {
          walk(gap, skip)
          skip += 1
        }
      }
      guard pos < tokens.count, tokens[pos].clause == clause, !consumed[pos], let next = nodes[node].next[tokens[pos].folded] else {
        return
      }
      positions.append(pos)
      consider(next)
      walk(next, pos + 1)
      positions.removeLast()
    }
    walk(0, start)
    return best
  }

  public func read(_ text: String) -> NarrativeExtraction {
    let cut = NarrativeTokens(text)
    let tokens = cut.tokens
    guard !tokens.isEmpty else { return NarrativeExtraction(findings: []) }
    // All matches, the best first at each position; words a phrase skipped are read too.
    var matches: [Match] = []
    var consumed = Array(repeating: false, count: tokens.count)
    for i in tokens.indices where !consumed[i] {
      guard let match = best(at: i, tokens, consumed) else { continue }
      matches.append(match)
      for p in match.words { consumed[p] = true }
    }
    // Tense per clause: past wins over future.
    var tense = Array(repeating: 0, count: cut.clauseCount)  // 0 none, 1 past, 2 future
    for match in matches {
      let clause = tokens[match.start].clause
      if match.meanings.contains(.past) { tense[clause] = 1 }
      if match.meanings.contains(.future), tense[clause] == 0 { tense[clause] = 2 }
    }
    var found: [(fact: String, value: FactValue, words: String)] = []
    // Durations first ("3 days ago", "ba tuần nữa"): their words are not read again as phrases.
    let (durations, durationTokens) = self.durations(tokens, matches, tense)
    found += durations
    for match in matches {
      if durationTokens.contains(match.start) { continue }
      let clause = tokens[match.start].clause
      let words = tokens[match.start..<match.end].map(\.original).joined(separator: " ")
      let negated = isNegated(match, matches, tokens)
      for meaning in match.meanings {
        switch meaning {
        case .entry(let e):
          let entry = lexicon.entries[e]
          var reading = entry.set
          if tense[clause] == 1, let past = entry.past { reading = past }
          if tense[clause] == 2, let future = entry.future { reading = future }
          for (fact, value) in reading.sorted(by: { $0.key < $1.key }) {
            if negated {
              if case .bool = value { found.append((fact, .bool(false), words)) }
            } else {
              found.append((fact, value, words))
            }
          }
        case .state(let code) where !negated:
          found.append(("state", .choice(code), words))
        case .stateCode(let code) where !negated && tokens[match.start].original == code:
          found.append(("state", .choice(code), words))
        case .city(let c) where !negated:
          let city = lexicon.cities[c]
          found.append(("city", .text(city.city), words))
          found.append(("state", .choice(city.state), words))
        default:
          continue
        }
      }
    }
    return combine(found, numbersFrom: matches, tokens)
  }

  /// Whether a negation cue ends within the three words before the match (same clause), or
  /// stands among the words the phrase skipped. A word ending in "n't" counts as a cue unless
  /// a longer phrase took it ("don't know" is not a negation).
  private func isNegated(_ match: Match, _ matches: [Match], _ tokens: [NarrativeTokens.Token]) -> Bool {
    let clause = tokens[match.start].clause
    let windowStart = max(0, match.start - 3)
    var taken = Set<Int>()
    for other in matches where other.end > windowStart && other.start < match.end {
      taken.formUnion(other.words)
      guard other.meanings.contains(.negation), tokens[other.start].clause == clause else { continue }
      if other.end <= match.start || (other.start > match.start && other.end <= match.end && !match.words.contains(other.start)) {
        return true
      }
    }
    for t in windowStart..<match.start where tokens[t].clause == clause && !taken.contains(t) && tokens[t].folded.hasSuffix("n't") {
      return true
    }
    return false
  }

  /// "3 days ago", "ba tuần trước" → incident_days_ago; "in 5 days", "5 ngày nữa" →
  /// event_in_days (and a planned event). Read on the words themselves, whatever phrases
  /// they are also part of; returns the findings and the token positions they used.
  private func durations(
    _ tokens: [NarrativeTokens.Token], _ matches: [Match], _ tense: [Int]
  ) -> ([(fact: String, value: FactValue, words: String)], Set<Int>) {
    var found: [(fact: String, value: FactValue, words: String)] = []
    var used = Set<Int>()
    // Cue meanings by the token where their match starts.
    var cueAt: [Int: [Meaning]] = [:]
    for match in matches { cueAt[match.start] = match.meanings }
    var i = 0
    while i < tokens.count {
      var count: Int?
      var width = 1
      if let n = Int(tokens[i].folded), n >= 0, n < 10_000 {
        count = n
      } else if i + 1 < tokens.count, let n = numbers[tokens[i].folded + " " + tokens[i + 1].folded] {
        count = n
        width = 2
      } else if let n = numbers[tokens[i].folded] {
        count = n
      }
      let u = i + width
      guard let count, u < tokens.count, tokens[u].clause == tokens[i].clause, let days = units[tokens[u].folded],
        // A phrase as long or longer starting at the number wins ("hai thằng thanh niên"), and
        // so does one that took the number as its own word ("thứ bảy tuần rồi", "70 year old").
        !matches.contains(where: { ($0.start == i && $0.end >= u + 1) || ($0.start < i && $0.words.contains(i)) }),
        // A guard starting at the unit says it is no time span ("70 year old").
        !matches.contains(where: { $0.start == u && $0.end > u + 1 && isGuard($0) })
      else {
        i += 1
        continue
      }
      let clause = tokens[i].clause
      // The two tokens after the unit, if the text goes on (none when the unit ends it).
      let after = (u + 1)..<min(u + 3, tokens.count)
      // Cues after the unit, or a phrase that starts at the unit and goes on ("tuần trước").
      var laterCue = after.flatMap { tokens[$0].clause == clause ? (cueAt[$0] ?? []) : [] }
      if let phrase = matches.first(where: { $0.start == u && $0.end > u + 1 }) { laterCue += phrase.meanings }
      let aheadWord = after.isEmpty ? false : after.contains { tokens[$0].clause == clause && aheadWords.contains(tokens[$0].folded) }
      let before = i > 0 && tokens[i - 1].clause == clause && aheadWords.contains(tokens[i - 1].folded)
      let agoWord = u + 1 < tokens.count && tokens[u + 1].clause == clause && agoWords.contains(tokens[u + 1].folded)
      let words = tokens[i...u].map(\.original).joined(separator: " ")
      let total = count * days
      if agoWord || laterCue.contains(.past) || (tense[clause] == 1 && !before && !aheadWord) {
        found.append(("incident_days_ago", .integer(total), words))
      } else if before || aheadWord || laterCue.contains(.future) || laterCue.contains(.ahead) || tense[clause] == 2 {
        found.append(("event_in_days", .integer(total), words))
        found.append(("planned_event", .bool(true), words))
      } else {
        i += 1
        continue
      }
      used.formUnion(i...u)
      i = u + 1
    }
    return (found, used)
  }

  /// A match that only names guard entries (entries that state nothing).
  private func isGuard(_ match: Match) -> Bool {
    match.meanings.allSatisfy { meaning in
      guard case .entry(let e) = meaning else { return false }
      let entry = lexicon.entries[e]
      return entry.set.isEmpty && (entry.past ?? [:]).isEmpty && (entry.future ?? [:]).isEmpty
    }
  }

  /// Whether a value read fits an implication's condition: any value for `nil`, a set
  /// including the wanted values, or the same value.
  private func holds(_ value: FactValue?, _ wanted: FactValue?) -> Bool {
    guard let value else { return false }
    guard let wanted else { return true }
    if case .set(let want) = wanted, case .set(let have) = value { return Set(want).isSubset(of: Set(have)) }
    return value == wanted
  }

  /// One value per fact: sets united, anything found with two different values dropped, then
  /// what the lexicon's implications add.
  private func combine(
    _ found: [(fact: String, value: FactValue, words: String)], numbersFrom matches: [Match], _ tokens: [NarrativeTokens.Token]
  ) -> NarrativeExtraction {
    var values: [String: FactValue] = [:]
    var words: [String: [String]] = [:]
    var conflicted = Set<String>()
    for item in found {
      guard let definition = facts.first(where: { $0.id == item.fact }) else { continue }
      if !words[item.fact, default: []].contains(item.words) { words[item.fact, default: []].append(item.words) }
      guard let old = values[item.fact] else {
        values[item.fact] = item.value
        continue
      }
      if definition.kind == .set, case .set(let a) = old, case .set(let b) = item.value {
        let union = Set(a + b)
        values[item.fact] = .set(definition.values.filter(union.contains))
      } else if old != item.value {
        conflicted.insert(item.fact)
      }
    }
    for fact in conflicted { values[fact] = nil }
    for implication in lexicon.implications where implication.when.allSatisfy({ fact, wanted in holds(values[fact], wanted) }) {
      let because = implication.when.keys.sorted().flatMap { words[$0] ?? [] }
      for (fact, value) in implication.add.sorted(by: { $0.key < $1.key }) {
        guard !conflicted.contains(fact) else { continue }
        if case .set(let extra) = value, case .set(let old)? = values[fact], let definition = facts.first(where: { $0.id == fact }) {
          values[fact] = .set(definition.values.filter(Set(old + extra).contains))
        } else if values[fact] == nil {
          values[fact] = value
        } else {
          continue
        }
        for w in because where !words[fact, default: []].contains(w) { words[fact, default: []].append(w) }
      }
    }
    var findings: [NarrativeExtraction.Finding] = []
    for definition in facts where !definition.derived {
      guard let value = values[definition.id], !conflicted.contains(definition.id) else { continue }
      findings.append(.init(fact: definition.id, value: value, words: words[definition.id] ?? []))
    }
    return NarrativeExtraction(findings: findings)
  }
}
