import FuzzSupport
import IntakeCore
import IntakeInterface
import IntakeLoading
import IntakeSessions
import IntakeTerminal

/// One input as an interview typed line by line, with the shipped data: each line is checked
/// by `LineSanitizer` as the line readers check it (a rejected line is skipped, as the
/// terminal skips it), handed to a `Conversation` that offers the draft and saves sessions as
/// the interview does, and every event is rendered for an 80-column (or narrow) terminal. A
/// line that is exactly ETX (Ctrl-C) interrupts, EOT (Ctrl-D) ends the input, as the terminal
/// reports them; the end of the input is Ctrl-D too. At most 60 lines are read. A draft the user saves is rendered as
/// Markdown and as the request JSON, without writing files.
///
/// The input's length picks the language, bilingual or not, and the terminal's width.
enum ConversationTarget {
  /// At most this many lines are typed per input (a whole interview takes about 25), so one
  /// input cannot run for long.
  static let maximumLines = 60

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    let book = ShippedData.book
    let catalog = ShippedData.loaded.catalog
    let bilingual = bytes.count % 5 == 0
    let renderer = EventRenderer(width: bytes.count % 3 == 0 ? 24 : 80)
    var conversation = Conversation(
      book: book, catalog: catalog, language: bytes.count % 2 == 0 ? .vi : .en, bilingual: bilingual,
      narrativeReader: ShippedData.narrativeReader)
    conversation.offersDraft = true
    conversation.savesSession = true
    conversation.rulesVersion = book.ruleSet.version
    conversation.today = "2025-03-14"
    conversation.reference = DraftReference.make(seed: "fuzz")
    var finished = show(conversation.start(), renderer, conversation)
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(maximumLines).makeIterator()
    while !finished {
      let events: [InterviewEvent]
      if let line = lines.next() {
        if line.elementsEqual([0x03]) {
          events = conversation.interrupt()
        } else if line.elementsEqual([0x04]) {
          events = conversation.endOfInput()
        } else if case .line(let text) = LineSanitizer.check(Array(line)) {
          _ = conversation.completions
          events = conversation.handle(text)
        } else {
          continue
        }
      } else {
        events = conversation.endOfInput()
        finished = true
      }
      finished = show(events, renderer, conversation) || finished
    }
    _ = conversation.review()
    _ = OutcomeText(book: book, wording: conversation.wording).render(conversation.currentOutcome())
  }

  /// Renders the events; true when the interview ended.
  static func show(_ events: [InterviewEvent], _ renderer: EventRenderer, _ conversation: Conversation) -> Bool {
    var ended = false
    for event in events {
      switch event {
      case .saveDraft(let draft):
        let languages = InterviewRunner.draftLanguages(session: conversation.language, bilingual: conversation.wording.bilingual)
        _ = DraftMarkdown(book: ShippedData.book, catalog: ShippedData.loaded.catalog).render(draft, languages: languages)
        _ = DraftFiles.json(draft)
      case .finished:
        ended = true
      default:
        _ = renderer.render(event)
      }
    }
    return ended
  }
}
