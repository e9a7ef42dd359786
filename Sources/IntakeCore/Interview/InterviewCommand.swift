/// What a user can type at any prompt besides an answer, in either language: as `:word`, or
/// as a bare word when it does not name a choice of the current question.
public enum InterviewCommand: Sendable, Equatable {
  case help
  case back
  case review
  case edit(Int?)
  case why
  case whyNot(String?)
  case skip
  case language(Language)
  case restart
  case save
  /// The whole outcome so far: every service's details, what could also fit, referrals, why.
  case details
  case quit

  /// The command names; each has its words under `command.<name>.words` in `Locales/`.
  public static let names = ["help", "back", "review", "edit", "why_not", "why", "skip", "vi", "en", "restart", "save", "details", "quit"]

  /// Reads a command from `input`. With `explicit` (the input began with `:`) any command
  /// word counts; otherwise the whole input must be a command (plus its argument).
  public static func parse(_ input: String, catalog: MessageCatalog) -> InterviewCommand? {
    // Runs of spaces count as one: ":why   not   mediation" is ":why not mediation".
    var text = input.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    if text.hasPrefix(":") { text.removeFirst() }
    text = text.trimmingWhitespace
    let folded = TextFolding.fold(text)
    guard !folded.isEmpty else { return nil }
    if folded == "?" { return .help }
    // Longest command word first, so "why not" wins over "why".
    var best: (name: String, word: String)?
    for name in names {
      for language in Language.allCases {
        for word in catalog.list("command.\(name).words", language).map(TextFolding.fold) where !word.isEmpty {
          guard folded == word || folded.hasPrefix(word + " ") else { continue }
          if word.count > (best?.word.count ?? -1) { best = (name, word) }
        }
      }
    }
    guard let best else { return nil }
    let argument = String(text.dropFirst(min(text.count, best.word.count))).trimmingWhitespace
    switch best.name {
    case "help": return argument.isEmpty ? .help : nil
    case "back": return argument.isEmpty ? .back : nil
    case "review": return argument.isEmpty ? .review : nil
    case "edit":
      if argument.isEmpty { return .edit(nil) }
      guard let number = Int(argument) else { return nil }
      return .edit(number)
    case "why": return argument.isEmpty ? .why : nil
    case "why_not": return .whyNot(argument.isEmpty ? nil : argument)
    case "skip": return argument.isEmpty ? .skip : nil
    case "vi": return argument.isEmpty ? .language(.vi) : nil
    case "en": return argument.isEmpty ? .language(.en) : nil
    case "restart": return argument.isEmpty ? .restart : nil
    case "save": return argument.isEmpty ? .save : nil
    case "details": return argument.isEmpty ? .details : nil
    case "quit": return argument.isEmpty ? .quit : nil
    default: return nil
    }
  }

  /// Every command word in both languages, with a leading colon, for tab completion.
  public static func completions(_ catalog: MessageCatalog) -> [String] {
    var words: [String] = []
    for name in names {
      for language in Language.allCases {
        for word in catalog.list("command.\(name).words", language) where word != "?" && !words.contains(":" + word) {
          words.append(":" + word)
        }
      }
    }
    return words
  }
}
