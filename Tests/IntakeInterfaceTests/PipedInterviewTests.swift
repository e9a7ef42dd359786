import Foundation
import IntakeCore
import IntakeInterface
import IntakeTestSupport
import Testing

/// The built binary with standard input piped (not a terminal): plain lines in, plain text
/// out, and the `--answers FILE` script mode.
@Suite("Interview from a pipe")
struct PipedInterviewTests {
  @Test("A full session from a pipe: each line answers one question, the output is plain text, exit 0")
  func fullSession() async throws {
    let lines = InterviewAnswers.english
    let result = try await CLI.run(["--lang", "en"], stdin: InterviewAnswers.typed(lines))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(!result.stdout.contains("\u{1b}"), "escape codes in piped output")
    #expect(result.stderr.isEmpty)
    // Exactly what the conversation says for these lines, one prompt per line read (a pipe
    // does not echo what was typed): Enter at the invitation to describe the situation, the
    // answers, then the end of input at the first contact field after the result.
    let steps = [""].map(InterviewTranscript.Step.line) + lines.map(InterviewTranscript.Step.line) + [.endOfInput]
    let expected = try InterviewTranscript.run(.en, steps, echo: false, asTerminal: true)
    if let difference = TranscriptSnapshot.firstDifference(expected: expected.text, actual: result.stdout) {
      Issue.record("piped output differs from the conversation at \(difference)")
    }
    #expect(result.stdout.contains("Is anyone in danger right now?"))
    #expect(result.stdout.contains("Sorry, we did not understand 'purple'."))
    #expect(result.stdout.contains("═══ Your result ═══"))
    #expect(result.stdout.contains("Seattle Regional Office"))
    #expect(result.stdout.contains("CRS was restructured in 2025"))
  }

  @Test("End of input quits with exit 0, mid-interview or before the first answer")
  func endOfInput() async throws {
    let partway = try await CLI.run(["--lang", "en"], stdin: InterviewAnswers.typed(["no", "respond"]))
    #expect(partway.status == 0)
    #expect(
      partway.stdout.hasSuffix(
        "Which state or territory is this in?\n(type the name or the two-letter code, for example Texas or TX; Tab completes)\n> The interview has stopped. Take care.\nYour answers are kept. To continue later, run:\n  crs-intake --resume\n"
      ))
    let empty = try await CLI.run(["--lang", "vi"], stdin: "")
    #expect(empty.status == 0)
    #expect(empty.stdout.contains("xin hãy gọi 911 trước"))
    #expect(empty.stdout.hasSuffix("> Đã dừng phần hỏi đáp. Kính chúc quý vị bình an.\n"))
    #expect(!empty.stdout.contains("\u{1b}"))
  }

  // MARK: --answers FILE

  /// Vietnamese without diacritics, as a YAML file; a list for a question with several answers.
  static let vietnameseYAML = """
    # Trả lời bằng tiếng Việt không dấu
    immediate_danger: khong
    request_goal: ung pho
    state: washington
    bases: [chung toc, ton giao]
    communities: khong co
    requester_role: lanh dao cong dong
    incident_types: canh sat co hanh vi sai trai
    incident_days_ago: hom qua
    violence: co
    law_enforcement_involved: co
    longstanding_mistrust: khong
    settings: truong hoc
    planned_event: khong
    wants: doi thoai va hoa giai
    parties_willing_to_meet: co
    city: Seattle
    """
  static let vietnameseAnswers = [
    "immediate_danger": "khong", "request_goal": "ung pho", "state": "washington", "bases": "chung toc, ton giao",
    "communities": "khong co", "requester_role": "lanh dao cong dong",
    "incident_types": "canh sat co hanh vi sai trai", "incident_days_ago": "hom qua", "violence": "co",
    "law_enforcement_involved": "co", "longstanding_mistrust": "khong", "settings": "truong hoc", "planned_event": "khong",
    "wants": "doi thoai va hoa giai", "parties_willing_to_meet": "co", "city": "Seattle",
  ]

  /// English, as a JSON file: a number, a boolean and a list among the answers.
  static let englishJSON = """
    {
      "immediate_danger": "no",
      "request_goal": "respond",
      "state": "WA",
      "bases": ["race"],
      "incident_types": "police use of force",
      "incident_days_ago": 3,
      "violence": false,
      "law_enforcement_involved": "yes",
      "longstanding_mistrust": "yes",
      "settings": "neighborhood",
      "planned_event": "no",
      "wants": "dialogue",
      "parties_willing_to_meet": "unsure",
      "city": "Seattle"
    }
    """
  static let englishAnswers = [
    "immediate_danger": "no", "request_goal": "respond", "state": "WA", "bases": "race", "incident_types": "police use of force",
    "incident_days_ago": "3", "violence": "false", "law_enforcement_involved": "yes", "longstanding_mistrust": "yes",
    "settings": "neighborhood", "planned_event": "no", "wants": "dialogue", "parties_willing_to_meet": "unsure", "city": "Seattle",
  ]

  struct AnswersFileCase: Sendable, CustomTestStringConvertible {
    var language: Language
    var name: String
    var contents: String
    /// The same answers by question id, to type them in the interactive session.
    var answers: [String: String]
    var testDescription: String { name + " (" + language.rawValue + ")" }
  }

  @Test(
    "--answers prints the whole outcome as :details shows it after the one-screen summary, and exits 0",
    arguments: [
      AnswersFileCase(language: .vi, name: "answers.yaml", contents: vietnameseYAML, answers: vietnameseAnswers),
      AnswersFileCase(language: .en, name: "answers.json", contents: englishJSON, answers: englishAnswers),
    ])
  func answersFile(_ example: AnswersFileCase) async throws {
    let (language, name, contents, answers) = (example.language, example.name, example.contents, example.answers)
    // The interactive session with the same answers, typed in the order they are asked.
    var session = try InterviewSession(language, offersDraft: true)
    session.start()
    var typed: [String] = []
    var asked: [String] = []
    for _ in 0..<40 {
      guard let id = session.conversation.currentQuestion?.id else { break }
      let answer = try #require(answers[id], "the interview asks '\(id)', which the file does not answer")
      asked.append(id)
      typed.append(answer)
      session.say(answer)
    }
    #expect(Set(asked) == Set(answers.keys), "the file answers exactly the questions the interview asks")
    let outcome = try #require(session.outcome)

    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(name, contents)
    let script = try await CLI.run(["--lang", language.rawValue, "--answers", file.path])
    #expect(script.status == 0, "stderr: \(script.stderr)")
    #expect(script.stderr.isEmpty)
    // Nobody can type :details to a script: it prints the whole outcome, as :details does.
    let book = try ShippedData.book()
    let details = OutcomeText(book: book, wording: session.conversation.wording).render(session.conversation.currentOutcome())
    #expect(script.stdout == EventRenderer(width: 80).outcome(details) + "\n")

    // Typed: the one-screen summary, then :details at the first contact prompt.
    let interactive = try await CLI.run(
      ["--lang", language.rawValue], stdin: InterviewAnswers.typed(typed + [language == .en ? ":details" : ":chi tiết"]))
    #expect(interactive.status == 0)
    #expect(interactive.stdout.contains("\n" + EventRenderer(width: 80).outcome(outcome) + "\n"))
    #expect(interactive.stdout.contains("\n" + script.stdout))
    #expect(
      script.stdout.contains(
        language == .en ? "Seattle Regional Office — 915 Second Avenue" : "Văn phòng Khu vực Seattle — 915 Second Avenue"))
    #expect(script.stdout.contains(language == .en ? "CRS was restructured in 2025" : "CRS đã được tái cơ cấu vào năm 2025"))
  }

  @Test("An answers file with an unknown question or an answer that does not fit exits 65 and says why")
  func badAnswersFile() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "answers.yaml",
      """
      immediate_danger: no
      colour: blue
      violence: purple
      incident_types: police
      incident_days_ago: last century
      """)
    let result = try await CLI.run(["--lang", "en", "--answers", file.path])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    let errors = result.stderrLines
    #expect(errors.count == 4, "\(errors)")
    #expect(
      errors.contains(
        "\(file.path): unknown question 'colour'. Questions: immediate_danger, request_goal, state, bases, communities, incident_types, incident_days_ago, violence, law_enforcement_involved, longstanding_mistrust, settings, planned_event, event_in_days, requester_role, wants, parties_willing_to_meet, leaders_committed, city."
      ))
    #expect(
      errors.contains(
        "\(file.path): the answer 'purple' to 'violence' was not understood: Sorry, we did not understand 'purple'. Type a number from 1 to 2, or the words of a choice (? for help). 1. There was violence or a credible threat of violence; 2. No violence or threat of violence"
      ))
    #expect(
      errors.contains("\(file.path): the answer 'police' to 'incident_types' was not understood: Police use of force / Police misconduct"))
    #expect(
      errors.contains(
        "\(file.path): the answer 'last century' to 'incident_days_ago' was not understood: Sorry, we did not understand 'last century' as a number of days. Type a whole number such as 3, or words such as \"today\", \"yesterday\", \"2 weeks\"."
      ))

    let vietnamese = try await CLI.run(["--lang", "vi", "--answers", file.path])
    #expect(vietnamese.status == 65)
    #expect(vietnamese.stderr.contains("\(file.path): không có câu hỏi 'colour'. Các câu hỏi: immediate_danger, "))
    #expect(
      vietnamese.stderr.contains(
        "\(file.path): không hiểu câu trả lời 'purple' cho câu 'violence': Xin lỗi, chúng tôi chưa hiểu câu 'purple'."))
  }

  // MARK: Languages

  @Test("--bilingual shows every prompt and choice in Vietnamese and English")
  func bilingual() async throws {
    let result = try await CLI.run(["--bilingual", "--lang", "en"], stdin: InterviewAnswers.typed(["khong"]))
    #expect(result.status == 0)
    #expect(result.stdout.contains("• Nếu có ai đang gặp nguy hiểm ngay lúc này, xin hãy gọi 911 trước."))
    #expect(result.stdout.contains("• If anyone is in danger right now, call 911 first."))
    #expect(
      result.stdout.contains(
        """
        Câu 1 · còn khoảng 13 câu / Question 1 · about 13 left
        Có ai đang gặp nguy hiểm ngay lúc này không?
        Is anyone in danger right now?
          1. Có người đang gặp nguy hiểm ngay lúc này / Someone is in danger right now
          2. Hiện không ai gặp nguy hiểm / No one is in danger right now
        (gõ số hoặc chữ của lựa chọn)
        (type a number or a choice)
        """))
    #expect(
      result.stdout.contains(
        "Đã có chuyện xảy ra, hay quý vị muốn ngăn chặn xung đột trước?\nHas something already happened, or do you want to prevent a conflict?"
      ))
    #expect(
      result.stdout.hasSuffix(
        "Đã dừng phần hỏi đáp. Kính chúc quý vị bình an.\nThe interview has stopped. Take care.\n"
          + "Các câu trả lời của quý vị đã được lưu lại. Để tiếp tục sau, xin chạy lệnh:\n  crs-intake --resume\n"
          + "Your answers are kept. To continue later, run:\n  crs-intake --resume\n"))
  }

  @Test("--lang auto follows LANG: Vietnamese for vi_VN.UTF-8, English for en_US.UTF-8")
  func languageFromEnvironment() async throws {
    let vietnamese = try await CLI.run(
      ["--lang", "auto"], stdin: InterviewAnswers.typed([]), environment: ["LC_ALL": "", "LANG": "vi_VN.UTF-8"])
    #expect(vietnamese.status == 0)
    #expect(vietnamese.stdout.contains("Sở Quan Hệ Cộng Đồng (CRS)"))
    #expect(vietnamese.stdout.contains("Câu 1 · còn khoảng 13 câu"))
    #expect(!vietnamese.stdout.contains("Is anyone in danger right now?"))

    let english = try await CLI.run(
      ["--lang", "auto"], stdin: InterviewAnswers.typed([]), environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"])
    #expect(english.status == 0)
    #expect(english.stdout.contains("Question 1 · about 13 left"))
    #expect(!english.stdout.contains("Có ai đang gặp nguy hiểm"))

    // Without --lang the same: auto is the default.
    let byDefault = try await CLI.run([], stdin: InterviewAnswers.typed([]), environment: ["LC_ALL": "", "LANG": "vi_VN.UTF-8"])
    #expect(byDefault.stdout.contains("Có ai đang gặp nguy hiểm ngay lúc này không?"))
  }
}
