import Foundation
import IntakeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The interview through a real pseudo-terminal against the built binary: what a person at a
/// terminal sees and types, with readline active.
@Suite("Interview on a terminal")
struct InterviewTerminalTests {
  /// English answers for a police use-of-force incident in Seattle.
  static let englishAnswers: KeyValuePairs<String, String> = [
    "in your own words": "",
    "Is anyone in danger right now?": "no",
    "Has something already happened": "respond",
    "Which state or territory": "Washington",
    "What is the tension about?": "race",
    "What happened?": "police use of force",
    "How many days ago": "3",
    "Was there violence": "no",
    "Are the police (including": "yes",
    "long-standing mistrust": "yes",
    "Where is this happening?": "neighborhood",
    "Is a march, rally": "no",
    "What is your role?": "community leader",
    "What kind of help": "dialogue",
    "Are the sides willing": "unsure",
    "Are police and community leaders willing": "yes",
    "Which city or town": "Seattle",
  ]

  @Test("A complete English session ends with the services, the reasons and the Seattle office")
  func englishSession() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let drafts = home.url.appendingPathComponent("drafts")
    let terminal = try PseudoTerminal(
      ["--lang", "en", "--out", drafts.path], environment: ["CRS_INTAKE_TODAY": "2026-11-25"], home: home.url)
    try terminal.waitFor("If anyone is in danger right now, call 911 first.")
    try terminal.waitFor("CRS is not a law enforcement or investigative agency")
    try terminal.answerQuestions(Self.englishAnswers, until: "═══ Your result ═══")
    let result = try terminal.waitFor("Type :details for more")
    #expect(result.contains("Jurisdiction: Within CRS jurisdiction"))
    #expect(result.contains("Best fit: Facilitated dialogue"))
    #expect(result.contains("Why: "))
    #expect(result.contains("Seattle Regional Office — phone 206-220-6700"))
    // Contact details are optional; :details shows everything first.
    try terminal.waitFor("Your name (optional):")
    try terminal.waitFor("> ")
    terminal.line(":details")
    let details = try terminal.waitFor("call CRS headquarters at 202-305-2935.")
    #expect(details.contains("Strengthening Police and Community Partnerships (SPCP)"))
    #expect(details.contains("915 Second Avenue"))
    try terminal.waitFor("Your name (optional):")
    terminal.line("Lan Nguyen")
    for _ in 0..<4 {
      try terminal.waitFor("> ")
      terminal.press(.enter)
    }
    try terminal.waitFor("Would you like to save this draft request")
    terminal.line("yes")
    try terminal.waitFor("Saved the draft request:")
    #expect(try terminal.waitForExit() == 0)
    let markdown = drafts.appendingPathComponent("crs-request-2026-11-25-seattle.md")
    let text = try String(contentsOf: markdown, encoding: .utf8)
    // An English session's letter is in English, signed with the name given.
    #expect(text.contains("Dear Seattle Regional Office,"))
    #expect(text.contains("Sincerely,\n\nLan Nguyen"))
    #expect(text.contains("## CRS services that fit, best fit first"))
    #expect(!text.contains("Kính gửi"))
    let json = try String(contentsOf: drafts.appendingPathComponent("crs-request-2026-11-25-seattle.json"), encoding: .utf8)
    let reference = try #require(text.firstMatch(of: /CRS-[0-9A-Z]{4}-[0-9A-Z]{4}/)).output
    #expect(json.contains("\"reference\" : \"\(reference)\""))
    let mode = try FileManager.default.attributesOfItem(atPath: markdown.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test("A complete Vietnamese session typed without diacritics")
  func vietnameseWithoutDiacritics() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal(["--lang", "vi"], home: home.url)
    try terminal.waitFor("xin hãy gọi 911 trước")
    try terminal.answerQuestions(
      [
        "theo lời của mình": "",
        "Có ai đang gặp nguy hiểm": "khong",
        "Đã có chuyện xảy ra": "phong ngua",
        "tiểu bang hoặc lãnh thổ": "Texas",
        "Căng thẳng liên quan": "ton giao",
        "Cộng đồng nào bị ảnh hưởng": "nguoi viet",
        "Đã có ai bị hành hung": "khong co bao luc",
        "Chuyện này xảy ra ở đâu?": "noi tho phuong",
        "Cảnh sát (kể cả": "khong",
        "thiếu lòng tin": "khong",
        "Sắp có cuộc tuần hành": "khong",
        "Vai trò của quý vị": "lanh dao ton giao",
        "mong muốn được giúp gì": "huan luyen",
        "Các bên có sẵn sàng": "co",
        "Lãnh đạo cảnh sát và lãnh đạo cộng đồng": "co",
        "thành phố hoặc thị trấn": "Houston",
      ], until: "═══ Kết quả ═══")
    let result = try terminal.waitFor("Gõ :chi tiết")
    #expect(result.contains("Phù hợp nhất: Diễn Đàn Bảo Vệ Nơi Thờ Tự"))
    #expect(result.contains("Văn phòng Khu vực Dallas"))
    #expect(result.contains("Houston"))
    try terminal.waitFor("Họ tên của quý vị (không bắt buộc):")
    try terminal.waitFor("> ")
    terminal.press(.controlD)
    try terminal.waitFor("Bản yêu cầu chưa được lưu.")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("Backspace removes a whole Vietnamese character")
  func backspaceOverVietnamese() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "vi"], environment: ["LANG": "C"], home: home.url)
    try terminal.waitFor("Có ai đang gặp nguy hiểm")
    try terminal.waitFor("> ")
    // "Hiệ" then one backspace leaves "Hi"; finishing the word gives a valid answer only if
    // the whole `ệ` (three bytes) went away.
    terminal.type("Hiệ")
    terminal.press(.backspace)
    terminal.line("ện không ai gặp nguy hiểm")
    try terminal.waitFor("Đã có chuyện xảy ra")
    #expect(!terminal.screen.contains("chúng tôi chưa hiểu"))
    terminal.press(.controlC)
    terminal.press(.controlC)
    #expect(try terminal.waitForExit() == 130)
  }

  @Test("Tab completes a choice, with or without diacritics")
  func tabCompletion() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "vi"], home: home.url)
    try terminal.waitFor("Có ai đang gặp nguy hiểm")
    try terminal.waitFor("> ")
    // "Hien" alone is not an answer; completed with Tab it is the second choice.
    terminal.type("Hien")
    terminal.press(.tab)
    terminal.press(.enter)
    let next = try terminal.waitFor("Đã có chuyện xảy ra")
    #expect(!next.contains("chúng tôi chưa hiểu"))
    // Commands complete too: ":qua" becomes ":quay lại" (back).
    terminal.type(":qua")
    terminal.press(.tab)
    terminal.press(.enter)
    try terminal.waitFor("Có ai đang gặp nguy hiểm")
    try terminal.waitFor("Câu trả lời hiện tại: Hiện không ai gặp nguy hiểm")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("Switching language mid-question shows the same question in the other language")
  func switchLanguage() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    terminal.line("no")
    try terminal.waitFor("Has something already happened")
    terminal.line(":vi")
    try terminal.waitFor("Đã chuyển sang tiếng Việt.")
    try terminal.waitFor("Đã có chuyện xảy ra, hay quý vị muốn ngăn chặn xung đột trước?")
    // Answers are still accepted in English after the switch.
    terminal.line("respond")
    try terminal.waitFor("tiểu bang hoặc lãnh thổ")
    terminal.line(":en")
    try terminal.waitFor("Which state or territory is this in?")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("Back then forward keeps the answers given")
  func backThenForward() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    terminal.line("no")
    try terminal.waitFor("Has something already happened")
    terminal.line("prevent")
    try terminal.waitFor("Which state or territory")
    terminal.line("back")
    let again = try terminal.waitFor("Has something already happened")
    _ = again
    try terminal.waitFor("Current answer: Prevent: nothing has happened yet")
    terminal.press(.enter)  // keep it
    try terminal.waitFor("Which state or territory")
    terminal.line(":back")
    try terminal.waitFor("Current answer: Prevent")
    terminal.line(":back")
    try terminal.waitFor("Is anyone in danger right now?")
    try terminal.waitFor("Current answer: No one is in danger right now")
    terminal.press(.enter)
    // Forward again: the goal was kept, so the next question is the state.
    try terminal.waitFor("Which state or territory")
    terminal.line(":review")
    let review = try terminal.waitFor("Which state or territory")
    #expect(review.contains("1. "))
    #expect(review.contains("Prevent"))
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("edit N re-asks that answer and shows what changed in the recommendation")
  func editAnswer() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal(["--lang", "en"], home: home.url)
    try terminal.answerQuestions(
      [
        "in your own words": "",
        "Is anyone in danger right now?": "no",
        "Has something already happened": "prevent",
        "Which state or territory": "WA",
        "What is the tension about?": "religion",
        "Which community or communities": "none",
        "Was there violence": "no",
        "Are the police (including": "no",
        "long-standing mistrust": "no",
      ], until: "═══", stopAt: "Where is this happening?")
    terminal.line("place of worship")
    try terminal.waitFor("> ")
    terminal.line(":review")
    let review = try terminal.waitFor("> ")
    let settingsLine = review.split(separator: "\n").first { $0.contains("Where it is happening") || $0.contains("Place of worship") }
    let number = settingsLine.flatMap { line in line.split(separator: ".").first.map { $0.trimmingCharacters(in: .whitespaces) } } ?? ""
    #expect(Int(number) != nil, "review shows the settings answer with its number:\n\(review)")
    terminal.line(":edit \(number)")
    try terminal.waitFor("Where is this happening?")
    try terminal.waitFor("Current answer: Place of worship")
    try terminal.waitFor("> ")
    terminal.line("school")
    let changes = try terminal.waitFor("> ")
    #expect(changes.contains("What changed in the recommendation:"))
    #expect(changes.contains("+ now recommended: School-SPIRIT"))
    #expect(changes.contains("− no longer recommended: Protecting Places of Worship Forum"))
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("Ctrl-C clears the line; on an empty line it asks, and quitting exits with 130")
  func controlCThenQuit() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    try terminal.waitFor("> ")
    terminal.type("some text")
    terminal.press(.controlC)
    try terminal.waitFor("^C")
    // The line was cleared: Enter now submits an empty answer.
    terminal.press(.enter)
    try terminal.waitFor("Please type an answer")
    terminal.press(.controlC)
    try terminal.waitFor("Do you want to stop the interview?")
    terminal.press(.enter)  // no: continue
    try terminal.waitFor("Is anyone in danger right now?")
    terminal.press(.controlC)
    try terminal.waitFor("Do you want to stop the interview?")
    terminal.line("yes")
    try terminal.waitFor("The interview has stopped.")
    #expect(try terminal.waitForExit() == 130)
  }

  @Test("Ctrl-D on an empty line quits")
  func controlD() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    try terminal.waitFor("> ")
    terminal.press(.controlD)
    try terminal.waitFor("The interview has stopped.")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("A wrong answer gets one clear line quoting it, and the same question again")
  func wrongAnswerReasked() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    terminal.line("purple")
    let reply = try terminal.waitFor("Is anyone in danger right now?")
    #expect(reply.contains("Sorry, we did not understand 'purple'. Type a number from 1 to 2"))
    terminal.line("7")
    try terminal.waitFor("Sorry, we did not understand '7'.")
    terminal.line("2")
    try terminal.waitFor("Has something already happened")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("The history file keeps commands only, never answers, and only its owner can read it")
  func historyHoldsCommandsOnly() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    terminal.line("no")
    try terminal.waitFor("Has something already happened")
    terminal.line("respond")
    try terminal.waitFor("Which state or territory")
    terminal.line(":review")
    try terminal.waitFor("Your answers so far")
    terminal.line("Texas")
    try terminal.waitFor("What is the tension about?")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
    let folder = home.url.appendingPathComponent("state/crs-intake")
    let history = folder.appendingPathComponent("history")
    let text = try String(contentsOf: history, encoding: .utf8)
    #expect(text.contains(":review"))
    #expect(!text.contains("Texas"))
    #expect(!text.contains("respond"))
    let fileMode = try FileManager.default.attributesOfItem(atPath: history.path)[.posixPermissions] as? Int
    let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
    #expect(fileMode == 0o600)
    #expect(folderMode == 0o700)
  }

  @Test("Invalid UTF-8 and control characters are refused with a message, never echoed")
  func invalidInput() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    try terminal.waitFor("> ")
    var bytes: [UInt8] = [0x61, 0xFF, 0xFE, 0x0D]
    _ = write(terminal.primary, &bytes, bytes.count)
    try terminal.waitFor("could not be read as text (invalid UTF-8)")
    terminal.line("no")
    try terminal.waitFor("Has something already happened")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("Ctrl-C at a contact prompt asks first, Enter goes on; :restart asks before clearing; :quit says how to resume")
  func commandsThatAsk() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal(["--lang", "en"], home: home.url)
    try terminal.answerQuestions(Self.englishAnswers, until: "═══ Your result ═══")
    try terminal.waitFor("Your name (optional):")
    try terminal.waitFor("> ")
    terminal.press(.controlC)
    try terminal.waitFor("Do you want to stop without saving the draft request?")
    try terminal.waitFor("> ")
    terminal.press(.enter)
    try terminal.waitFor("Your name (optional):")
    try terminal.waitFor("> ")
    terminal.line(":quit")
    try terminal.waitFor("The draft was not saved.")
    #expect(try terminal.waitForExit() == 0)

    let again = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try again.waitFor("Is anyone in danger right now?")
    try again.waitFor("> ")
    again.line("no")
    try again.waitFor("> ")
    again.line(":restart")
    try again.waitFor("Start again and clear the answers given so far (1)?")
    try again.waitFor("> ")
    again.press(.enter)
    try again.waitFor("Has something already happened")
    try again.waitFor("> ")
    again.line(":quit")
    try again.waitFor("To continue later, run:")
    try again.waitFor("crs-intake --resume")
    #expect(try again.waitForExit() == 0)
  }

  @Test(
    "On a terminal, bold questions and an accent colour; none with NO_COLOR or TERM=dumb",
    arguments: [
      ([String: String](), true), (["NO_COLOR": "1"], false), (["TERM": "dumb"], false),
    ])
  func styles(environment: [String: String], styled: Bool) throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en", "--no-save"], environment: environment, home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    try terminal.waitFor("> ")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
    let raw = String(decoding: terminal.output, as: UTF8.self)
    #expect(raw.contains("\u{1B}[1mIs anyone in danger right now?\u{1B}[0m") == styled)
    #expect(raw.contains("\u{1B}[36m") == styled)
  }
}
