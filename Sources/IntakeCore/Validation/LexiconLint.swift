/// Checks the lexicon against the facts: every fact and value it states must exist, and no
/// phrase may say two different things about one fact (after folding, as matching does).
public struct LexiconLint {
  public let lexicon: Lexicon
  public let ruleSet: RuleSet

  public init(lexicon: Lexicon, ruleSet: RuleSet) {
    self.lexicon = lexicon
    self.ruleSet = ruleSet
  }

  public func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let fallback = SourceLocation(file: "Rules/lexicon.yaml", line: 1, column: 1)
    let states = ruleSet.fact("state")?.values ?? []
    // Folded phrase -> the entries that have it, for conflict checks.
    var owners: [String: [Int]] = [:]
    for (e, entry) in lexicon.entries.enumerated() {
      let at = entry.location ?? fallback
      for fact in entry.clears where ruleSet.fact(fact).map({ $0.derived }) ?? true {
        diagnostics.append(unknownFact(fact, in: entry.id, at: at))
      }
      for (_, reading) in Self.readings(entry) {
        for (fact, value) in reading.sorted(by: { $0.key < $1.key }) {
          guard let definition = ruleSet.fact(fact), !definition.derived else {
            diagnostics.append(unknownFact(fact, in: entry.id, at: at))
            continue
          }
          if let problem = Self.check(value, definition) {
            diagnostics.append(
              Diagnostic(
                .error, .lexiconValue, at: at, ["entry": entry.id, "fact": fact, "value": problem, "expected": Self.expected(definition)])
            )
          }
        }
      }
      for phrase in Set((entry.phrases + entry.accented).map({ NarrativeTokens.words($0).joined(separator: " ") })) {
        owners[phrase, default: []].append(e)
      }
      // A class the loader could not expand ("{police" without its brace, a lexicon built
      // in code): the braces would be read as nothing and the phrase match too widely.
      for phrase in entry.phrases + entry.accented + entry.quoted where phrase.utf8.contains(where: { $0 == 0x7B || $0 == 0x7D }) {
        diagnostics.append(
          Diagnostic(
            .error, .unknownValue, at: at, ["fact": "classes", "value": phrase, "expected": "{name} of a class", "suggestion": ""]))
      }
      if entry.phrases.isEmpty && entry.accented.isEmpty && entry.quoted.isEmpty {
        diagnostics.append(Diagnostic(.error, .emptyGroup, at: at, ["group": "\(entry.id).phrases"]))
      }
    }
    // Only a phrase in two entries can say two things: compare their readings, tense by tense.
    for (phrase, entries) in owners.filter({ $0.value.count > 1 }).sorted(by: { $0.key < $1.key }) {
      for (i, first) in entries.enumerated() {
        for second in entries[(i + 1)...] {
          let a = lexicon.entries[first]
          let b = lexicon.entries[second]
          for ((_, readingA), (_, readingB)) in zip(Self.readings(a), Self.readings(b)) {
            for (fact, valueA) in readingA.sorted(by: { $0.key < $1.key }) {
              guard let valueB = readingB[fact], valueA != valueB, let definition = ruleSet.fact(fact), !definition.derived,
                Self.check(valueA, definition) == nil, Self.check(valueB, definition) == nil
              else { continue }
              if case .set = valueA, definition.kind == .set { continue }
              diagnostics.append(
                Diagnostic(
                  .error, .lexiconConflict, at: b.location ?? fallback,
                  ["phrase": phrase, "fact": fact, "first": a.id, "second": b.id]))
            }
          }
        }
      }
    }
    for (code, _) in lexicon.stateSpellings.sorted(by: { $0.key < $1.key }) where !states.contains(code) {
      diagnostics.append(
        Diagnostic(
          .error, .unknownValue, at: fallback,
          ["fact": "state", "value": code, "expected": states.joined(separator: ", "), "suggestion": ""]))
    }
    for city in lexicon.cities where !states.contains(city.state) {
      diagnostics.append(
        Diagnostic(
          .error, .unknownValue, at: city.location ?? fallback,
          ["fact": "state", "value": city.state, "expected": states.joined(separator: ", "), "suggestion": ""]))
    }
    for implication in lexicon.implications {
      let at = implication.location ?? fallback
      let pairs = implication.when.compactMap { fact, value in value.map { (fact, $0) } } + implication.add.map { ($0.key, $0.value) }
      for fact in Set(implication.when.keys).union(implication.add.keys).sorted() where ruleSet.fact(fact).map({ $0.derived }) ?? true {
        diagnostics.append(unknownFact(fact, in: "implications", at: at))
      }
      for (fact, value) in pairs.sorted(by: { $0.0 < $1.0 }) {
        guard let definition = ruleSet.fact(fact), !definition.derived, let problem = Self.check(value, definition) else { continue }
        diagnostics.append(
          Diagnostic(
            .error, .lexiconValue, at: at,
            ["entry": "implications", "fact": fact, "value": problem, "expected": Self.expected(definition)]))
      }
    }
    diagnostics += foldCollisions(fallback)
    var spellings: [String: String] = [:]
    for (code, names) in lexicon.stateSpellings.sorted(by: { $0.key < $1.key }) {
      for name in names {
        let folded = NarrativeTokens.words(name).joined(separator: " ")
        if let other = spellings[folded], other != code {
          diagnostics.append(
            Diagnostic(.error, .lexiconConflict, at: fallback, ["phrase": name, "fact": "state", "first": other, "second": code]))
        }
        spellings[folded] = code
      }
    }
    return diagnostics
  }

  /// An entry (or the implications) names a fact the rules do not have, or one derived by them.
  private func unknownFact(_ fact: String, in entry: String, at: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, .lexiconUnknownFact, at: at,
      ["entry": entry, "fact": fact, "suggestion": Suggestion.nearest(to: fact, in: ruleSet.facts.map(\.id)) ?? ""])
  }

  /// Phrases matched without marks whose folded form is an everyday word spelled otherwise
  /// ("chùa" typed "chua" is also "chưa", not yet): typed without marks they would fire on
  /// ordinary sentences. Each part of a phrase with a gap ("cảnh sát … bắn") is checked too,
  /// since it matches with other words between.
  func foldCollisions(_ fallback: SourceLocation) -> [Diagnostic] {
    func spelling(_ phrase: String) -> (folded: String, marked: [String]) {
      let cut = NarrativeTokens(phrase)
      return (cut.tokens.map(\.folded).joined(separator: " "), cut.tokens.indices.map { cut.marked($0) ?? cut.tokens[$0].folded })
    }
    var everyday: [String: [(word: String, marked: [String])]] = [:]
    for word in lexicon.everyday {
      let (folded, marked) = spelling(word)
      everyday[folded, default: []].append((word, marked))
    }
    var diagnostics: [Diagnostic] = []
    // Word classes repeat the same parts thousands of times ("cảnh sát", "đánh anh"), and a
    // part of more words than the longest everyday phrase cannot fold onto one: each part is
    // cut into tokens once, and only when it could collide (`check` took 0.6 s without this).
    let longest = everyday.keys.map { $0.split(separator: " ").count }.max() ?? 0
    var known: [UTF8Key: String?] = [:]
    func collision(_ part: String) -> String? {
      guard Self.wordCount(part) <= longest else { return nil }
      let key = UTF8Key(part)
      if let word = known[key] { return word }
      let (folded, marked) = spelling(part)
      let word = everyday[folded]?.first(where: { $0.marked != marked })?.word
      known[key] = word
      return word
    }
    func check(_ phrase: String, _ owner: String, _ at: SourceLocation) {
      let parts = Self.gapParts(phrase)
      for part in parts.count > 1 ? [phrase] + parts : [phrase] {
        guard let word = collision(part) else { continue }
        diagnostics.append(
          Diagnostic(
            .warning, .lexiconFoldCollision, at: at, ["part": part.trimmingWhitespace, "phrase": phrase, "entry": owner, "word": word]))
        return
      }
    }
    // A guard (an entry that states nothing) only stops shorter phrases: matching too often
    // costs a reading, never adds a wrong one.
    for entry in lexicon.entries where !(entry.set.isEmpty && (entry.past ?? [:]).isEmpty && (entry.future ?? [:]).isEmpty) {
      for phrase in entry.phrases { check(phrase, entry.id, entry.location ?? fallback) }
    }
    for cue in lexicon.negation { check(cue, "cues.negation", fallback) }
    // A short spelling typed without marks is read as its word wherever it is typed: it must
    // not fold onto an everyday word ("hong" would make "hồng" and "hỏng" read as "không").
    // One typed with marks counts only with them.
    for (word, variants) in lexicon.spellings.sorted(by: { $0.key < $1.key }) {
      for variant in variants where NarrativeTokens(variant).tokens.allSatisfy(\.ascii) {
        check(variant, "spellings.\(word)", fallback)
      }
    }
    return diagnostics
  }

  /// The parts of a phrase between its gaps ("…" or "..."), cut as bytes: class expansions
  /// make thousands of gapped phrases, and cutting them by Characters was the lint's largest
  /// cost. Empty parts are left out, as `split` leaves them.
  public static func gapParts(_ phrase: String) -> [String] {
    let bytes = Array(phrase.utf8)
    var parts: [String] = []
    var start = 0
    var i = 0
    func cut(_ end: Int, skipping length: Int) {
      if end > start { parts.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
      i = end + length
      start = i
    }
    while i < bytes.count {
      if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6 {
        cut(i, skipping: 3)
      } else if bytes[i] == 0x2E, i + 2 < bytes.count, bytes[i + 1] == 0x2E, bytes[i + 2] == 0x2E {
        cut(i, skipping: 3)
      } else {
        i += 1
      }
    }
    if bytes.count > start { parts.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return parts
  }

  /// Words separated by spaces that hold a letter or a digit (any byte of a non-ASCII
  /// character counts as one), on bytes: no more than the tokens the phrase cuts into.
  static func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    var counted = false
    for byte in text.utf8 {
      if byte == 0x20 {
        inWord = false
        counted = false
        continue
      }
      inWord = true
      let alnum = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
      if inWord, alnum, !counted {
        count += 1
        counted = true
      }
    }
    return count
  }

  /// An entry's readings by tense: with no tense cue, about the past, about the future.
  static func readings(_ entry: Lexicon.Entry) -> [(String, [String: FactValue])] {
    [("set", entry.set), ("past", entry.past ?? [:]), ("future", entry.future ?? [:])]
  }

  /// Why a value does not fit a fact, as the value written; nil when it fits.
  static func check(_ value: FactValue, _ fact: FactDefinition) -> String? {
    switch (fact.kind, value) {
    case (.choice, .choice(let v)): return fact.values.contains(v) ? nil : v
    case (.set, .set(let vs)): return vs.first { !fact.values.contains($0) }
    case (.bool, .bool): return nil
    case (.integer, .integer(let n)): return n >= (fact.minimum ?? .min) ? nil : String(n)
    case (.text, .choice), (.text, .text): return nil
    default: return value.displayValues.joined(separator: ", ")
    }
  }

  static func expected(_ fact: FactDefinition) -> String {
    switch fact.kind {
    case .choice, .set: return fact.values.joined(separator: ", ")
    case .bool: return "true, false"
    case .integer: return "0, 1, 2, …"
    case .text: return "text"
    }
  }
}
