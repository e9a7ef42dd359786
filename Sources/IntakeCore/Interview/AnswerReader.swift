/// Reads an answer to one question as people give it: with polite particles and fillers
/// ("dạ không ạ", "ok có nha"), as "yes/no, and why" ("có, tụi nó đập kính"), as "I don't
/// know" (the question is left open, never an error), or as a few words of description
/// ("bị đánh rồi", "vì là Asian") read with the narrative lexicon. A word that fits two
/// choices is asked back, never silently picked (`AnswerMatcher`).
public struct AnswerReader {
  public enum Reading: Sendable, Equatable {
    /// The answer; `note` holds the words that came with a yes or no ("có, tụi nó đập kính").
    case value(FactValue, note: String?)
    /// The person does not know: leave the question open.
    case unknown
    /// It fits several choices (value ids): ask which one.
    case ambiguous([String])
    case invalid(part: String)
    case empty
  }

  public let matcher: AnswerMatcher
  let narrative: NarrativeReader?
  private let particles: Set<String>
  /// The same words as typed with their marks: a word typed with marks is a particle only so
  /// spelled ("nhà thờ" does not start with the particle "nha").
  private let particlesMarked: Set<String>
  private let preambles: [String]
  private let dontKnow: Set<String>
  /// "cả hai", "both": at a question of two choices, which one is asked back.
  private let both: Set<String>
  private let yes: Set<String>
  private let no: Set<String>
  /// The yes and no words written with marks, folded: a word typed with marks is a yes or a
  /// no only as one of these.
  private let yesMarked: Set<String>
  private let noMarked: Set<String>
  /// The words that say yes to this question itself (`synonyms.<fact>.true`): a general yes
  /// that is not among them ("ok", "right", "sure") is weaker than what the sentence tells
  /// ("right now we are safe" answers "is anyone in danger?" with no).
  private let factYes: Set<String>

  public init(matcher: AnswerMatcher, narrative: NarrativeReader? = nil) {
    self.matcher = matcher
    self.narrative = narrative
    func list(_ key: String) -> [String] { Language.allCases.flatMap { matcher.catalog.list(key, $0) } }
    func words(_ key: String) -> Set<String> { Set(list(key).map(TextFolding.fold)) }
    particles = words("answer.particles")
    particlesMarked = Set(list("answer.particles").compactMap(VietnameseSpelling.key))
    preambles = words("answer.preambles").sorted { $0.count > $1.count }
    dontKnow = words("answer.unknown")
    both = words("answer.both")
    yes = words("answer.yes")
    no = words("answer.no")
    yesMarked = Set(list("answer.yes").filter(AnswerMatcher.hasMarks).map(TextFolding.fold))
    noMarked = Set(list("answer.no").filter(AnswerMatcher.hasMarks).map(TextFolding.fold))
    factYes = words("synonyms.\(matcher.fact.id).true")
  }

  public var fact: FactDefinition { matcher.fact }

  public func read(_ input: String) -> Reading {
    let typed = input.trimmingWhitespace
    let text = stripped(typed)
    guard !text.isEmpty else { return .empty }
    // A city as people name it ("dạ ở San Hô Xê", "Sugar Land, gần Houston"): the place the
    // description reader finds in it, else the words as typed.
    if fact.kind == .text, let place = narrative?.read(text, keepingDaysAhead: true).findings.first(where: { $0.fact == fact.id }) {
      return .value(place.value, note: nil)
    }
    // A town in several states ("Kansas City", "Portland"): which one is asked back, never
    // guessed from a state's name inside the town's or from the better-known town.
    if fact.id == "state", let states = narrative?.statesOfTownNamed(text), states.count > 1 {
      return .ambiguous(states)
    }
    if fact.kind == .choice, fact.values.count == 2, both.contains(TextFolding.fold(text)) { return .ambiguous(fact.values) }
    switch matcher.match(text) {
    case .value(let value): return .value(value, note: nil)
    case .ambiguous(let values): return .ambiguous(values)
    case .empty: return .empty
    case .invalid(let part):
      // A word dropped as a particle may be part of a choice: "da đen" (black skin) typed
      // without marks is no "dạ".
      if text != typed, case .value(let value) = matcher.match(typed) { return .value(value, note: nil) }
      if let reading = dontKnowReading(text) {
        // Not knowing whom to ask is itself a request ("chỉ muốn biết phải làm gì, ko bit hỏi
        // ai"): in a list of choices, what the words tell beats the "don't know" inside them.
        guard fact.kind == .set, let told = narrative?.read(text, keepingDaysAhead: true).findings.first(where: { $0.fact == fact.id })
        else { return reading }
        return .value(told.value, note: nil)
      }
      if let rest = withoutPreamble(text) {
        switch matcher.match(rest) {
        case .value(let value): return .value(value, note: nil)
        case .ambiguous(let values): return .ambiguous(values)
        default: break
        }
      }
      let findings = narrative?.read(Self.policeAsked(fact, text), keepingDaysAhead: true).findings ?? []
      let told = findings.first(where: { $0.fact == fact.id })?.value
      if let noted = yesNoWithNote(text, firstWordPrefixes: told == nil, told: told) { return noted }
      if fact.kind == .set, text.contains(",") || text.contains(";") {
        // A list ("race, religion") is each item's; a sentence with commas that names no
        // choice is read whole ("vì ba em ngồi xe lăn, họ nói ổng làm chậm"). What else it
        // tells ("…, không đụng tới ai") the interview reads back after taking the answer.
        let list = listReading(text)
        guard case .invalid = list, !namesChoice(text), let read = findings.first(where: { $0.fact == fact.id })?.value
        else { return list }
        return .value(read, note: nil)
      }
      let read = findings.first(where: { $0.fact == fact.id })?.value ?? Self.goalTold(by: findings, for: fact)
      let named = namedInside(text)
      // A list: what the description says and the choices named, together.
      if case .set(let a)? = read, case .value(.set(let b), _)? = named {
        return .value(.set(fact.values.filter(Set(a + b).contains)), note: nil)
      }
      if let read { return .value(read, note: nil) }
      if let named { return named }
      return .invalid(part: part)
    }
  }

  /// Asked whether something happened or is to be prevented, a person often just tells what
  /// happened ("bị đánh rồi", "they spray-painted our door"): an attack or an incident told,
  /// with no planned event, answers "respond". The description reader does not imply this
  /// (in a long description violence may be feared or be history beside a planned event).
  private static func goalTold(by findings: [NarrativeExtraction.Finding], for fact: FactDefinition) -> FactValue? {
    guard fact.id == "request_goal", fact.values.contains("respond"),
      !findings.contains(where: { $0.fact == "planned_event" || $0.fact == "event_in_days" }),
      findings.contains(where: { $0.fact == "incident_types" || ($0.fact == "violence" && $0.value == .bool(true)) })
    else { return nil }
    return .choice("respond")
  }

  /// A list with commas ("race, religion", "chủng tộc, bị chửi"): each item must name choices
  /// or be read as this fact by the lexicon; the first that is neither is refused, quoted.
  private func listReading(_ text: String) -> Reading {
    var values: Set<String> = []
    for item in AnswerMatcher.splitList(text) {
      switch matcher.match(item) {
      case .value(.set(let named)): values.formUnion(named)
      case .ambiguous(let choices): return .ambiguous(choices)
      default:
        guard case .set(let read)? = narrative?.read(item, keepingDaysAhead: true).findings.first(where: { $0.fact == fact.id })?.value
        else { return .invalid(part: item) }
        values.formUnion(read)
      }
    }
    return .value(.set(fact.values.filter(values.contains)), note: nil)
  }

  /// Whether some item of a list names a choice by itself (number, label, synonym).
  private func namesChoice(_ text: String) -> Bool {
    AnswerMatcher.splitList(text).contains { item in
      switch matcher.match(item) {
      case .value, .ambiguous: return true
      case .empty, .invalid: return false
      }
    }
  }

  /// Without a leading "tôi là", "em là", "ở", "I'm", "because"…
  private func withoutPreamble(_ text: String) -> String? {
    let folded = TextFolding.fold(text)
    for preamble in preambles where folded.hasPrefix(preamble + " ") {
      let words = text.split(separator: " ").map(String.init)
      let count = preamble.split(separator: " ").count
      guard words.count > count else { continue }
      return words.dropFirst(count).joined(separator: " ")
    }
    return nil
  }

  /// Choices named by some words of a longer answer ("pastor của nhà thờ", "training cho staff
  /// và safety cho event"): the longest runs of words that each name one choice. Not for a
  /// list with commas (each item of that must fit), and never two different values of a
  /// single-choice question.
  private func namedInside(_ text: String) -> Reading? {
    // A list with commas is each item's (`listReading`); a single choice or a yes/no may be
    // named in any part ("they said absolutely not, they won't be in the same room").
    guard fact.kind == .choice || fact.kind == .bool || (fact.kind == .set && !text.contains(",")) else { return nil }
    var found: [String] = []
    // Words that fit several choices ("em muốn report vụ này"): asked back when nothing else
    // is named.
    var unclear: [String] = []
    for piece in AnswerMatcher.splitList(text) {
      let words = piece.split(separator: " ")
      let lowered = words.map { $0.lowercased() }
      let folded = words.map { TextFolding.fold(String($0)) }
      var start = 0
      while start < words.count {
        var end = min(words.count, start + matcher.longestPhrase)
        var named: String?
        while end > start, matcher.mayStart(folded: folded[start]) || Int(lowered[start]) != nil {
          named = matcher.choiceNamed(
            lowercased: lowered[start..<end].joined(separator: " "), folded: folded[start..<end].joined(separator: " "))
          if named != nil { break }
          end -= 1
        }
        if let named {
          if !found.contains(named) { found.append(named) }
          start = end
        } else {
          for choice in matcher.choicesFitting(folded: folded[start]) where !unclear.contains(choice) { unclear.append(choice) }
          start += 1
        }
      }
    }
    if found.isEmpty, fact.kind == .set, unclear.count > 1 { return .ambiguous(unclear) }
    guard !found.isEmpty else { return nil }
    switch fact.kind {
    case .set: return .value(.set(fact.values.filter(found.contains)), note: nil)
    case .bool: return found.count == 1 ? .value(.bool(found[0] == "true"), note: nil) : nil
    default: return found.count == 1 ? .value(.choice(found[0]), note: nil) : .ambiguous(found)
    }
  }

  /// English words that come before a final "do" ("what to do", "what should we do").
  private static let beforeEnglishDo: Set<String> = ["to", "i", "we", "you", "they", "should", "can", "will", "did", "does"]

  /// Without polite particles and fillers at either end ("dạ", "thưa", "ạ", "nha", "nhé"),
  /// unless nothing else is left (a bare "dạ" only acknowledges the question).
  private func stripped(_ text: String) -> String {
    var words = text.split(whereSeparator: { $0 == " " }).map(String.init)
    func isParticle(_ word: String) -> Bool {
      let bare = word.trimmingPunctuation
      return bare.unicodeScalars.allSatisfy(\.isASCII)
        ? particles.contains(TextFolding.fold(bare)) : VietnameseSpelling.key(bare).map(particlesMarked.contains) ?? false
    }
    // "a" typed without marks at the start is the English article ("a week from today"), not
    // "ạ", which ends a sentence.
    while words.count > 1, let first = words.first, isParticle(first), first.lowercased() != "a" { words.removeFirst() }
    // "người gốc Á" ends with Asia, not with the particle "á": a capital is no particle at the end;
    // nor is the English "do" of "what to do" the particle "đó" typed without marks.
    while words.count > 1, let last = words.last, isParticle(last), !(last.first?.isUppercase ?? false),
      !(last.lowercased() == "do" && Self.beforeEnglishDo.contains(words[words.count - 2].lowercased()))
    {
      words.removeLast()
    }
    return words.joined(separator: " ").trimmingPunctuation
  }

  /// "không biết", "ko bit", "I don't know", "not sure": the fact's own "not sure" choice when it
  /// has one, else unknown.
  private func dontKnowReading(_ text: String) -> Reading? {
    let folded = TextFolding.fold(text)
    // Each part the answer ends on or begins with: before or after a comma, and after "nên" /
    // "so" ("bên kia chưa trả lời, em không biết họ chịu không", "tui hổng có ở đó nên hổng biết").
    let parts = Self.conclusions(folded)
    // "dạ có, … chưa chốt ngày": a yes or no said first answers; what is not known yet is a note.
    if fact.kind == .bool, let first = parts.first, yes.contains(first) || no.contains(first) { return nil }
    guard
      dontKnow.contains(folded) || dontKnow.contains(where: { folded.hasPrefix($0 + " ") })
        || parts.contains(where: { part in
          dontKnow.contains(part) || dontKnow.contains { part.hasPrefix($0 + " ") } || Self.saysUnsure(part)
        })
    else { return nil }
    if fact.values.contains("unsure") {
      return .value(fact.kind == .set ? .set(["unsure"]) : .choice("unsure"), note: nil)
    }
    return .unknown
  }

  /// The first part of a folded answer and every part after a comma, "nên" or "so".
  static func conclusions(_ folded: String) -> [String] {
    var parts: [String] = []
    for piece in folded.split(separator: ",") {
      let words = piece.split(separator: " ")
      var current: [Substring] = []
      for word in words {
        if word == "nen" || word == "so", !current.isEmpty {
          parts.append(current.joined(separator: " "))
          current = []
        } else {
          current.append(word)
        }
      }
      if !current.isEmpty { parts.append(current.joined(separator: " ")) }
    }
    return parts
  }

  /// Vietnamese "not sure" in its everyday forms, after a pronoun or "cũng" (also): a negator
  /// as typed ("không", "ko", "hổng", "hông", "hok", "chưa") then know, sure, remember, clear
  /// or decided: "cũng hổng chắc nữa", "hổng nhớ rõ", "em ko bik", "chưa định ngày".
  static func saysUnsure(_ folded: String) -> Bool {
    let words = folded.split(separator: " ").map(String.init)
    let leads: Set<String> = [
      "cung", "em", "tui", "toi", "minh", "con", "thi", "da", "chau", "anh", "chi", "co", "chu", "bac", "ba", "ong",
    ]
    let negators: Set<String> = ["khong", "ko", "k", "kg", "hong", "hok", "chua", "cha", "chang"]
    let knowing: Set<String> = ["biet", "bit", "bik", "chac", "nho", "ro", "dinh"]
    // "em hổng thấy" (I did not see it) ends the part; "ko thấy ai ngoài đó" says what was seen.
    if words.count >= 2, words.last == "thay", negators.contains(words[words.count - 2]),
      words.dropLast(2).allSatisfy(leads.contains)
    {
      return true
    }
    // At the start, or after a pronoun anywhere ("lâu quá tui hổng nhớ ngày").
    for i in words.indices.dropLast() where negators.contains(words[i]) && knowing.contains(words[i + 1]) {
      if words[..<i].allSatisfy(leads.contains) || leads.contains(words[i - 1]) { return true }
    }
    return false
  }

  /// "có, tụi nó đập kính" / "ko chỉ chửi thôi" / "no, nobody was hurt": a yes/no question
  /// answered by its first words, the rest kept as a note.
  private func yesNoWithNote(_ text: String, firstWordPrefixes: Bool, told: FactValue?) -> Reading? {
    guard fact.kind == .bool || fact.kind == .choice else { return nil }
    // A sentence that is only a yes or a no ("right now? no. but they said they'd be back").
    if fact.kind == .bool {
      let sentences = text.split(whereSeparator: { ".?!;".contains($0) }).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
      for (index, sentence) in sentences.enumerated() where sentences.count > 1 {
        guard let value = yesOrNo(stripped(sentence)) else { continue }
        var others = sentences
        others.remove(at: index)
        return .value(.bool(value), note: others.joined(separator: ". "))
      }
    }
    let comma = text.split(separator: ",", maxSplits: 1).map { String($0).trimmingWhitespace }
    var candidates: [(head: String, rest: String, prefixes: Bool)] = []
    if comma.count == 2 { candidates.append((comma[0], comma[1], true)) }
    // A sentence's first word may begin a choice ("vandal tụi nó xịt sơn"), unless the sentence tells this
    // fact itself: "the cops are the ones who did it" is not "they came" (a "no") begun. A short
    // word only as a whole word ("not" of "not involved"): "the" began "they came" in "the
    // officer is the one who hit him".
    let words = text.split(separator: " ", maxSplits: 1).map(String.init)
    if words.count == 2 {
      let head = words[0].trimmingPunctuation
      // A pronoun begins a sentence, not an answer: "tụi nó vẫn còn ở ngoài" is not "tụi nó
      // đi rồi" begun, "they came and beat him" not "they came".
      // Nor is danger now ever denied by a phrase begun: "giờ còn đậu xe trước chùa" is not
      // "giờ hết rồi" (a no) begun.
      let begins = firstWordPrefixes && !Self.opensSentence(stripped(head)) && fact.id != "immediate_danger"
      if begins, head.count < 4, let value = matcher.choice(beginningWith: stripped(head)) {
        return .value(value, note: words[1].trimmingWhitespace)
      }
      candidates.append((head, words[1].trimmingWhitespace, begins && head.count >= 4))
    }
    var whole = matcher
    whole.allowsPrefixes = false
    for (head, rest, prefixes) in candidates where !rest.isEmpty {
      let folded = TextFolding.fold(stripped(head))
      let said = fact.kind == .bool ? yesOrNo(stripped(head)) : nil
      // A general yes that is no yes-word of this question gives way to what the sentence
      // tells ("right now we are safe", "ok, tụi nó đi rồi" at "is anyone in danger?").
      if said == true, !factYes.contains(folded), let told { return .value(told, note: rest) }
      // A yes or a no that the rest of the sentence contradicts ("no, they're still outside"
      // at "is anyone in danger right now?"): asked which, never taken on the first word.
      // "no noi se giet ca nha em": typed without marks, "no" right before more words is "nó"
      // (he), not the English no; what the sentence tells answers.
      if said == false, folded == "no", head == stripped(head), !AnswerMatcher.hasMarks(head), let told,
        !text.hasPrefix(head + ","), !text.hasPrefix(head + ".")
      {
        return .value(told, note: rest)
      }
      if let said, let told, told != .bool(said) {
        // "không ai bị đánh, mà tụi nó dọa giết cả nhà": what comes after the "but" is what
        // happened, when it is the graver reading (a threat, someone still outside).
        if told == .bool(true), Self.gravest.contains(fact.id), Self.turns(rest) { return .value(told, note: rest) }
        return .ambiguous(["true", "false"])
      }
      if let said { return .value(.bool(said), note: rest) }
      if case .value(let value) = (prefixes ? matcher : whole).match(stripped(head)) { return .value(value, note: rest) }
    }
    return nil
  }

  /// Asked whether the police are a party, "they" / "họ" / "mấy ổng" opening the answer are
  /// the police ("they came and beat him"): read so.
  static func policeAsked(_ fact: FactDefinition, _ text: String) -> String {
    guard fact.id == "law_enforcement_involved" else { return text }
    // After a word or two of emphasis: "chính mấy ổng đè thằng nhỏ xuống".
    var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    for start in 0..<min(3, words.count) {
      for (lead, police) in policeLeads
      where start + lead.count < words.count && words[start..<(start + lead.count)].map({ $0.lowercased() }) == lead {
        words.replaceSubrange(start..<(start + lead.count), with: [police])
        return words.joined(separator: " ")
      }
    }
    return text
  }

  /// The words that stand for the police at the start of an answer about them, and the police
  /// named instead.
  private static let policeLeads: [([String], String)] = [
    (["they"], "the police"), (["họ"], "cảnh sát"), (["mấy", "ổng"], "cảnh sát"), (["ổng"], "cảnh sát"),
  ]

  /// Whether some words are a plain yes or no; typed with marks, only as so spelled ("nó",
  /// he, is no "no").
  private func yesOrNo(_ typed: String) -> Bool? {
    let folded = TextFolding.fold(typed)
    let marked = AnswerMatcher.hasMarks(typed)
    if yes.contains(folded), !marked || yesMarked.contains(folded) { return true }
    if no.contains(folded), !marked || noMarked.contains(folded) { return false }
    return nil
  }

  /// The questions where a yes read after a "but" beats a no said first: danger and violence.
  private static let gravest: Set<String> = ["immediate_danger", "violence"]

  /// Whether some words turn on a "but" ("mà", "nhưng", "but", "however").
  static func turns(_ text: String) -> Bool {
    TextFolding.fold(text).split(separator: " ").contains { contrastWords.contains(String($0)) }
  }

  private static let contrastWords: Set<String> = ["ma", "nhung", "but", "however"]

  /// Words that open a sentence about someone or about now (pronouns and their contractions, as
  /// typed, with marks where Vietnamese has them: "nó", not "no"; "giờ", "now"): a first word
  /// among them begins no answer.
  static func opensSentence(_ word: String) -> Bool {
    pronouns.contains(word.lowercased())
  }

  private static let pronouns: Set<String> = [
    "i", "i'm", "im", "we", "we're", "were", "you", "he", "he's", "hes", "she", "she's", "shes", "it", "it's",
    "they", "they're", "theyre", "them", "my", "our", "his", "her", "their", "nó", "họ", "tụi", "bọn", "mấy",
    "chúng", "ổng", "bả", "ảnh", "tôi", "tui", "toi", "em", "anh", "chị", "mình", "minh", "giờ", "gio",
    "now", "bây", "hiện", "lúc",
  ]
}

extension String {
  /// Without punctuation at either end ("có," "ạ." "ok!"); a minus sign before a number stays,
  /// so "-1" is still refused as a number of days rather than read as 1.
  var trimmingPunctuation: String {
    var scalars = Substring(self)
    let marks = Set(".,;:!?…-–—\"'“”()".unicodeScalars.map { Character($0) })
    func isMinusOfNumber(_ text: Substring) -> Bool {
      "-–−".contains(text.first ?? " ") && (text.dropFirst().first?.isNumber ?? false)
    }
    while let first = scalars.first, marks.contains(first) || first.isWhitespace, !isMinusOfNumber(scalars) {
      scalars.removeFirst()
    }
    while let last = scalars.last, marks.contains(last) || last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
