extension NarrativeReader {
  /// A reader for a rule book's facts, with state names and number and unit words taken from
  /// the catalog in both languages.
  public init(lexicon: Lexicon, book: RuleBook, catalog: MessageCatalog) {
    var states: [String: [String]] = [:]
    for code in book.ruleSet.fact("state")?.values ?? [] where code != "outside_us" {
      for language in Language.allCases where catalog.has("value.state.\(code)", in: language) {
        states[code, default: []].append(catalog.text("value.state.\(code)", language))
      }
    }
    func words(_ key: String) -> [String] { Language.allCases.flatMap { catalog.list(key, $0) } }
    var numbers: [Int: [String]] = [:]
    for n in 1...12 { numbers[n] = words("answer.number.\(n)") }
    var units: [Int: [String]] = [:]
    for days in [1, 7, 30, 365] { units[days] = words("answer.unit.\(days)") }
    self.init(lexicon: lexicon, facts: book.facts, stateNames: states, numberWords: numbers, unitWords: units)
  }
}
