/// Reads a narrative with a lexicon compiled once: phrases become paths in a trie of folded
/// words, so a text is read in one pass, longest phrase first, without scanning the
/// lexicon for every phrase.
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
    case number(Int)
    case unit(Int)
  }

  struct Node: Sendable {
    var next: [String: Int] = [:]
    var meanings: [Meaning] = []
  }

  private var nodes = [Node()]
  let lexicon: Lexicon
  let facts: [FactDefinition]

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
    }
    for (code, names) in stateNames.merging(lexicon.stateSpellings, uniquingKeysWith: +) {
      for name in names { insert(name, .state(code)) }
      if code.count == 2 { insert(code, .stateCode(code)) }
    }
    for (i, city) in lexicon.cities.enumerated() {
      for name in city.names { insert(name, .city(i)) }
    }
    for cue in lexicon.negation { insert(cue, .negation) }
    for cue in lexicon.past { insert(cue, .past) }
    for cue in lexicon.future { insert(cue, .future) }
    for word in aheadWords + lexicon.ahead { insert(word, .ahead) }
    for (n, words) in numberWords { for word in words { insert(word, .number(n)) } }
    for (days, words) in unitWords { for word in words { insert(word, .unit(days)) } }
  }

  private mutating func insert(_ phrase: String, _ meaning: Meaning) {
    let words = NarrativeTokens.words(phrase)
    guard !words.isEmpty else { return }
    var node = 0
    for word in words {
      if let next = nodes[node].next[word] {
        node = next
      } else {
        nodes.append(Node())
        nodes[node].next[word] = nodes.count - 1
        node = nodes.count - 1
      }
    }
    if !nodes[node].meanings.contains(meaning) { nodes[node].meanings.append(meaning) }
  }

  /// A match: where it starts and ends (token indices) and what it means.
  struct Match {
    var start: Int
    var end: Int
    var meanings: [Meaning]
  }

  /// The longest phrase at token `start`, if any.
  private func longest(at start: Int, _ tokens: [NarrativeTokens.Token]) -> Match? {
    var node = 0
    var best: Match?
    var i = start
    let clause = tokens[start].clause
    while i < tokens.count, tokens[i].clause == clause, let next = nodes[node].next[tokens[i].folded] {
      node = next
      i += 1
      if !nodes[node].meanings.isEmpty { best = Match(start: start, end: i, meanings: nodes[node].meanings) }
    }
    return best
  }

  public func read(_ text: String) -> NarrativeExtraction {
    let cut = NarrativeTokens(text)
    let tokens = cut.tokens
    guard !tokens.isEmpty else { return NarrativeExtraction(findings: []) }
    // All matches, longest first at each position.
    var matches: [Match] = []
    var i = 0
    while i < tokens.count {
      if let match = longest(at: i, tokens) {
        matches.append(match)
        i = match.end
      } else if let number = Int(tokens[i].folded), number >= 0, number < 100_000 {
        matches.append(Match(start: i, end: i + 1, meanings: [.number(number)]))
        i += 1
      } else {
        i += 1
      }
    }
    // Tense per clause: past wins over future.
    var tense = Array(repeating: 0, count: cut.clauseCount)  // 0 none, 1 past, 2 future
    for match in matches {
      let clause = tokens[match.start].clause
      if match.meanings.contains(.past) { tense[clause] = 1 }
      if match.meanings.contains(.future), tense[clause] == 0 { tense[clause] = 2 }
    }
    var found: [(fact: String, value: FactValue, words: String)] = []
    for (k, match) in matches.enumerated() {
      let clause = tokens[match.start].clause
      let words = tokens[match.start..<match.end].map(\.original).joined(separator: " ")
      let negated = isNegated(match, k, matches, tokens)
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
        case .number(let n):
          if let days = duration(n, after: k, matches, tokens, tense[clause]) { found += days.map { ($0.0, $0.1, words) } }
        default:
          continue
        }
      }
    }
    return combine(found, numbersFrom: matches, tokens)
  }

  /// Whether a negation cue ends within the three words before the match (same clause).
  private func isNegated(_ match: Match, _ index: Int, _ matches: [Match], _ tokens: [NarrativeTokens.Token]) -> Bool {
    let clause = tokens[match.start].clause
    let windowStart = max(0, match.start - 3)
    for t in windowStart..<match.start where tokens[t].clause == clause && tokens[t].folded.hasSuffix("n't") {
      return true
    }
    var k = index - 1
    while k >= 0, matches[k].end > windowStart {
      if matches[k].meanings.contains(.negation), tokens[matches[k].start].clause == clause { return true }
      k -= 1
    }
    return false
  }

  /// "3 days ago", "ba tuần trước" → incident_days_ago; "in 5 days", "5 ngày nữa" → event_in_days.
  private func duration(
    _ count: Int, after index: Int, _ matches: [Match], _ tokens: [NarrativeTokens.Token], _ tense: Int
  ) -> [(String, FactValue)]? {
    guard index + 1 < matches.count else { return nil }
    let unitMatch = matches[index + 1]
    guard unitMatch.start == matches[index].end,
      let days = unitMatch.meanings.compactMap({ if case .unit(let d) = $0 { return d } else { return nil } }).first
    else { return nil }
    let total = count * days
    let following = matches[(index + 2)...].prefix { $0.start <= unitMatch.end + 1 }
    let before = index > 0 && matches[index - 1].end == matches[index].start ? matches[index - 1] : nil
    let pastAfter = following.contains { $0.meanings.contains(.past) }
    let aheadAfter = following.contains { $0.meanings.contains(.ahead) || $0.meanings.contains(.future) }
    let aheadBefore = before?.meanings.contains(.ahead) ?? false
    if pastAfter || (tense == 1 && !aheadBefore && !aheadAfter) { return [("incident_days_ago", .integer(total))] }
    if aheadBefore || aheadAfter || tense == 2 { return [("event_in_days", .integer(total)), ("planned_event", .bool(true))] }
    return nil
  }

  /// One value per fact: sets united, anything found with two different values dropped.
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
    var findings: [NarrativeExtraction.Finding] = []
    for definition in facts where !definition.derived {
      guard let value = values[definition.id], !conflicted.contains(definition.id) else { continue }
      findings.append(.init(fact: definition.id, value: value, words: words[definition.id] ?? []))
    }
    return NarrativeExtraction(findings: findings)
  }
}
