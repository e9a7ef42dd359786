/// Reads a number of days as people say it: "3", "ba", "3 ngày", "2 weeks", "hôm qua",
/// "yesterday", "tuần trước", "next week". The words come from `Locales/`
/// (`answer.days.<n>`, `answer.number.<n>`, `answer.unit.<days>`), in both languages.
public enum DayCount {
  /// The most days a count may say (about 200 years): more is not a date anyone means, and a
  /// product of a huge count and a unit must never overflow.
  public static let maximum = 73_050

  public static func parse(_ text: String, catalog: MessageCatalog) -> Int? {
    let folded = TextFolding.fold(text).trimmingCharacters(in: ".!?")
    guard !folded.isEmpty else { return nil }
    if let number = Int(folded) { return number >= 0 && number <= maximum ? number : nil }
    func words(_ key: String) -> [String] {
      Language.allCases.flatMap { catalog.list(key, $0) }.map(TextFolding.fold)
    }
    // Whole phrases: "yesterday", "hôm qua", "last week".
    for days in [0, 1, 2, 3, 7, 14, 30, 365] where words("answer.days.\(days)").contains(folded) {
      return days
    }
    // A count and an optional unit: "3 days", "ba tuần", "two weeks ago", "2 tuần trước".
    var tokens = folded.split(separator: " ").map(String.init)
    // Two-word number words ("mười một") become one token.
    for n in (11...12).reversed() {
      for phrase in words("answer.number.\(n)") where phrase.contains(" ") {
        let parts = phrase.split(separator: " ").map(String.init)
        var i = 0
        while i + parts.count <= tokens.count {
          if Array(tokens[i..<i + parts.count]) == parts {
            tokens.replaceSubrange(i..<i + parts.count, with: [String(n)])
          }
          i += 1
        }
      }
    }
    var count: Int?
    var unit = 1
    var sawUnit = false
    let fillers = words("answer.filler")
    // Number words 1…12, looked up once for all the tokens.
    let numberWords = (1...12).map { words("answer.number.\($0)") }
    func numberWord(_ token: String) -> Int? { numberWords.firstIndex { $0.contains(token) }.map { $0 + 1 } }
    func isNumber(_ token: String) -> Bool { Int(token) != nil || numberWord(token) != nil }
    for (i, token) in tokens.enumerated() {
      // A filler before the count that folds like a unit ("cách đây năm bữa": "đây" is not
      // "day").
      if count == nil, fillers.contains(token), tokens[(i + 1)...].contains(where: isNumber) { continue }
      if count == nil, let number = Int(token), number >= 0 {
        count = number
        continue
      }
      if count == nil, let n = numberWord(token) {
        count = n
        continue
      }
      if let days = [1, 7, 30, 365].first(where: { words("answer.unit.\($0)").contains(token) }) {
        if count == nil && !sawUnit { count = 1 }
        unit = days
        sawUnit = true
        continue
      }
      if fillers.contains(token) { continue }
      return nil
    }
    guard let count else { return nil }
    let (days, overflow) = count.multipliedReportingOverflow(by: unit)
    return overflow || days > maximum ? nil : days
  }
}

extension String {
  func trimmingCharacters(in characters: String) -> String {
    var text = Substring(self)
    while let last = text.last, characters.contains(last) { text.removeLast() }
    while let first = text.first, characters.contains(first) { text.removeFirst() }
    return String(text).trimmingWhitespace
  }
}
