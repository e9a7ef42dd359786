import IntakeCore
import IntakeTerminal

/// Connects the conversation to a line reader: shows its events, reads lines, and keeps
/// commands (never answers) in the readline history.
struct InterviewRunner {
  let book: RuleBook
  let catalog: MessageCatalog
  let language: Language
  let bilingual: Bool

  func run() -> InterviewEnd {
    FoldForCompletion.fold = TextFolding.fold
    if TerminalOutput.isInteractive {
      let reader = ReadlineLineReader(historyFile: StatePaths.historyFile)
      return loop(reader)
    }
    TerminalOutput.ensureUTF8Locale()
    return loop(PlainLineReader())
  }

  private func loop<Reader: LineReading>(_ reader: Reader) -> InterviewEnd {
    var reader = reader
    var conversation = Conversation(book: book, catalog: catalog, language: language, bilingual: bilingual)
    var end = show(conversation.start())
    while end == nil {
      let prompt = conversation.wording.plain("terminal.prompt")
      switch reader.readLine(prompt: prompt, completions: conversation.completions) {
      case .line(let text):
        if text.trimmingWhitespaceForHistory.hasPrefix(":") || text.trimmingWhitespaceForHistory == "?" {
          reader.remember(text.trimmingWhitespaceForHistory)
        }
        end = show(conversation.handle(text))
      case .interrupted:
        end = show(conversation.interrupt())
      case .endOfInput:
        end = show(conversation.endOfInput())
      case .rejected(let problem):
        let wording = conversation.wording
        switch problem {
        case .invalidUTF8: TerminalOutput.write(wording.text("terminal.invalid-utf8") + "\n")
        case .controlCharacters: TerminalOutput.write(wording.text("terminal.control-characters") + "\n")
        case .tooLong(let maximum): TerminalOutput.write(wording.text("terminal.too-long", ["max": String(maximum)]) + "\n")
        }
      }
    }
    return end ?? .quit
  }

  /// Writes the events; returns how the interview ended, if it did.
  private func show(_ events: [InterviewEvent]) -> InterviewEnd? {
    var end: InterviewEnd?
    for event in events {
      switch event {
      case .text(let text):
        TerminalOutput.write(text + "\n")
      case .question(let progress, let prompt, let choices, let hint):
        var lines = ["", progress, prompt]
        lines += choices.map { "  " + $0 }
        lines.append(hint)
        TerminalOutput.write(lines.joined(separator: "\n") + "\n")
      case .problem(let text):
        TerminalOutput.write(text + "\n")
      case .outcome(let text):
        TerminalOutput.write("\n" + text + "\n")
      case .finished(let how):
        end = how
      }
    }
    return end
  }
}

extension String {
  fileprivate var trimmingWhitespaceForHistory: String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }
}
