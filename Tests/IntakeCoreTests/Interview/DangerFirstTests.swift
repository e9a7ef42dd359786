import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Safety first: the moment someone says a person is in danger now — at the safety question,
/// in their own words, or at any later prompt — the very next thing shown is the 911
/// instruction, before any other question; the end screen and the draft open with it.
@Suite("Danger first")
struct DangerFirstTests {
  static func conversation(_ language: Language, bilingual: Bool = false) throws -> Conversation {
    Conversation(
      book: try ShippedData.book(), catalog: ShippedData.loaded.catalog, language: language, bilingual: bilingual,
      narrativeReader: ShippedData.loaded.narrativeReader())
  }

  static func emergency(_ events: [InterviewEvent]) -> String? {
    if case .emergency(let text)? = events.first { return text }
    return nil
  }

  @Test("'yes' at the safety question: 911 comes next, then question 2")
  func safetyQuestion() throws {
    var session = try InterviewSession(.en)
    session.start()
    let events = session.say("yes")
    let notice = try #require(Self.emergency(events), "\(events)")
    #expect(notice.contains("Call 911 now"))
    #expect(events.count == 2)
    #expect(events.last?.questionPrompt == "Has something already happened, or do you want to prevent a conflict?")
    #expect(session.conversation.currentOutcome().urgency == "emergency")
  }

  @Test(
    "In their own words, in either language, with or without diacritics: 911 before the read-back",
    arguments: [
      (Language.en, "They are outside the temple with guns right now."),
      (Language.vi, "Chúng tôi đang bị bao vây ở chùa."),
      (Language.vi, "Có súng ở ngoài nhà thờ, xin giúp."),
      (Language.vi, "co sung ngoai nha tho"),
    ])
  func narrative(language: Language, text: String) throws {
    var conversation = try Self.conversation(language)
    _ = conversation.start()
    let events = conversation.handle(text)
    let notice = try #require(Self.emergency(events), "\(text): \(events)")
    #expect(notice.contains("911"))
    #expect(conversation.answers["immediate_danger"] == .bool(true))
    #expect(conversation.currentOutcome().urgency == "emergency")
    #expect(conversation.currentOutcome().referrals.map(\.id).contains("call_911"))
  }

  @Test("Said at a later question, even after an earlier 'no': 911 first")
  func laterAnswer() throws {
    var conversation = try Self.conversation(.vi)
    _ = conversation.start()
    _ = conversation.handle("")  // no description: the questions
    _ = conversation.handle("không")  // nobody in danger
    _ = conversation.handle("ứng phó")
    let events = conversation.handle("bây giờ họ đang bị bao vây ngoài chùa")
    let notice = try #require(Self.emergency(events), "\(events)")
    #expect(notice.hasPrefix("⚠ Có thể có người đang gặp nguy hiểm"))
    #expect(conversation.answers["immediate_danger"] == .bool(true))
  }

  @Test("A bilingual session shows 911 in both languages")
  func bilingual() throws {
    var session = try InterviewSession(.vi, bilingual: true)
    session.start()
    let notice = try #require(Self.emergency(session.say("có")))
    #expect(notice.contains("Xin gọi 911 ngay"))
    #expect(notice.contains("Call 911 now"))
  }

  @Test("Editing the safety answer to 'yes' later shows 911 first too")
  func edit() throws {
    var session = try InterviewSession(.en)
    session.start()
    session.say("no")
    session.say("respond")
    session.say(":edit 1")
    let events = session.say("yes")
    #expect(Self.emergency(events)?.contains("Call 911 now") == true, "\(events)")
  }

  @Test("The end screen and the draft open with 911")
  func endScreenAndDraft() throws {
    var session = try InterviewSession(.en)
    session.start()
    var answers = InterviewSession.defaults(.en)
    answers["immediate_danger"] = "yes"
    try session.answer(answers)
    let screen = try #require(session.outcome)
    #expect(screen.hasPrefix("Someone is in danger right now: call 911 first."))
    let draft = DraftMarkdown(book: try ShippedData.book(), catalog: ShippedData.loaded.catalog)
      .render(session.conversation.draft(), language: .en)
    let lines = draft.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines.count > 2)
    #expect(lines[0] == "> **Someone is in danger right now: call 911 first. CRS is not an emergency service.**")
  }

  @Test("Abroad, the local emergency number instead of 911")
  func abroad() throws {
    var conversation = try Self.conversation(.en)
    _ = conversation.start()
    _ = conversation.handle("")
    _ = conversation.handle("no")
    _ = conversation.handle("respond")
    _ = conversation.handle("outside the US")
    let events = conversation.handle("they are outside with guns right now")
    let notice = try #require(Self.emergency(events), "\(events)")
    #expect(notice.contains("emergency number of the country where you are"))
    #expect(conversation.currentOutcome().referrals.map(\.id) == ["local_emergency"])
  }

  // MARK: Through the built binary, on a real terminal

  @Test(
    "On a terminal: 911 is the very next thing after 'yes', before question 2; and after a Vietnamese description, before the read-back")
  func terminal() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal(["--lang", "en", "--no-save"], home: home.url)
    try terminal.waitFor("in your own words")
    try terminal.waitFor("> ")
    terminal.line("")
    try terminal.waitFor("Is anyone in danger right now?")
    try terminal.waitFor("> ")
    terminal.line("yes")
    let (first, text) = try terminal.waitForAny(["Call 911 now", "Has something already happened"])
    #expect(first == "Call 911 now", "\(text)")
    try terminal.waitFor("Has something already happened")
    try terminal.waitFor("> ")
    terminal.press(.controlD)
    _ = try terminal.waitForExit()

    let vietnamese = try PseudoTerminal(["--lang", "vi", "--no-save"], home: home.url)
    try vietnamese.waitFor("> ")
    vietnamese.line("Ho dang bi bao vay o ngoai chua, co sung")
    let (seen, shown) = try vietnamese.waitForAny(["Xin gọi 911 ngay", "Chúng tôi hiểu", "Tôi hiểu"])
    #expect(seen == "Xin gọi 911 ngay", "\(shown)")
    try vietnamese.waitFor("> ")
    vietnamese.press(.controlD)
    _ = try vietnamese.waitForExit()
  }
}
