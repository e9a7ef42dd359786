import Foundation
import IntakeCore
import IntakeSessions
import IntakeTerminal

/// Connects the conversation to a line reader: shows its events, reads lines, saves the
/// session after every answer (before the next question appears, so nothing confirmed is
/// lost), keeps commands (never answers) in the readline history, and writes the draft.
public struct InterviewRunner {
  let book: RuleBook
  let catalog: MessageCatalog
  let language: Language
  let bilingual: Bool
  /// Where sessions are saved; nil with `--no-save`.
  let store: SessionStore?
  /// Where the draft files go.
  let draftDirectory: URL
  /// A saved session to continue.
  let resume: SessionRecord?
  /// Reads descriptions in the user's own words (built when first needed).
  let narrativeReader: LazyNarrativeReader?
  /// The readline history file (commands only); nil keeps none.
  let historyFile: String?
  /// The draft letter's languages; nil: both for a Vietnamese or bilingual session (the
  /// requester reads Vietnamese, the office English), else English.
  let draftLanguages: [Language]?
  let renderer: EventRenderer

  public init(
    book: RuleBook, catalog: MessageCatalog, language: Language, bilingual: Bool, store: SessionStore?, draftDirectory: URL,
    resume: SessionRecord?, narrativeReader: LazyNarrativeReader?, historyFile: String?, draftLanguages: [Language]? = nil,
    renderer: EventRenderer = .forTerminal
  ) {
    self.draftLanguages = draftLanguages
    self.book = book
    self.catalog = catalog
    self.language = language
    self.bilingual = bilingual
    self.store = store
    self.draftDirectory = draftDirectory
    self.resume = resume
    self.narrativeReader = narrativeReader
    self.historyFile = historyFile
    self.renderer = renderer
  }

  public func run() -> InterviewEnd {
    if TerminalOutput.isInteractive {
      let history = store == nil ? nil : historyFile
      return loop(ReadlineLineReader(historyFile: history, fold: { TextFolding.fold($0) }))
    }
    TerminalOutput.ensureUTF8Locale()
    return loop(PlainLineReader())
  }

  private func loop<Reader: LineReading>(_ reader: Reader) -> InterviewEnd {
    var reader = reader
    var conversation = Conversation(
      book: book, catalog: catalog, language: resume?.language ?? language, bilingual: bilingual,
      lazyReader: narrativeReader)
    conversation.offersDraft = true
    conversation.savesSession = store != nil
    conversation.rulesVersion = book.ruleSet.version
    let now = Date()
    var record =
      resume
      ?? SessionRecord(id: SessionRecord.newID(now), created: now, updated: now, language: language, rulesVersion: book.ruleSet.version)
    var end: InterviewEnd?
    if let resume {
      let dropped = conversation.restore(
        answers: resume.answers, history: resume.history, skipped: Set(resume.skipped), narrative: resume.narrative, notes: resume.notes,
        contact: resume.contact)
      TerminalOutput.write(
        renderer.render(
          .text(conversation.wording.text("sessions.resumed", ["id": resume.id, "count": String(conversation.answers.count)]))))
      if !dropped.isEmpty {
        TerminalOutput.write(
          renderer.render(.text(conversation.wording.text("sessions.dropped", ["answers": dropped.joined(separator: ", ")]))))
      }
      end = show(conversation.start(), &conversation)
    } else {
      end = show(conversation.start(), &conversation)
    }
    conversation.reference = record.reference
    var saved = Snapshot(conversation)
    save(&record, conversation, force: resume != nil)
    while end == nil {
      let prompt = conversation.wording.plain("terminal.prompt")
      let events: [InterviewEvent]
      switch reader.readLine(prompt: prompt, completions: conversation.completions) {
      case .line(let text):
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(":") || trimmed == "?" { reader.remember(trimmed) }
        events = conversation.handle(text)
      case .interrupted:
        events = conversation.interrupt()
      case .endOfInput:
        events = conversation.endOfInput()
      case .rejected(let problem):
        let wording = conversation.wording
        switch problem {
        case .invalidUTF8: TerminalOutput.write(renderer.render(.text(wording.text("terminal.invalid-utf8"))))
        case .controlCharacters: TerminalOutput.write(renderer.render(.text(wording.text("terminal.control-characters"))))
        case .tooLong(let maximum):
          TerminalOutput.write(renderer.render(.text(wording.text("terminal.too-long", ["max": String(maximum)]))))
        }
        continue
      }
      // Saved before the next question is shown: an answer confirmed on screen is on disk.
      let snapshot = Snapshot(conversation)
      if snapshot != saved || conversation.isFinished {
        save(&record, conversation, force: true)
        saved = snapshot
      }
      end = show(events, &conversation)
    }
    return end ?? .quit
  }

  /// What a session file holds, to save only when it changed.
  private struct Snapshot: Equatable {
    var answers: [String: FactValue]
    var history: [String]
    var skipped: Set<String>
    var language: Language
    var contact: [String: String]
    var narrative: String?
    var notes: [String: String]

    init(_ conversation: Conversation) {
      notes = conversation.notes
      answers = conversation.answers
      history = conversation.history
      skipped = conversation.skipped
      language = conversation.language
      contact = conversation.contact
      narrative = conversation.narrative
    }
  }

  private func save(_ record: inout SessionRecord, _ conversation: Conversation, force: Bool) {
    // Nothing typed yet, and nothing saved before: there is nothing to keep.
    let empty = conversation.history.isEmpty && conversation.narrative == nil && conversation.contact.isEmpty
    guard let store, !(empty && resume == nil), force || !conversation.history.isEmpty else { return }
    record.updated = Date()
    record.language = conversation.language
    record.rulesVersion = book.ruleSet.version
    record.answers = conversation.answers
    record.history = conversation.history
    record.skipped = conversation.skipped.sorted()
    record.contact = conversation.contact
    record.narrative = conversation.narrative
    record.notes = conversation.notes
    if case .finished(.completed) = conversation.phase { record.completed = true }
    if case .contact = conversation.phase { record.completed = true }
    if case .offeringSave = conversation.phase { record.completed = true }
    do {
      try store.save(record)
    } catch {
      TerminalOutput.write(
        renderer.render(.text(conversation.wording.text("sessions.save-failed", ["problem": SafeText.visible(error.description)]))))
    }
  }

  /// Writes the events; returns how the interview ended, if it did.
  private func show(_ events: [InterviewEvent], _ conversation: inout Conversation) -> InterviewEnd? {
    var end: InterviewEnd?
    for event in events {
      switch event {
      case .saveDraft(var draft):
        draft.date = Self.today()
        let languages = draftLanguages ?? Self.draftLanguages(session: conversation.language, bilingual: bilingual)
        let markdown = DraftMarkdown(book: book, catalog: catalog).render(draft, languages: languages)
        do {
          let files = try DraftFiles.write(draft, markdown: markdown, in: draftDirectory)
          TerminalOutput.write(
            renderer.render(
              .text(conversation.wording.text("interview.saved", ["markdown": files.markdown.path, "json": files.json.path]))))
        } catch {
          TerminalOutput.write(
            renderer.render(.text(conversation.wording.text("interview.save-failed", ["problem": SafeText.visible(error.description)]))))
        }
      case .finished(let how):
        end = how
      default:
        TerminalOutput.write(renderer.render(event))
      }
    }
    return end
  }

  /// The draft's languages by default: Vietnamese for the requester and English for the office
  /// when the session is in Vietnamese or both; English only for an English session.
  public static func draftLanguages(session: Language, bilingual: Bool) -> [Language] {
    bilingual || session == .vi ? [.vi, .en] : [.en]
  }

  /// Today as `YYYY-MM-DD` in local time (`CRS_INTAKE_TODAY` overrides it, for tests).
  public static func today() -> String {
    if let fixed = ProcessInfo.processInfo.environment["CRS_INTAKE_TODAY"], fixed.count == 10 { return fixed }
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    let year = Int(parts.tm_year) + 1900
    let month = Int(parts.tm_mon) + 1
    let day = Int(parts.tm_mday)
    return "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
  }
}
