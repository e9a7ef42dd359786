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
    /// A city by its own name ("San Jose", "Little Saigon San Jose").
    case city(Int)
    /// A city by another name: a district or a nickname ("Little Saigon", "Dorchester", "Eden
    /// Center"). It gives way to a city named by its own name ("Little Saigon" in a text about
    /// San Jose is San Jose's).
    case cityAlias(Int)
    /// A town from `towns:` (by its index in `towns`): a place only where clearly named.
    case town(Int)
    case negation, past, future, ahead, present, hypothetical, reported, elsewhere
  }

  /// A town's name and the states that have a town of that name, the one meant when no
  /// state is named first (nil: none can be told).
  struct Town: Sendable {
    var name: String
    var states: [String]
    var preferred: String?
  }

  /// One phrase ending at a trie node: what it means and how its words are spelled.
  struct Variant: Sendable {
    var meaning: Meaning
    /// Per word, its spelling with marks (`VietnameseSpelling.key`); nil for a word written
    /// without marks.
    var marked: [String?]
    /// Matches only when every marked word is typed with its marks.
    var accentedOnly: Bool
    /// Matches only inside quoted speech.
    var quotedOnly = false
  }

  /// A short spelling's word or words ("cs" → "cảnh sát"): their numbers and their spellings
  /// with marks, for the short spelling as typed (nil: without marks; "hổng" counts only with
  /// its marks, so "hồng" is not "không").
  struct Alternate: Sendable {
    var typed: String?
    var ids: [Int]
    /// Where the words' spellings with marks start in `alternateSpellings`.
    var spellings: Int
  }

  struct Node: Sendable {
    /// Next node by word id (`words`); the gap has id 0.
    var next: [Int: Int] = [:]
    /// `next[0]`, kept apart too: every step of a walk asks for it (-1: none).
    var gap = -1
    var variants: [Variant] = []
  }

  /// A fact read, and the tokens it was read from.
  typealias Found = (fact: Int, value: FactValue, words: Range<Int>)

  /// An implication of the lexicon with its facts as numbers: `when` and `add` in the order of
  /// their names, as the words that gave `when` are joined to what it adds.
  private struct FactImplication: Sendable {
    var when: [(fact: Int, wanted: FactValue?)]
    var add: [(fact: Int, value: FactValue)]
  }

  /// Each entry's readings with their facts in order, sorted once.
  private struct SortedReadings: Sendable {
    var set: [(Int, FactValue)]
    var past: [(Int, FactValue)]?
    var future: [(Int, FactValue)]?
  }

  /// The most words that may stand where a phrase has "…".
  static let maxGap = 3
  /// The most tokens that may stand there when some are names (capitalised words).
  static let maxNamedGap = 6

  private var nodes = [Node()]
  /// Every folded word of every phrase, by a small number: a text's words are looked up once,
  /// and the trie is walked by numbers, not strings (measured: the walk is most of a read).
  private var words: [String: Int] = [Self.gapKey: 0]
  /// The most tokens a match can cover (its words and its gaps at their widest).
  private var longestSpan = 1
  /// By word number: whether some phrase starts with the word (the root's children, asked
  /// of every word of a text).
  private var startsPhrase: [Bool] = []
  /// By word number: the words short spellings stand for (`spellings:`).
  private var alternates: [[Alternate]] = []
  private var hasAlternates: [Bool] = []
  /// The spellings with marks of the words short spellings stand for, one per word.
  private var alternateSpellings: [String?] = []
  let lexicon: Lexicon
  /// The towns of `lexicon.towns`, one per name.
  private var towns: [Town] = []
  /// Names that are among the five largest towns of two or more states ("Portland": Oregon and
  /// Maine; "Columbus": Ohio and Georgia), folded words joined by spaces: a state answered with
  /// one of them alone is asked back, even where a description reads the name as one city.
  private var leadingTownStates: [String: [String]] = [:]
  /// By word number: whether the word starts only towns (filled with `startsPhrase`).
  private var startsOnlyTowns: [Bool] = []
  let facts: [FactDefinition]
  /// Facts by id, as their index in `facts`.
  private let factIndex: [String: Int]
  private let sortedReadings: [SortedReadings]
  /// By entry: the facts it clears (`clears`), by index.
  private let clearedBy: [[Int]]
  private let basesFact: Int
  /// `incident_types`, `violence` and `immediate_danger` by index (-1 when the rule book has
  /// no such fact).
  private let threatFacts: (types: Int, violence: Int, danger: Int)
  private let goalFact: Int
  /// `law_enforcement_involved`: the police as a party (-1: no such fact).
  private let policeFact: Int
  /// The lexicon's implications by fact number, those naming an unknown fact left out (they can
  /// never hold); measured: looking the names up on every read cost a copy of the reader.
  private let implications: [FactImplication]
  /// By lexicon entry: whether it sets the city or the state (its phrases name a place).
  private let entryNamesPlace: [Bool]
  /// Folded number words (one word or two) and unit words, for durations.
  private var numbers: [String: Int] = [:]
  /// By word number: whether the word is a number word or starts one.
  private var isNumberWord: [Bool] = []
  /// First words of two-word numbers ("hai" of "hai mươi").
  private var numberStarts: Set<String> = []
  private var units: [String: Int] = [:]
  private var aheadWords: Set<String> = []
  /// States' own names by their first folded word (folded words), and their codes: a comma
  /// before one does not end a clause.
  private var stateNameWords: [String: [[String]]] = [:]
  private var stateCodes: Set<String> = []
  /// The word "police", which an agency's initials stand for ("APD", "LAPD", "SJPD"; -1: none).
  private var policeWord = -1
  private var agoWords: Set<String> = []
  /// Pronouns that carry the police named before ("they", "họ"): their word numbers and, per
  /// word, its spelling with marks (nil: written without).
  private var policePronouns: [(ids: [Int], marked: [String?])] = []
  /// By word number: whether a police pronoun starts with it (most texts hold none, and then
  /// nothing is carried).
  private var startsPolicePronoun: [Bool] = []
  /// The police's names (the class `police` and their short spellings) as word numbers, and the
  /// most words one has; by word number, whether one starts with it.
  private var policeNames: Set<[Int]> = []
  private var policeNameLength = 0
  private var startsPoliceName: [Bool] = []
  /// By word number of the last word of a pronoun lead ("thì", "then"; "là" of "vậy là"): its
  /// spellings with marks (nil: written without).
  private var pronounLeads: [Int: [String?]] = [:]

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
    let factIndex = Dictionary(facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.factIndex = factIndex
    threatFacts = (factIndex["incident_types"] ?? -1, factIndex["violence"] ?? -1, factIndex["immediate_danger"] ?? -1)
    // A word written for a text fact (`city: Arlington`) is that text, not a choice: shown as
    // typed, never looked up as a value's label.
    func sorted(_ reading: [String: FactValue]) -> [(Int, FactValue)] {
      reading.sorted { $0.key < $1.key }.compactMap { key, value in
        factIndex[key].map { f in
          if facts[f].kind == .text, case .choice(let text) = value { return (f, .text(text)) }
          return (f, value)
        }
      }
    }
    basesFact = factIndex["bases"] ?? -1
    goalFact = factIndex["request_goal"] ?? -1
    policeFact = factIndex["law_enforcement_involved"] ?? -1
    clearedBy = lexicon.entries.map { $0.clears.compactMap { factIndex[$0] } }
    implications = lexicon.implications.compactMap { implication in
      let when = implication.when.sorted { $0.key < $1.key }.map { (fact: factIndex[$0.key] ?? -1, wanted: $0.value) }
      guard when.allSatisfy({ $0.fact >= 0 }) else { return nil }
      let add = implication.add.sorted { $0.key < $1.key }.compactMap { key, value in factIndex[key].map { (fact: $0, value: value) } }
      return FactImplication(when: when, add: add)
    }
    entryNamesPlace = lexicon.entries.map { entry in
      [entry.set, entry.past ?? [:], entry.future ?? [:]].contains { $0["city"] != nil || $0["state"] != nil }
    }
    sortedReadings = lexicon.entries.map { SortedReadings(set: sorted($0.set), past: $0.past.map(sorted), future: $0.future.map(sorted)) }
    prepareTenseCues()
    for (i, entry) in lexicon.entries.enumerated() {
      for phrase in entry.phrases { insert(phrase, .entry(i)) }
      for phrase in entry.accented { insert(phrase, .entry(i), accentedOnly: true) }
      for phrase in entry.quoted { insert(phrase, .entry(i), quotedOnly: true) }
    }
    for (code, names) in stateNames {
      for name in names {
        let words = NarrativeTokens.words(name)
        if let first = words.first { stateNameWords[first, default: []].append(words) }
      }
      if code.count == 2 { stateCodes.insert(code) }
    }
    for (code, names) in stateNames.merging(lexicon.stateSpellings, uniquingKeysWith: +) {
      for name in names { insert(name, .state(code)) }
      if code.count == 2 { insert(code, .stateCode(code)) }
    }
    for (i, city) in lexicon.cities.enumerated() {
      let own = NarrativeTokens(city.city).tokens.map(\.folded)
      for name in city.names {
        let words = NarrativeTokens(name).tokens.map(\.folded)
        let named =
          !own.isEmpty && words.count >= own.count
          && (0...(words.count - own.count)).contains { Array(words[$0..<($0 + own.count)]) == own }
        insert(name, named ? .city(i) : .cityAlias(i))
      }
    }
    for cue in lexicon.negation { insert(cue, .negation) }
    for cue in lexicon.negationAccented { insert(cue, .negation, accentedOnly: true) }
    for cue in lexicon.past { insert(cue, .past) }
    for cue in lexicon.future { insert(cue, .future) }
    for cue in lexicon.present { insert(cue, .present) }
    for cue in lexicon.hypothetical { insert(cue, .hypothetical) }
    for cue in lexicon.reported { insert(cue, .reported) }
    for cue in lexicon.elsewhere { insert(cue, .elsewhere) }
    for word in aheadWords + lexicon.ahead { insert(word, .ahead) }
    tenseCues = [:]
    // The words of police pronouns, leads and names, in the vocabulary so that a text's words
    // are known to be theirs by their number.
    func inVocabulary(_ phrase: String) -> (ids: [Int], marked: [String?]) {
      let cut = NarrativeTokens(phrase)
      for token in cut.tokens where self.words[token.folded] == nil { self.words[token.folded] = self.words.count }
      return (cut.tokens.map { self.words[$0.folded]! }, cut.tokens.indices.map { cut.marked($0) })
    }
    policePronouns = lexicon.policePronouns.map(inVocabulary).filter { !$0.ids.isEmpty }
    for lead in lexicon.pronounLeads {
      let (ids, marked) = inVocabulary(lead)
      if let last = ids.last { pronounLeads[last, default: []].append(marked[marked.count - 1]) }
    }
    for name in lexicon.policeNames {
      let ids = inVocabulary(name).ids
      if !ids.isEmpty { policeNames.insert(ids) }
    }
    let policeNameKeys = Set(lexicon.policeNames.map { NarrativeTokens.words($0).joined(separator: " ") })
    for (word, variants) in lexicon.spellings where policeNameKeys.contains(NarrativeTokens.words(word).joined(separator: " ")) {
      for variant in variants where NarrativeTokens.words(variant).count == 1 { policeNames.insert(inVocabulary(variant).ids) }
    }
    policeNameLength = policeNames.map(\.count).max() ?? 0
    for (n, words) in numberWords {
      for word in words {
        let parts = NarrativeTokens.words(word)
        numbers[parts.joined(separator: " "), default: n] = n
        if parts.count > 1 { numberStarts.insert(parts[0]) }
        // In the vocabulary, so that a text's words are known to be numbers by their id.
        for part in parts where self.words[part] == nil { self.words[part] = self.words.count }
      }
    }
    for (days, words) in unitWords {
      for word in words { units[NarrativeTokens.words(word).joined(separator: " ")] = days }
    }
    isNumberWord = Array(repeating: false, count: self.words.count)
    for number in numbers.keys {
      if let first = number.split(separator: " ").first, let id = self.words[String(first)] { isNumberWord[id] = true }
    }
    self.aheadWords = Set((aheadWords + lexicon.ahead).map { NarrativeTokens.words($0).joined(separator: " ") })
    self.agoWords = Set(lexicon.ago.map { NarrativeTokens.words($0).joined(separator: " ") })
    // Towns: one per name, with every state that has it; a name `cities` already knows is
    // read as that city.
    let known = Set(lexicon.cities.flatMap { $0.names.map { NarrativeTokens.words($0) } })
    var townIndex: [String: Int] = [:]
    for (code, names) in lexicon.towns.sorted(by: { $0.key < $1.key }) {
      for name in names where !known.contains(NarrativeTokens.words(name)) {
        if let t = townIndex[name] {
          towns[t].states.append(code)
        } else {
          townIndex[name] = towns.count
          towns.append(Town(name: name, states: [code]))
        }
      }
    }
    var leading: [String: [String]] = [:]
    for (code, names) in lexicon.towns.sorted(by: { $0.key < $1.key }) {
      for name in names.prefix(5) { leading[NarrativeTokens.words(name).joined(separator: " "), default: []].append(code) }
    }
    leadingTownStates = leading.filter { $0.value.count > 1 }
    // Words that start a phrase other than a town's: a word starting only towns is walked
    // only when written with a capital.
    let startsOther = Set(nodes[0].next.keys)
    var townOnly = Set<Int>()
    for t in towns.indices {
      towns[t].preferred = towns[t].states.count == 1 ? towns[t].states[0] : lexicon.townStates[towns[t].name]
      insert(towns[t].name, .town(t))
    }
    for id in nodes[0].next.keys where !startsOther.contains(id) { townOnly.insert(id) }
    // Short spellings, once every phrase word has its number: a spelling of words no phrase
    // has is of no use.
    var alternateOf: [(String, Alternate)] = []
    for (word, variants) in lexicon.spellings.sorted(by: { $0.key < $1.key }) {
      let cut = NarrativeTokens(word)
      let ids = cut.tokens.map { self.words[$0.folded] ?? -1 }
      guard !ids.isEmpty, !ids.contains(-1) else { continue }
      let spellings = alternateSpellings.count
      alternateSpellings += cut.tokens.indices.map { cut.marked($0) }
      let folded = cut.tokens.map(\.folded).joined(separator: " ")
      for variant in variants {
        let typed = NarrativeTokens(variant)
        // A spelling that folds like the word is of use only with other marks ("chận" for
        // "chặn": typed so, the word's own marks would refuse it).
        guard typed.tokens.count == 1,
          typed.tokens[0].folded != folded || (typed.marked(0) != nil && (cut.tokens.count > 1 || typed.marked(0) != cut.marked(0)))
        else { continue }
        alternateOf.append((typed.tokens[0].folded, Alternate(typed: typed.marked(0), ids: ids, spellings: spellings)))
      }
    }
    for (variant, _) in alternateOf where self.words[variant] == nil { self.words[variant] = self.words.count }
    alternates = Array(repeating: [], count: self.words.count)
    for (variant, alternate) in alternateOf { alternates[self.words[variant]!].append(alternate) }
    hasAlternates = alternates.map { !$0.isEmpty }
    isNumberWord += Array(repeating: false, count: self.words.count - isNumberWord.count)
    policeWord = self.words["police"] ?? -1
    startsPolicePronoun = Array(repeating: false, count: self.words.count)
    for pronoun in policePronouns { startsPolicePronoun[pronoun.ids[0]] = true }
    startsPoliceName = Array(repeating: false, count: self.words.count)
    for name in policeNames { startsPoliceName[name[0]] = true }
    pieces = [:]
    startsPhrase = Array(repeating: false, count: self.words.count)
    for id in nodes[0].next.keys { startsPhrase[id] = true }
    startsOnlyTowns = Array(repeating: false, count: self.words.count)
    for id in townOnly { startsOnlyTowns[id] = true }
    for (id, list) in alternates.enumerated() where list.contains(where: { nodes[0].next[$0.ids[0]] != nil }) {
      startsPhrase[id] = true
    }
  }

  /// The trie key standing for "a few words may come here" (a phrase written with "…").
  static let gapKey = "\u{2026}"

  /// A piece of a phrase between two spaces, cut once: its words (by number, with their
  /// spelling with marks) and the gaps ("…") in it.
  private enum Piece {
    case gap
    case word(Int, String?)
  }

  /// The past cues, and the days ahead of more than one word, by their first word, while the
  /// lexicon is compiled: an entry's phrase that holds one is that cue too (`insert`).
  private var tenseCues: [Int: [(ids: [Int], marked: [String?], meaning: Meaning)]] = [:]

  /// Pieces already cut, while the lexicon is compiled: classes make thousands of phrases of
  /// the same few pieces ("cảnh sát … tackled", "cs … tackled"…), and cutting and folding
  /// every phrase whole was most of the compile. Emptied once the trie is built.
  private var pieces: [Substring: [Piece]] = [:]

  /// Cuts a piece the way a whole phrase is cut (a space always separates tokens, so a
  /// phrase's tokens are its pieces' tokens in order): "..." is a gap like "…".
  private mutating func cut(_ piece: Substring) -> [Piece] {
    if let known = pieces[piece] { return known }
    let text = String(piece)
    let gapped = text.utf8.contains(0x2E) ? text.replacingOccurrences(of: "...", with: Self.gapKey) : text
    var out: [Piece] = []
    for (n, part) in gapped.split(separator: Character(Self.gapKey), omittingEmptySubsequences: false).enumerated() {
      if n > 0 { out.append(.gap) }
      let cut = NarrativeTokens(String(part))
      for (i, token) in cut.tokens.enumerated() {
        let id = words[token.folded] ?? words.count
        words[token.folded] = id
        out.append(.word(id, cut.marked(i)))
      }
    }
    pieces[piece] = out
    return out
  }

  /// Fills `tenseCues`. A phrase of an entry that holds a past cue ("năm ngoái có", "was
  /// fired") or a day ahead ("vào đầu tháng tới") is that cue too: its longer match takes the
  /// cue's words, and the clause would lose its tense ("Năm ngoái có biểu tình" read as a march
  /// to come). Not a word of will: "he will kill us" is a threat said now, not a clause about
  /// days ahead (it took the danger out of "someone is banging on our door and yelling he
  /// will kill us").
  private mutating func prepareTenseCues() {
    for (meaning, cues) in [(Meaning.past, lexicon.past), (.future, lexicon.future)] {
      for cue in cues {
        var ids: [Int] = []
        var marked: [String?] = []
        for piece in cue.utf8.split(separator: 0x20) {
          for case .word(let id, let spelling) in cut(Substring(piece)) {
            ids.append(id)
            marked.append(spelling)
          }
        }
        guard let first = ids.first, meaning == .past || ids.count > 1 else { continue }
        tenseCues[first, default: []].append((ids, marked, meaning))
      }
    }
  }

  /// The tense cues a phrase without a gap holds (its words by number, with their marks; "đá"
  /// in "đang ném đá" is no "đã": marks count where both have them).
  private func tenseCues(in keys: [Int], _ marked: [String?]) -> [Meaning] {
    guard keys.count > 1, !keys.contains(0) else { return [] }
    var held: [Meaning] = []
    for (i, id) in keys.enumerated() {
      for cue in tenseCues[id] ?? [] where cue.ids.count < keys.count && i + cue.ids.count <= keys.count && !held.contains(cue.meaning) {
        let same = cue.ids.indices.allSatisfy { j in
          keys[i + j] == cue.ids[j] && (marked[i + j] == nil || cue.marked[j] == nil || marked[i + j] == cue.marked[j])
        }
        if same { held.append(cue.meaning) }
      }
    }
    return held
  }

  private mutating func insert(_ phrase: String, _ meaning: Meaning, accentedOnly: Bool = false, quotedOnly: Bool = false) {
    // "cảnh sát … bắn": the words, with a gap between them where the phrase has "…" (a gap
    // before the first word or after another gap is none).
    var keys: [Int] = []
    var marked: [String?] = []
    var gapPending = false
    for piece in phrase.utf8.split(separator: 0x20) {
      for item in cut(Substring(piece)) {
        switch item {
        case .gap:
          gapPending = true
        case .word(let id, let spelling):
          if gapPending && !keys.isEmpty { keys.append(0) }
          gapPending = false
          keys.append(id)
          marked.append(spelling)
        }
      }
    }
    guard !marked.isEmpty else { return }
    longestSpan = max(longestSpan, marked.count + (keys.count - marked.count) * Self.maxNamedGap)
    var node = 0
    for id in keys {
      if let next = nodes[node].next[id] {
        node = next
      } else {
        nodes.append(Node())
        nodes[node].next[id] = nodes.count - 1
        if id == 0 { nodes[node].gap = nodes.count - 1 }
        node = nodes.count - 1
      }
    }
    func add(_ meaning: Meaning) {
      guard !nodes[node].variants.contains(where: { $0.meaning == meaning && $0.marked == marked && $0.quotedOnly == quotedOnly }) else {
        return
      }
      nodes[node].variants.append(Variant(meaning: meaning, marked: marked, accentedOnly: accentedOnly, quotedOnly: quotedOnly))
    }
    add(meaning)
    // An array per phrase would be built for nothing: most phrases hold no tense cue.
    if case .entry = meaning, !quotedOnly, !tenseCues.isEmpty {
      for cue in tenseCues(in: keys, marked) { add(cue) }
    }
  }

  /// A match: the span it covers (token indices), the tokens that are its words (a phrase
  /// may skip a few), and what it means.
  struct Match {
    var start: Int
    var end: Int
    var words: [Int]
    var meanings: [Meaning]
    /// Tokens skipped ("…"); a short spelling counts once for the words it stands for (its
    /// positions repeat, one after the other).
    var gaps: Int {
      var distinct = words.isEmpty ? 0 : 1
      for i in words.indices.dropFirst() where words[i] != words[i - 1] { distinct += 1 }
      return max(0, end - start - distinct)
    }
  }

  /// Whether the words matched so far spell a variant: a token typed with marks must have the
  /// phrase word's marks; one typed without matches folded unless the phrase is kept
  /// accented; a phrase of quoted speech must be quoted.
  private func spells(_ variant: Variant, _ scan: Scan) -> Bool {
    for (j, p) in scan.positions.enumerated() {
      let word = variant.marked[j]
      let override = scan.overrides[j]
      // (`arrive` has made the spellings of every position.)
      if let typed = override < 0 ? scan.marked[p] ?? nil : alternateSpellings[override] {
        if word != typed { return false }
      } else if variant.accentedOnly && word != nil {
        return false
      }
    }
    if variant.quotedOnly {
      for p in scan.positions where !scan.tokens[p].quoted { return false }
    }
    return true
  }

  /// What a search for the best phrase at one position sees: the text's tokens, their word
  /// numbers and spellings, and which tokens earlier phrases took.
  private struct Scan {
    let cut: NarrativeTokens
    var tokens: [NarrativeTokens.Token] { cut.tokens }
    let ids: [Int]
    /// Tokens' spellings with marks (`.some(nil)`: typed without), made when a phrase ending
    /// there asks (measured: making them all up front was a fifteenth of a read); nil: not
    /// made yet.
    var marked: [String??]
    var consumed: [Bool]

    /// Token `p`'s spelling with marks (nil: typed without), made once.
    mutating func spelling(_ p: Int) -> String? {
      if let made = marked[p] { return made }
      let made = cut.tokens[p].ascii ? nil : cut.marked(p)
      marked[p] = .some(made)
      return made
    }
    /// The positions of the words matched so far on the current path (reused); a short
    /// spelling stands there once per word it stands for.
    var positions: [Int] = []
    /// Per word matched so far: -1 for a word as typed, or where a short spelling's word is
    /// spelled in `alternateSpellings` (numbers, not strings: the walk is the hot loop).
    var overrides: [Int] = []
  }

  /// The best phrase starting at token `start`: the most words, then the fewest skipped.
  private func best(at start: Int, _ scan: inout Scan) -> Match? {
    // Most words start no phrase: no search at all.
    let id = scan.ids[start]
    guard id >= 0, startsPhrase[id], !startsOnlyTowns[id] || scan.tokens[start].capital else { return nil }
    var best: Match?
    scan.positions.removeAll(keepingCapacity: true)
    scan.overrides.removeAll(keepingCapacity: true)
    walk(0, start, start, scan.tokens[start].clause, &scan, &best)
    return best
  }

  /// Follows the trie from `node` at token `pos`, keeping the best match found.
  private func walk(_ node: Int, _ pos: Int, _ start: Int, _ clause: Int, _ scan: inout Scan, _ best: inout Match?) {
    // A phrase written "A … B": up to `maxGap` words may stand between A and B.
    let gap = nodes[node].gap
    if gap >= 0 {
      // Names count apart: "cảnh sát Richmond Virginia bắn", "deputy ở Sacramento County cứ
      // pull over" skip names of places and people, not more of what is said.
      var skip = pos
      var words = 0
      while skip < scan.tokens.count, words <= Self.maxGap, skip - pos <= Self.maxNamedGap, scan.tokens[skip].clause == clause {
        walk(gap, skip, start, clause, &scan, &best)
        if !scan.tokens[skip].name { words += 1 }
        skip += 1
      }
    }
    guard pos < scan.tokens.count, scan.tokens[pos].clause == clause, !scan.consumed[pos] else { return }
    let id = scan.ids[pos]
    if let next = nodes[node].next[id] {
      scan.positions.append(pos)
      scan.overrides.append(-1)
      arrive(next, pos, start, clause, &scan, &best)
      scan.positions.removeLast()
      scan.overrides.removeLast()
    }
    // A short spelling ("cs", "ko", "dc") walks on as the word or words it stands for (most
    // words have none: asked without touching the list).
    guard id >= 0, id < hasAlternates.count, hasAlternates[id] else { return }
    let typed = scan.spelling(pos)
    for alternate in alternates[id] where alternate.typed == typed {
      var next = node
      var reached = true
      for word in alternate.ids {
        guard let step = nodes[next].next[word] else {
          reached = false
          break
        }
        next = step
      }
      guard reached else { continue }
      for k in alternate.ids.indices {
        scan.positions.append(pos)
        scan.overrides.append(alternate.spellings + k)
      }
      arrive(next, pos, start, clause, &scan, &best)
      scan.positions.removeLast(alternate.ids.count)
      scan.overrides.removeLast(alternate.ids.count)
    }
  }

  /// The walk has matched the token at `pos` and reached `node`: a phrase may end here, a
  /// longer one may go on.
  private func arrive(_ node: Int, _ pos: Int, _ start: Int, _ clause: Int, _ scan: inout Scan, _ best: inout Match?) {
    if !nodes[node].variants.isEmpty {
      for p in scan.positions { _ = scan.spelling(p) }
      if nodes[node].variants.contains(where: { spells($0, scan) }) {
        let meanings = nodes[node].variants.filter { spells($0, scan) }.map(\.meaning)
        let match = Match(start: start, end: pos + 1, words: scan.positions, meanings: meanings)
        if best.map({ ($0.words.count, -$0.gaps) < (match.words.count, -match.gaps) }) ?? true { best = match }
      }
    }
    walk(node, pos + 1, start, clause, &scan, &best)
  }

  /// Reads a description. Days ahead ("next month", "tuần sau") are kept only when an event is
  /// read as planned: in a description they say when that event is ("the workshop next
  /// month", "we move out next week" plan no event).
  /// The states of a town named alone ("Kansas City", "ở Springfield") when it is in several
  /// and the lexicon prefers none (`town-states`): asked which state, the program must ask back.
  /// Empty for anything else.
  public func statesOfTownNamed(_ text: String) -> [String] {
    var words = NarrativeTokens.words(text)
    while let first = words.first, words.count > 1, Self.placeLeads.contains(first) { words.removeFirst() }
    guard !words.isEmpty else { return [] }
    if let states = leadingTownStates[words.joined(separator: " ")] { return states }
    for town in towns where town.preferred == nil && town.states.count > 1 && NarrativeTokens.words(town.name) == words {
      return town.states
    }
    return []
  }

  /// Words that lead a place in an answer: "ở", "tại", "bên", "in", "at", "from".
  private static let placeLeads: Set<String> = ["o", "tai", "ben", "tu", "in", "at", "from", "near", "gan"]

  public func read(_ text: String) -> NarrativeExtraction {
    read(text, keepingDaysAhead: false)
  }

  /// A word in the possessive ("Boise's first Pride parade", "the tribe's social services")
  /// read as the word, when only the word is in a phrase; -1 otherwise.
  private func possessed(_ folded: String) -> Int {
    guard folded.utf8.count > 3, folded.hasSuffix("'s") else { return -1 }
    return words[String(folded.dropLast(2))] ?? -1
  }

  /// Reads a text; `keepingDaysAhead` keeps days ahead without an event (an answer to "in how
  /// many days is the event?" names no event).
  public func read(_ text: String, keepingDaysAhead: Bool) -> NarrativeExtraction {
    var cut = NarrativeTokens(text)
    joinStatesAfterCommas(&cut)
    let tokens = cut.tokens
    guard !tokens.isEmpty else { return NarrativeExtraction(findings: []) }
    // Each word's number in the lexicon (-1: in no phrase); a police department's initials
    // ("APD", "NOPD", "Gallup PD") read as "police".
    var ids = tokens.indices.map { t in isPoliceInitials(cut, t) ? policeWord : words[tokens[t].folded] ?? possessed(tokens[t].folded) }
    // "They", "họ" for the police named before are read as "police", spelled without marks.
    var marked = [String??](repeating: nil, count: tokens.count)
    let carried = policeCarried(cut, ids)
    for t in carried {
      ids[t] = policeWord
      marked[t] = .some(nil)
    }
    // All matches, the best first at each position; words a phrase skipped are read too.
    var matches: [Match] = []
    var scan = Scan(cut: cut, ids: ids, marked: marked, consumed: Array(repeating: false, count: tokens.count))
    for i in tokens.indices where !scan.consumed[i] {
      guard let match = best(at: i, &scan) else { continue }
      matches.append(match)
      for p in match.words { scan.consumed[p] = true }
    }
    let consumed = scan.consumed
    // Tense cues per clause, as bits: 1 past, 2 future, 3 both (then each phrase takes the
    // nearest cue's; elsewhere, past wins).
    var tense = Array(repeating: 0, count: cut.clauseCount)
    var firstToken = [Int?](repeating: nil, count: cut.clauseCount)
    for t in tokens.indices.reversed() { firstToken[tokens[t].clause] = t }
    var now = Array(repeating: false, count: cut.clauseCount)
    for match in matches {
      let clause = tokens[match.start].clause
      if match.meanings.contains(.past) { tense[clause] |= 1 }
      if match.meanings.contains(.future) { tense[clause] |= 2 }
      if match.meanings.contains(.present) { now[clause] = true }
    }
    // A clause after a comma with no tense of its own goes on in the tense of the one before
    // ("Tối qua cảnh sát chặn nó lại, chĩa súng…": the gun was pointed last night), unless it
    // says it is about now ("…, giờ tụi nó đang đứng ngoài với súng").
    // One that opens with "nhưng", "but" turns to something else ("Cuộc biểu tình đó xong rồi,
    // nhưng tháng sau tụi tôi còn tổ chức lần nữa").
    for clause in tense.indices.dropFirst() where tense[clause] == 0 && !now[clause] && cut.opensAfterComma[clause] {
      if let first = firstToken[clause], Self.contrastWords.contains(tokens[first].folded) { continue }
      if tense[clause - 1] == 1 || tense[clause - 1] == 2 { tense[clause] = tense[clause - 1] }
    }
    // News from elsewhere ("coi tin tức thấy bên Cali người già bị đánh"): by clause, the first
    // word after such a cue, to the end of its sentence (clauses after a comma go on it).
    var reportedFrom = [Int?](repeating: nil, count: cut.clauseCount)
    for match in matches where match.meanings.contains(.reported) {
      let clause = tokens[match.start].clause
      if reportedFrom[clause] == nil { reportedFrom[clause] = match.end }
    }
    // A place elsewhere takes its whole clause, the words before it too.
    for match in matches where match.meanings.contains(.elsewhere) { reportedFrom[tokens[match.start].clause] = 0 }
    for clause in reportedFrom.indices.dropFirst() where reportedFrom[clause] == nil && cut.opensAfterComma[clause] {
      if reportedFrom[clause - 1] != nil { reportedFrom[clause] = 0 }
    }
    var found: [Found] = []
    // Cities named by their own name: another name of another city gives way to them.
    var named = Set<String>()
    for match in matches {
      for case .city(let c) in match.meanings { named.insert(lexicon.cities[c].city) }
    }
    // The words of credible threats (a reading stating a threat and violence): "nobody was
    // hurt" says no one was hurt, not that nobody was threatened.
    var threats = Set<Range<Int>>()
    // Facts a phrase said nothing can be read for (`clears`).
    var cleared = Set<Int>()
    // Towns named (`towns:`), kept apart until the cities are known.
    var townFound: [Found] = []
    // How clearly a place was named, for cities of `cities` and for towns: 2 for its state
    // right after, 1 for a place word before ("ở Salem, Oregon" 3 beats "từ Portland" 1).
    var cityStrength = 0
    var townStrength = 0
    // The words of cities of `cities` named as a landmark ("ở Sugar Land, gần Houston").
    var landmarkWords = Set<Range<Int>>()
    // Tokens no phrase took, or that only a town not read took ("Darby" of "Upper Darby").
    var takenForCities = consumed
    // The words of cities of `cities` read.
    var cityWords = Set<Range<Int>>()
    // The words of cities and towns named as places: a place word before, or a state after.
    var placesNamed = Set<Range<Int>>()
    // Places written with their state, as addresses are ("Milpitas, CA", "Quincy MA").
    var placesWithState = Set<Range<Int>>()
    func placeWordBefore(_ match: Match) -> Bool {
      match.start > 0 && tokens[match.start - 1].clause == tokens[match.start].clause
        && Self.placePrepositions.contains(tokens[match.start - 1].folded)
    }
    // A preposition before it, not a police force named after it ("cảnh sát DeKalb" may be
    // DeKalb County's).
    func namedAsPlace(_ match: Match) -> Bool {
      placeWordBefore(match) && !Self.policeLeads.contains(tokens[match.start - 1].folded)
    }
    // A state named right after a place says which place ("Portland Maine", "Pueblo, Colorado").
    var stateAt: [Int: String] = [:]
    let placeNamed = matches.contains { match in
      match.meanings.contains { meaning in
        switch meaning {
        case .city, .cityAlias, .town: return true
        default: return false
        }
      }
    }
    for match in matches where placeNamed {
      for meaning in match.meanings {
        var named: String?
        if case .state(let code) = meaning { named = code }
        if case .stateCode(let code) = meaning, cut.original(match.start) == code { named = code }
        if let named, !isNegated(match, matches, tokens, consumed) { stateAt[match.start] = named }
      }
    }
    func stateAfter(_ match: Match) -> String? {
      guard match.end < tokens.count, let code = stateAt[match.end] else { return nil }
      let gap = tokens[match.end].clause - tokens[match.end - 1].clause
      if gap == 0 { return code }
      let between = cut.text.unicodeScalars[tokens[match.end - 1].range.upperBound..<tokens[match.end].range.lowerBound]
      return gap == 1 && between.contains(",") ? code : nil
    }
    // Durations first ("3 days ago", "ba tuần nữa"): their words are not read again as phrases.
    let (durations, durationTokens, bareCounts) = self.durations(tokens, ids, matches, tense)
    found += durations
    // Armed acts told with no tense and no "now" (the words of their readings): danger now
    // only if the story is not one of days ago (see `combine`).
    var untensedArms = Set<Range<Int>>()
    // Where the last place said not to be ends: its state, right after, is not it either
    // ("Arlington, Texas (không phải Arlington bên Virginia)").
    var deniedPlaceEnd = -2
    for match in matches {
      if durationTokens.contains(match.start) { continue }
      let clause = tokens[match.start].clause
      let words = match.start..<match.end
      var negated = isNegated(match, matches, tokens, consumed)
      let isState = match.meanings.contains {
        switch $0 {
        case .state, .stateCode: return true
        default: return false
        }
      }
      if isState, match.start >= deniedPlaceEnd, match.start - deniedPlaceEnd <= 1, tokens[deniedPlaceEnd - 1].clause == clause {
        negated = true
      } else if negated, match.meanings.contains(where: { namesPlace($0) }) {
        deniedPlaceEnd = match.end
      }
      for meaning in match.meanings {
        switch meaning {
        case .entry(let e):
          let readings = sortedReadings[e]
          var reading = readings.set
          let own = tense[clause] == 3 ? nearestTense(match, clause, matches, tokens) : tense[clause]
          if own == 1, let past = readings.past { reading = past }
          if own == 2, let future = readings.future { reading = future }
          // Feared, not done ("sợ có đánh nhau", "if they attack"): its future reading, or
          // none of the incident, violence and danger it would state.
          if let from = reportedFrom[clause], match.start >= from {
            reading.removeAll {
              $0.0 == threatFacts.types || $0.0 == threatFacts.violence || $0.0 == threatFacts.danger || $0.0 == goalFact
            }
          } else if !negated, isHypothetical(match, matches, tokens) {
            if let future = readings.future {
              reading = future
            } else {
              reading.removeAll { $0.0 == threatFacts.types || $0.0 == threatFacts.violence || $0.0 == threatFacts.danger }
            }
          }
          if !negated {
            for fact in clearedBy[e] { cleared.insert(fact) }
          } else if saysBias(reading) {
            // "hông có chuyện kỳ thị gì hết", "not discrimination": no basis to read.
            if basesFact >= 0 { cleared.insert(basesFact) }
          }
          if !negated, isCredibleThreat(reading) { threats.insert(words) }
          if own == 0, !now[clause], reading.contains(where: { $0.0 == threatFacts.danger && $0.1 == .bool(true) }),
            reading.contains(where: { $0.0 == threatFacts.violence && $0.1 == .bool(true) })
          {
            untensedArms.insert(words)
          }
          // What "they" only did ("họ chỉ tới tiệm hỏi giấy phép") does not take the police
          // out of it: a pronoun carries what the police did, not that they are no party.
          if !carried.isEmpty, match.words.contains(where: carried.contains) {
            reading.removeAll { $0.0 == policeFact && $0.1 == .bool(false) }
          }
          for (fact, value) in reading {
            if negated {
              if case .bool = value { found.append((fact, .bool(false), words)) }
            } else {
              found.append((fact, value, words))
            }
          }
        case .state(let code) where !negated:
          if let state = factIndex["state"] { found.append((state, .choice(code), words)) }
        case .stateCode(let code) where !negated && cut.original(match.start) == code:
          if let state = factIndex["state"] { found.append((state, .choice(code), words)) }
        case .city(let c) where !negated, .cityAlias(let c) where !negated:
          let city = lexicon.cities[c]
          if case .cityAlias = meaning, !named.isEmpty, !named.contains(city.city) { continue }
          cityStrength = max(cityStrength, (stateAfter(match) != nil ? 2 : 0) + (placeWordBefore(match) ? 1 : 0))
          if stateAfter(match) != nil || namedAsPlace(match) { placesNamed.insert(words) }
          if stateAfter(match) != nil { placesWithState.insert(words) }
          if match.start > 0 && Self.nearWords.contains(tokens[match.start - 1].folded) { landmarkWords.insert(words) }
          cityWords.insert(words)
          if let fact = factIndex["city"] { found.append((fact, .text(city.city), words)) }
          if let state = factIndex["state"] { found.append((state, .choice(stateAfter(match) ?? city.state), words)) }
        case .town(let t) where !negated:
          // Only a place clearly named: a capital, and a place word before it or its state
          // after it ("in Mobile", "Lafayette Louisiana").
          let after = stateAfter(match)
          let town = towns[t]
          let capital = tokens[match.start].capital
          let placeWord = placeWordBefore(match)
          guard capital && (placeWord || after != nil) else { continue }
          // A name right before it makes a longer name no list knows ("Upper Darby, PA"): the
          // town is not read, and its words are free for a city named before its state.
          if match.start > 0, tokens[match.start - 1].clause == clause, tokens[match.start - 1].name, !consumed[match.start - 1] {
            for w in match.words { takenForCities[w] = false }
            continue
          }
          // A phrase of the lexicon with the same words says what they mean ("Arlington" is a
          // city in several states; "temple" is a place of worship), unless the state right
          // after makes it a place ("Pueblo, Colorado") that no other reading names.
          let named = match.meanings.contains { meaning in
            if case .town = meaning { return false }
            return after == nil || namesPlace(meaning)
          }
          if named { continue }
          if let fact = factIndex["city"] { townFound.append((fact, .text(town.name), words)) }
          if let state = factIndex["state"], let code = after ?? town.preferred { townFound.append((state, .choice(code), words)) }
          townStrength = max(townStrength, (after != nil ? 2 : 0) + (placeWord ? 1 : 0))
          if after != nil || namedAsPlace(match) { placesNamed.insert(words) }
          if after != nil { placesWithState.insert(words) }
        default:
          continue
        }
      }
    }
    // A city people name their way (`cities`) beats a town of the same text ("Fairview Park,
    // Costa Mesa" is a park in Costa Mesa), unless the town is named more clearly ("ở Salem,
    // Oregon … xe bus từ Portland xuống").
    if let cityFact = factIndex["city"] {
      let citiesOnlyNear = landmarkWords == cityWords
      // A landmark gives way to a city named as where things are.
      if !citiesOnlyNear, !landmarkWords.isEmpty, let stateFact = factIndex["state"] {
        found.removeAll { ($0.fact == cityFact || $0.fact == stateFact) && landmarkWords.contains($0.words) }
      }
      if !found.contains(where: { $0.fact == cityFact }) {
        found += townFound
      } else if (townStrength >= 2 && townStrength > cityStrength) || (townStrength >= 1 && citiesOnlyNear),
        let stateFact = factIndex["state"]
      {
        found.removeAll { ($0.fact == cityFact || $0.fact == stateFact) && cityWords.contains($0.words) }
        found += townFound
      }
    }
    // A city no list knows, named the way addresses are written: "in Dodge City, Kansas",
    // "ở Bridgeview, IL", "Long Beach CA".
    if named.isEmpty, let cityFact = factIndex["city"], !found.contains(where: { $0.fact == cityFact }) {
      for match in matches {
        guard let words = cityBeforeState(match, cut, takenForCities) else { continue }
        found.append((cityFact, .text(words.map(cut.original).joined(separator: " ")), words))
        break
      }
    }
    found += policeAsSubject(found, cut, ids, carried: carried)
    return combine(
      found.filter { !cleared.contains($0.fact) }, cut, keepingDaysAhead: keepingDaysAhead, threats: threats,
      bareCounts: bareCounts, untensedArms: untensedArms, placesNamed: placesNamed, placesWithState: placesWithState)
  }

  /// The police named first in a clause, and violence, a slur or unequal treatment told later
  /// in it ("cảnh sát tới chưa đầy 5 phút đã bắn ảnh", "Cảnh sát nói tiếng Việt thì về nước
  /// đi"): Vietnamese leaves the subject unsaid, and a phrase's gap cannot reach that far. The
  /// act is the police's: force used, or misconduct, and the police a party. Only when nothing
  /// else read says whether they are.
  private func policeAsSubject(_ found: [Found], _ cut: NarrativeTokens, _ ids: [Int], carried: [Int]) -> [Found] {
    let tokens = cut.tokens
    guard policeWord >= 0, threatFacts.types >= 0, policeFact >= 0, !found.contains(where: { $0.fact == policeFact }) else { return [] }
    for act in found {
      let kind: String
      if act.fact == threatFacts.violence && act.value == .bool(true) {
        kind = "police_use_of_force"
      } else if act.fact == threatFacts.types, case .set(let types) = act.value, types.contains(where: Self.wrongsOfTheParty.contains) {
        kind = "police_misconduct"
      } else {
        continue
      }
      let clause = tokens[act.words.lowerBound].clause
      var start = act.words.lowerBound
      while start > 0 && tokens[start - 1].clause == clause { start -= 1 }
      // Among the first words of the clause. For a slur or unequal treatment, more surely the
      // subject: named, not a pronoun carried ("he" of "he'll call ICE… and he calls them…" is
      // the boss), first in its clause or after words that lead one ("mấy ông", "ai dè",
      // "and"), not the one invited ("muốn mời cảnh sát… vì dạo này hay có chuyện kỳ thị").
      let strict = kind == "police_misconduct"
      guard
        let police = (start..<act.words.lowerBound).first(where: {
          !(strict && carried.contains($0)) && (ids[$0] == policeWord || startsPoliceName(ids, tokens, at: $0))
        }),
        strict ? (start..<police).allSatisfy({ Self.subjectLeads.contains(tokens[$0].folded) }) : police - start < Self.pronounReach
      else { continue }
      return [(threatFacts.types, .set([kind]), act.words), (policeFact, .bool(true), act.words)]
    }
    return []
  }

  /// Kinds of incident that, done by the police, are their misconduct.
  private static let wrongsOfTheParty: Set<String> = ["bias_incident", "discrimination"]

  /// Words that may stand before the subject of a clause.
  private static let subjectLeads: Set<String> = [
    "the", "a", "and", "then", "but", "so", "two", "some", "thi", "roi", "may", "ong", "ai", "de", "nhung", "vay", "la", "sau", "do",
  ]

  /// The tokens of pronouns that stand for the police (`cues.police-pronouns`): the last word of
  /// a pronoun among the first three words of a clause or right after a lead ("thì", "then"),
  /// when the police were named before it in its sentence or in the sentence before. Empty
  /// when no such pronoun is typed.
  private func policeCarried(_ cut: NarrativeTokens, _ ids: [Int]) -> [Int] {
    let tokens = cut.tokens
    guard policeWord >= 0, ids.contains(where: { $0 >= 0 && startsPolicePronoun[$0] }) else { return [] }
    // Sentences by clause: a clause after a comma goes on the sentence before it.
    var sentence = [Int](repeating: 0, count: cut.clauseCount)
    for clause in sentence.indices.dropFirst() {
      sentence[clause] = sentence[clause - 1] + (cut.opensAfterComma[clause] ? 0 : 1)
    }
    var carried: [Int] = []
    var lastPolice: Int?
    var clauseStart = 0
    var t = 0
    while t < tokens.count {
      if t == 0 || tokens[t].clause != tokens[t - 1].clause { clauseStart = t }
      if ids[t] == policeWord || startsPoliceName(ids, tokens, at: t) {
        lastPolice = t
      } else if t - clauseStart < Self.pronounReach || (t > clauseStart && leads(cut, ids, t - 1)),
        let police = lastPolice,
        sentence[tokens[t].clause] - sentence[tokens[police].clause] <= 1,
        let length = policePronounLength(cut, ids, at: t), t + length < tokens.count,
        tokens[t + length].clause == tokens[t].clause
      {
        carried.append(t + length - 1)
        t += length
        continue
      }
      t += 1
    }
    return carried
  }

  /// Whether token `t` is a pronoun lead; typed with marks, with the lead's ("sợ" is no "so").
  private func leads(_ cut: NarrativeTokens, _ ids: [Int], _ t: Int) -> Bool {
    guard ids[t] >= 0, let spellings = pronounLeads[ids[t]] else { return false }
    return cut.tokens[t].ascii || spellings.contains(cut.marked(t))
  }

  /// How far into its clause a pronoun may stand to carry the police.
  static let pronounReach = 3

  /// Whether one of the police's names starts at token `t` (in one clause).
  private func startsPoliceName(_ ids: [Int], _ tokens: [NarrativeTokens.Token], at t: Int) -> Bool {
    guard ids[t] >= 0, startsPoliceName[ids[t]] else { return false }
    var name: [Int] = []
    for n in 0..<policeNameLength where t + n < tokens.count && tokens[t + n].clause == tokens[t].clause && ids[t + n] >= 0 {
      name.append(ids[t + n])
      if policeNames.contains(name) { return true }
    }
    return false
  }

  /// How many words of a police pronoun start at token `t` (the longest), nil for none: a word
  /// typed with marks must have the pronoun's ("hồ" is no "họ").
  private func policePronounLength(_ cut: NarrativeTokens, _ ids: [Int], at t: Int) -> Int? {
    guard ids[t] >= 0, startsPolicePronoun[ids[t]] else { return nil }
    var longest: Int?
    for pronoun in policePronouns where t + pronoun.ids.count <= cut.tokens.count && pronoun.ids.count > (longest ?? 0) {
      let fits = pronoun.ids.indices.allSatisfy { j in
        let token = cut.tokens[t + j]
        guard ids[t + j] == pronoun.ids[j], token.clause == cut.tokens[t].clause else { return false }
        return token.ascii || cut.marked(t + j) == pronoun.marked[j]
      }
      if fits { longest = pronoun.ids.count }
    }
    return longest
  }

  /// "APD", "LAPD", "PD": a police department's initials, in capitals.
  private func isPoliceInitials(_ cut: NarrativeTokens, _ t: Int) -> Bool {
    let folded = cut.tokens[t].folded.utf8
    guard policeWord >= 0, (2...6).contains(folded.count), folded.last == 0x64, folded.dropLast().last == 0x70 else { return false }
    return cut.original(t).utf8.allSatisfy { (0x41...0x5A).contains($0) }
  }

  /// "Richmond, Virginia": a comma before a state's name (or its code in capitals) does not
  /// end a clause, so "cảnh sát Richmond, Virginia bắn chết" is one clause, as said.
  private func joinStatesAfterCommas(_ cut: inout NarrativeTokens) {
    var joined: [Int] = []
    for t in cut.tokens.indices {
      if t > 0, cut.tokens[t].clause - joined.count == cut.tokens[t - 1].clause + 1, startsStateName(cut, at: t) {
        let between = cut.text.unicodeScalars[cut.tokens[t - 1].range.upperBound..<cut.tokens[t].range.lowerBound]
        if between.count(where: { $0 == "," }) == 1, between.allSatisfy({ $0 == "," || $0.properties.isWhitespace }) {
          joined.append(cut.tokens[t].clause)
        }
      }
      cut.tokens[t].clause -= joined.count
    }
    guard !joined.isEmpty else { return }
    cut.clauseCount -= joined.count
    for clause in joined.reversed() { cut.opensAfterComma.remove(at: clause) }
  }

  /// Whether a state's own name (not a nickname) starts at token `t`, or its code in capitals.
  private func startsStateName(_ cut: NarrativeTokens, at t: Int) -> Bool {
    let first = cut.tokens[t].folded
    if first.utf8.count == 2, stateCodes.contains(cut.original(t)) { return true }
    guard let names = stateNameWords[first] else { return false }
    return names.contains { name in
      t + name.count <= cut.tokens.count && name.indices.allSatisfy { cut.tokens[t + $0].folded == name[$0] }
    }
  }

  /// A phrase's tense: its clause's, except in a clause with both past and future cues, where
  /// the nearest cue tells ("Next Saturday we have a vigil for my uncle who was killed": the
  /// vigil is planned, the killing past); at equal distance the past.
  private func nearestTense(_ match: Match, _ clause: Int, _ matches: [Match], _ tokens: [NarrativeTokens.Token]) -> Int {
    var best = (distance: Int.max, tense: 1)
    for cue in matches where tokens[cue.start].clause == clause {
      let kind = cue.meanings.contains(.past) ? 1 : cue.meanings.contains(.future) ? 2 : 0
      guard kind != 0 else { continue }
      let distance = cue.end <= match.start ? match.start - cue.end : cue.start >= match.end ? cue.start - match.end : 0
      if distance < best.distance || (distance == best.distance && kind == 1) { best = (distance, kind) }
    }
    return best.tense
  }

  /// Words that name a place as a landmark, not where something is ("gần Houston", "near").
  static let nearWords: Set<String> = ["near", "gan", "outside", "around"]

  /// Words that may stand before a place's name ("in", "ở", "từ"), and the police a place is
  /// named after ("police Auburn", "cảnh sát Pearland"): a run of capitalised words after one
  /// of them, or at the start of the text, is a name.
  static let placePrepositions: Set<String> = [
    "in", "at", "of", "near", "from", "outside", "to", "around", "into", "through", "throughout", "o", "tai",
    "ben", "gan", "khu", "vung", "tu", "vo", "qua", "len", "xuong", "toi", "den", "police", "sat", "cops", "sheriff",
  ]

  static let policeLeads: Set<String> = ["police", "sat", "cops", "sheriff"]

  /// The words of a city named before a state ("Dodge City, Kansas", "Round Rock TX"): one to
  /// three capitalised words no phrase took, right before the state (a comma between, or a
  /// two-letter code right after), after a place preposition or at the start of the text.
  private func cityBeforeState(_ match: Match, _ cut: NarrativeTokens, _ consumed: [Bool]) -> Range<Int>? {
    let tokens = cut.tokens
    let code: Bool
    if match.meanings.contains(where: { if case .state = $0 { return true } else { return false } }) {
      code = false
    } else if match.meanings.contains(where: {
      if case .stateCode(let c) = $0 { return cut.original(match.start) == c } else { return false }
    }) {
      code = true
    } else {
      return nil
    }
    let at = match.start
    guard at > 0 else { return nil }
    // A comma (one clause back) or, for a code, nothing between.
    // (A comma before a state's name no longer ends the clause: `joinStatesAfterCommas`.)
    let gap = tokens[at].clause - tokens[at - 1].clause
    let comma = cut.text.unicodeScalars[tokens[at - 1].range.upperBound..<tokens[at].range.lowerBound].contains(",")
    guard (gap == 0 || gap == 1) && (comma || (code && gap == 0)) else { return nil }
    var first = at
    while first > 0, at - first < 3, !consumed[first - 1], tokens[first - 1].clause == tokens[at - 1].clause,
      tokens[first - 1].capital
    {
      first -= 1
    }
    guard first < at else { return nil }
    // A code in capitals right after is an address however the name is led in ("nhà máy gà
    // Siler City NC").
    let opens =
      first == 0 || (code && gap == 0)
      || (tokens[first - 1].clause == tokens[first].clause && Self.placePrepositions.contains(tokens[first - 1].folded))
    return opens ? first..<at : nil
  }

  /// Whether a meaning names a place: a city, a state, or an entry that sets the city.
  private func namesPlace(_ meaning: Meaning) -> Bool {
    switch meaning {
    case .city, .cityAlias, .state, .stateCode: return true
    case .entry(let e): return entryNamesPlace[e]
    default: return false
    }
  }

  /// Whether a reading states a credible threat: a threat (`incident_types` holding
  /// `threats`) and violence, said rather than seen: a reading of someone armed there now
  /// (`immediate_danger`) is about the danger, and "nobody was hurt" next to it stands.
  private func isCredibleThreat(_ reading: [(Int, FactValue)]) -> Bool {
    var threat = false
    var violent = false
    for (fact, value) in reading {
      if fact == threatFacts.types, case .set(let types) = value, types.contains("threats") { threat = true }
      if fact == threatFacts.violence, value == .bool(true) { violent = true }
      if fact == threatFacts.danger { return false }
    }
    return threat && violent
  }

  /// The index of the first match starting at or after `position` (matches are in the order of
  /// their starts): where a look at the few words before a match begins.
  private func firstMatch(from position: Int, in matches: [Match]) -> Int {
    var low = 0
    var high = matches.count
    while low < high {
      let mid = (low + high) / 2
      if matches[mid].start < position { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Whether a reading names a bias: a basis, or an act of prejudice. Not a people named
  /// ("Vietnamese, not Chinese", "nobody wants boat people"): denying who someone is denies no
  /// bias.
  private func saysBias(_ reading: [(Int, FactValue)]) -> Bool {
    if let communities = factIndex["communities"], reading.contains(where: { $0.0 == communities }) { return false }
    return reading.contains { fact, value in
      if fact == basesFact { return true }
      guard fact == threatFacts.types, case .set(let types) = value else { return false }
      return types.contains { $0 == "discrimination" || $0 == "bias_incident" || $0 == "hate_crime" }
    }
  }

  /// Whether a cue of something feared or supposed ("if", "afraid", "nếu", "sợ có") ends within
  /// the three words before the match, in its clause.
  private func isHypothetical(_ match: Match, _ matches: [Match], _ tokens: [NarrativeTokens.Token]) -> Bool {
    let clause = tokens[match.start].clause
    let windowStart = max(0, match.start - 3)
    for other in matches[firstMatch(from: windowStart - longestSpan, in: matches)...] {
      if other.start >= match.start { break }
      if other.end <= match.start, other.end > windowStart, tokens[other.start].clause == clause, other.meanings.contains(.hypothetical) {
        return true
      }
    }
    return false
  }

  /// Whether a negation cue ends within the three words before the match (same clause), or
  /// stands among the words the phrase skipped. A word ending in "n't" counts as a cue unless
  /// a longer phrase took it ("don't know" is not a negation).
  private func isNegated(_ match: Match, _ matches: [Match], _ tokens: [NarrativeTokens.Token], _ consumed: [Bool]) -> Bool {
    let clause = tokens[match.start].clause
    // A phrase that opens with "because", "vì" starts a scope of its own: "my boss won't pay
    // us because we are Vietnamese" does not deny that they are.
    let windowStart = Self.scopeOpeners.contains(tokens[match.start].folded) ? match.start : max(0, match.start - 3)
    for other in matches[firstMatch(from: windowStart - longestSpan, in: matches)...] {
      if other.start >= match.end { break }
      guard other.end > windowStart, other.meanings.contains(.negation), tokens[other.start].clause == clause,
        !saysLessThan(after: other.end, tokens)
      else { continue }
      if other.end <= match.start || (other.start > match.start && other.end <= match.end && !match.words.contains(other.start)) {
        return true
      }
    }
    // "chưa có cụ nào bị tấn công", "không có em nào bị đánh": a negation then "nào" (any)
    // negates the act after it, however many words the one it names takes.
    let anyWord = (max(0, match.start - 8)..<match.start).filter { tokens[$0].clause == clause && tokens[$0].folded == "nao" }
    if let any = anyWord.last {
      for other in matches[firstMatch(from: any - 8 - longestSpan, in: matches)...] {
        if other.start >= any { break }
        if other.end <= any, other.end >= any - 6, tokens[other.start].clause == clause, other.meanings.contains(.negation) { return true }
      }
    }
    // "n't" on a word no phrase took ("don't know" is a phrase, not a negation), before the
    // phrase or among the words it skipped ("the officer didn't hit").
    for t in windowStart..<match.end where tokens[t].clause == clause && !consumed[t] && tokens[t].folded.hasSuffix("n't") {
      if t < match.start || !match.words.contains(t) { return true }
    }
    return false
  }

  /// The facts that tell something happened, is feared, is planned or is asked for: without
  /// any of them, a description gives no basis.
  private static let toldOfSomething = [
    "incident_types", "violence", "immediate_danger", "longstanding_mistrust", "law_enforcement_involved",
    "planned_event", "incident_days_ago", "request_goal", "wants",
  ]

  /// Whether words were said as a reason: "because", "vì", "tại" at their start or within the
  /// three words before ("vì tụi em đồng tính", "because of our accent").
  private func saidAsReason(_ range: Range<Int>, _ tokens: [NarrativeTokens.Token]) -> Bool {
    guard range.lowerBound < tokens.count else { return false }
    let clause = tokens[range.lowerBound].clause
    return (max(0, range.lowerBound - 3)...range.lowerBound).contains { t in
      tokens[t].clause == clause && Self.reasonWords.contains(tokens[t].folded)
    }
  }

  private static let reasonWords: Set<String> = ["because", "vi", "tai", "since"]

  /// Words for a number of times: a span after them says how often ("4 times in 2 months").
  private static let timesWords: Set<String> = ["time", "times", "lan"]

  /// Words that open a scope a negation before them does not reach.
  private static let scopeOpeners: Set<String> = ["because", "vi", "since"]

  /// "chưa tới một phút", "không đến 5 phút", "chưa đầy 2 tuần": a negator then "tới", "đến",
  /// "đầy" or "quá" and a number says "less than", and negates nothing ("chưa tới một phút đã
  /// bắn": they shot within a minute).
  private func saysLessThan(after end: Int, _ tokens: [NarrativeTokens.Token]) -> Bool {
    guard end + 1 < tokens.count, tokens[end].clause == tokens[end + 1].clause,
      Self.lessThanWords.contains(tokens[end].folded)
    else { return false }
    let next = tokens[end + 1].folded
    return Int(next) != nil || numbers[next] != nil || numberStarts.contains(next)
  }

  private static let lessThanWords: Set<String> = ["toi", "den", "day", "qua"]

  /// "3 days ago", "ba tuần trước" → incident_days_ago; "in 5 days", "5 ngày nữa" →
  /// event_in_days (and a planned event). Read on the words themselves, whatever phrases
  /// they are also part of; returns the findings and the token positions they used.
  private func durations(
    _ tokens: [NarrativeTokens.Token], _ ids: [Int], _ matches: [Match], _ tense: [Int]
  ) -> ([Found], Set<Int>, bare: Set<Range<Int>>) {
    var found: [Found] = []
    var used = Set<Int>()
    var bare = Set<Range<Int>>()
    // Cue meanings by the token where their match starts.
    var cueAt = Array(repeating: -1, count: tokens.count)
    for (m, match) in matches.enumerated() { cueAt[match.start] = m }
    var i = 0
    while i < tokens.count {
      var count: Int?
      var width = 1
      let first = tokens[i].folded.utf8.first ?? 0
      // Only digits and the number words can start a duration.
      if !(0x30...0x39).contains(first) && !(ids[i] >= 0 && ids[i] < isNumberWord.count && isNumberWord[ids[i]]) {
        i += 1
        continue
      }
      if let n = Int(tokens[i].folded), n >= 0, n < 10_000 {
        count = n
      } else if i + 1 < tokens.count, numberStarts.contains(tokens[i].folded),
        let n = numbers[tokens[i].folded + " " + tokens[i + 1].folded]
      {
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
      var laterCue = after.flatMap { tokens[$0].clause == clause && cueAt[$0] >= 0 ? matches[cueAt[$0]].meanings : [] }
      if let phrase = matches.first(where: { $0.start == u && $0.end > u + 1 }) { laterCue += phrase.meanings }
      let aheadWord = after.isEmpty ? false : after.contains { tokens[$0].clause == clause && aheadWords.contains(tokens[$0].folded) }
      let before = i > 0 && tokens[i - 1].clause == clause && aheadWords.contains(tokens[i - 1].folded)
      let agoWord = u + 1 < tokens.count && tokens[u + 1].clause == clause && agoWords.contains(tokens[u + 1].folded)
      // "4 time in 2 month", "3 lần trong 2 tháng": how often, no day ahead or ago.
      if before, i >= 2, tokens[i - 2].clause == clause, Self.timesWords.contains(tokens[i - 2].folded) {
        i += 1
        continue
      }
      let words = i..<(u + 1)
      let total = count * days
      // "nữa" right after the unit puts it ahead, whatever past cue follows ("3 ngày nữa năm
      // ngoái có…" runs two sentences together).
      let aheadRightAfter = after.first.map { tokens[$0].clause == clause && aheadWords.contains(tokens[$0].folded) } ?? false
      if !aheadRightAfter && (agoWord || laterCue.contains(.past) || (tense[clause] & 1 == 1 && !before && !aheadWord)) {
        if let fact = factIndex["incident_days_ago"] { found.append((fact, .integer(total), words)) }
        // Past only by the clause's tense: "làm ở đây đã 11 năm", "nhốt riêng ba ngày" count
        // how long, not how long ago — unless "cách đây" stands before ("cách đây 2 tuần").
        let since = i >= 2 && tokens[i - 2].folded == "cach" && tokens[i - 1].folded == "day" && tokens[i - 2].clause == clause
        if !agoWord && !laterCue.contains(.past) && !since { bare.insert(words) }
      } else if before || aheadWord || laterCue.contains(.future) || laterCue.contains(.ahead) || tense[clause] == 2 {
        if let fact = factIndex["event_in_days"] { found.append((fact, .integer(total), words)) }
        if let fact = factIndex["planned_event"] { found.append((fact, .bool(true), words)) }
      } else {
        i += 1
        continue
      }
      used.formUnion(i...u)
      i = u + 1
    }
    return (found, used, bare)
  }

  /// A match that only names guard entries (entries that state nothing).
  private func isGuard(_ match: Match) -> Bool {
    match.meanings.allSatisfy { meaning in
      guard case .entry(let e) = meaning else { return false }
      let entry = lexicon.entries[e]
      return entry.set.isEmpty && (entry.past ?? [:]).isEmpty && (entry.future ?? [:]).isEmpty
    }
  }

  /// A yes/no fact read both ways, the last reading after a "but" ("nhưng", "but", "however")
  /// that follows every reading of the other value: what is said after the contrast stands
  /// ("bà không bị gãy xương nhưng phải khâu 6 mũi": there was violence). Not a weapon or a
  /// threat after it: "police not hurt anybody, but they come in with gun" hurt nobody.
  private func valueAfterContrast(_ found: [Found], _ f: Int, _ cut: NarrativeTokens, _ threats: Set<Range<Int>>) -> FactValue? {
    let readings = found.filter { $0.fact == f }.sorted { $0.words.lowerBound < $1.words.lowerBound }
    guard let last = readings.last, let other = readings.last(where: { $0.value != last.value }) else { return nil }
    let threatening = found.contains { item in
      guard item.words == last.words, item.fact == threatFacts.types, case .set(let types) = item.value else { return false }
      return types.contains("threats")
    }
    guard !threats.contains(last.words), !threatening else { return nil }
    guard other.words.upperBound <= last.words.lowerBound else { return nil }
    for t in other.words.upperBound..<last.words.lowerBound where Self.contrastWords.contains(cut.tokens[t].folded) {
      return last.value
    }
    return nil
  }

  /// Words that turn a sentence against what came before it.
  private static let contrastWords: Set<String> = ["nhung", "but", "however"]

  /// Of several day counts since something, the one an intake worker takes: a count said in a
  /// sentence that also tells of an incident (an incident type or violence read there), the
  /// most recent of those. "Yesterday a man called and said he will shoot us … two did not
  /// come to work today" is yesterday; "since we moved in two months ago they left notes …
  /// last night someone slashed our tires" is last night. With no count beside an incident
  /// the counts stay unread, as any two values that disagree.
  private func incidentDay(_ found: [Found], _ days: Int, _ cut: NarrativeTokens) -> FactValue? {
    let incidents = incidentSentences(found, cut)
    var chosen: Int?
    for item in found where item.fact == days && incidents.contains(sentence(of: item.words, cut)) {
      guard case .integer(let count) = item.value else { continue }
      chosen = min(chosen ?? count, count)
    }
    return chosen.map(FactValue.integer)
  }

  /// The sentence (counted from 0) the words stand in: clauses after a comma go on the sentence.
  private func sentence(of words: Range<Int>, _ cut: NarrativeTokens) -> Int {
    let clause = cut.tokens[words.lowerBound].clause
    return (0...clause).reduce(0) { count, c in c == 0 || cut.opensAfterComma[c] ? count : count + 1 }
  }

  /// The sentences that tell of an incident: an incident type or violence read there.
  private func incidentSentences(_ found: [Found], _ cut: NarrativeTokens) -> Set<Int> {
    var incidents = Set<Int>()
    for item in found where item.fact == threatFacts.types || (item.fact == threatFacts.violence && item.value == .bool(true)) {
      incidents.insert(sentence(of: item.words, cut))
    }
    return incidents
  }

  /// Whether a value read fits an implication's condition: any value for `nil`, a set
  /// including the wanted values, or the same value.
  private static func holds(_ value: FactValue?, _ wanted: FactValue?) -> Bool {
    guard let value else { return false }
    guard let wanted else { return true }
    // A few values each: looked for one by one (measured: two sets built per implication and
    // read were a fiftieth of a read).
    if case .set(let want) = wanted, case .set(let have) = value { return want.allSatisfy(have.contains) }
    return value == wanted
  }

  /// One value per fact: sets united, anything found with two different values dropped, then
  /// what the lexicon's implications add. Facts by index, not by name (measured: hashing the
  /// names was most of this).
  private func combine(
    _ found: [Found], _ cut: NarrativeTokens, keepingDaysAhead: Bool, threats: Set<Range<Int>> = [],
    bareCounts: Set<Range<Int>> = [], untensedArms: Set<Range<Int>> = [], placesNamed: Set<Range<Int>> = [],
    placesWithState: Set<Range<Int>> = []
  ) -> NarrativeExtraction {
    var found = found
    let daysFact = factIndex["incident_days_ago"] ?? -1
    if !bareCounts.isEmpty {
      // A count that is past only by its clause's tense is a date when its sentence tells of an
      // incident, and gives way to a count said as a date ("3 ngày trước", "tuần trước").
      let incidents = incidentSentences(found, cut)
      let dated = found.contains { $0.fact == daysFact && !bareCounts.contains($0.words) }
      found.removeAll { item in
        item.fact == daysFact && bareCounts.contains(item.words) && (dated || !incidents.contains(sentence(of: item.words, cut)))
      }
    }
    var values = [FactValue?](repeating: nil, count: facts.count)
    var sets = [Set<String>?](repeating: nil, count: facts.count)
    var words = [[Range<Int>]](repeating: [], count: facts.count)
    var conflicted = [Bool](repeating: false, count: facts.count)
    // Violence read from a credible threat: it stands against "nobody was hurt".
    var threatened = false
    let violence = threatFacts.violence
    for item in found {
      if item.fact == violence, item.value == .bool(true), threats.contains(item.words) { threatened = true }
      let f = item.fact
      if !words[f].contains(item.words) { words[f].append(item.words) }
      if facts[f].kind == .set, case .set(let added) = item.value {
        if sets[f] == nil { sets[f] = [] }
        sets[f]?.formUnion(added)
        continue
      }
      if let old = values[f], old != item.value { conflicted[f] = true }
      values[f] = item.value
    }
    if violence >= 0, threatened, conflicted[violence] {
      conflicted[violence] = false
      values[violence] = .bool(true)
    }
    for f in facts.indices where conflicted[f] && facts[f].kind == .bool {
      if let after = valueAfterContrast(found, f, cut, threats) {
        conflicted[f] = false
        values[f] = after
      }
    }
    // Cities named apart ("bị đánh ở Oakland … giờ nhà tôi ở Milpitas, CA"): the one written
    // with its state, as an address, is where it happens.
    if let cityFact = factIndex["city"], conflicted[cityFact] {
      let withState = Set(found.filter { $0.fact == cityFact && placesWithState.contains($0.words) }.map(\.value))
      if withState.count == 1, let city = withState.first {
        conflicted[cityFact] = false
        values[cityFact] = city
        words[cityFact] = found.filter { $0.fact == cityFact && $0.value == city }.map(\.words)
      }
    }
    // States named apart ("Erie, Pennsylvania … I live in Ohio", "ở Gaithersburg, Maryland …
    // bên Cali, bên New York"): the state named with the city read is where it happens.
    if let stateFact = factIndex["state"], let cityFact = factIndex["city"], conflicted[stateFact], !conflicted[cityFact],
      let city = values[cityFact]
    {
      let cityWords = Set(found.filter { $0.fact == cityFact && $0.value == city }.map(\.words))
      let states = Set(found.filter { $0.fact == stateFact && cityWords.contains($0.words) }.map(\.value))
      // Only of a city clearly named as a place ("ở Gaithersburg", "Erie, Pennsylvania"): a
      // name alone is a guess ("cảnh sát DeKalb … ở Georgia này" is DeKalb County, Georgia).
      if states.count == 1, !cityWords.isDisjoint(with: placesNamed), let state = states.first {
        conflicted[stateFact] = false
        values[stateFact] = state
        words[stateFact] = Array(cityWords)
      }
    }
    if let days = factIndex["incident_days_ago"], conflicted[days], let chosen = incidentDay(found, days, cut) {
      conflicted[days] = false
      values[days] = chosen
    }
    for f in facts.indices {
      if let set = sets[f] { values[f] = .set(facts[f].values.filter(set.contains)) }
      if conflicted[f] { values[f] = nil }
    }
    // A weapon told with no tense in a story dated days ago ("Họ nói ảnh cầm vũ khí",
    // "cách đối phó khi có người mang súng vô"): part of the story, not danger now. Left
    // open (the interview asks), never read as "no danger".
    let danger = threatFacts.danger
    if danger >= 0, values[danger] == .bool(true), daysFact >= 0, case .integer(let ago)? = values[daysFact], ago >= 1,
      !conflicted[daysFact], words[danger].allSatisfy(untensedArms.contains)
    {
      values[danger] = nil
    }
    for implication in implications where implication.when.allSatisfy({ Self.holds(values[$0.fact], $0.wanted) }) {
      let because = implication.when.flatMap { words[$0.fact] }
      for (f, added) in implication.add {
        guard !conflicted[f] else { continue }
        if case .set(let extra) = added, case .set(let old)? = values[f] {
          values[f] = .set(facts[f].values.filter(Set(old + extra).contains))
        } else if values[f] == nil {
          values[f] = added
        } else {
          continue
        }
        for w in because where !words[f].contains(w) { words[f].append(w) }
      }
    }
    // An event planned and an incident a year or more ago: the incident is history told beside
    // the request, which is to keep the event safe ("10 days from now our Tet festival … two
    // years ago a boy got stabbed in the parking lot").
    if let goal = factIndex["request_goal"], let planned = factIndex["planned_event"], values[planned] == .bool(true),
      let days = factIndex["incident_days_ago"], case .integer(let ago)? = values[days], ago >= 365, !conflicted[goal]
    {
      values[goal] = .choice("prevent")
      words[goal] = words[planned] + words[days]
    }
    // A basis is why something happened or is feared: in a description that tells of nothing
    // (no incident, violence, danger, mistrust, police or event), a people or a faith named is
    // who someone is ("a doctor who speaks Vietnamese", "a Vietnamese lawyer"), no basis. Not in
    // an answer: asked why, "vì là người Việt" is the whole answer.
    if !keepingDaysAhead, let bases = factIndex["bases"], values[bases] != nil,
      !Self.toldOfSomething.contains(where: { name in factIndex[name].map { values[$0] != nil && values[$0] != .bool(false) } ?? false }),
      !words[bases].contains(where: { saidAsReason($0, cut.tokens) })
    {
      values[bases] = nil
    }
    // Days ahead with no event planned say when something else is ("the workshop next month").
    if !keepingDaysAhead, let ahead = factIndex["event_in_days"], let planned = factIndex["planned_event"],
      values[planned] != .bool(true)
    {
      values[ahead] = nil
    }
    var findings: [NarrativeExtraction.Finding] = []
    for (f, definition) in facts.enumerated() where !definition.derived {
      guard let value = values[f], !conflicted[f] else { continue }
      // The words as typed, built only for what is kept.
      let typed = words[f].map(cut.original(joining:))
      findings.append(.init(fact: definition.id, value: value, words: typed))
    }
    return NarrativeExtraction(findings: findings)
  }

}
