import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// The interview as a state machine, driven with typed lines and the shipped rules and
/// texts: what a user reads after each line, in English, in Vietnamese and in both.
@Suite("Conversation")
struct ConversationTests {
  // MARK: Safety screen and progress

  @Test("The safety screen comes first in English: 911, not law enforcement, free, voluntary and confidential")
  func safetyScreenEnglish() throws {
    var session = try InterviewSession(.en)
    let events = session.start()
    #expect(events.count == 2)
    let safety = try #require(events.first?.shownText)
    #expect(safety.hasPrefix("Community Relations Service (CRS), U.S. Department of Justice"))
    #expect(safety.contains("• If anyone is in danger right now, call 911 first."))
    #expect(safety.contains("• CRS is not a law enforcement or investigative agency"))
    #expect(safety.contains("• CRS services are free, voluntary and confidential."))
    #expect(
      events.last
        == .question(
          progress: "Question 1 · about 13 left", prompt: "Is anyone in danger right now?",
          choices: ["1. Someone is in danger right now", "2. No one is in danger right now"],
          hint: "(type a number or a choice)"))
  }

  @Test("The safety screen comes first in Vietnamese")
  func safetyScreenVietnamese() throws {
    var session = try InterviewSession(.vi)
    let events = session.start()
    #expect(events.count == 2)
    let safety = try #require(events.first?.shownText)
    #expect(safety.hasPrefix("Sở Quan Hệ Cộng Đồng (CRS), Bộ Tư Pháp Hoa Kỳ"))
    #expect(safety.contains("• Nếu có ai đang gặp nguy hiểm ngay lúc này, xin hãy gọi 911 trước."))
    #expect(
      safety.contains(
        "• CRS không phải là cơ quan chấp pháp hay cơ quan điều tra: CRS không điều tra, không truy tố và không thiên vị bên nào."))
    #expect(safety.contains("• Các dịch vụ của CRS đều miễn phí, tự nguyện và được bảo mật."))
    #expect(
      events.last
        == .question(
          progress: "Câu 1 · còn khoảng 13 câu", prompt: "Có ai đang gặp nguy hiểm ngay lúc này không?",
          choices: ["1. Có người đang gặp nguy hiểm ngay lúc này", "2. Hiện không ai gặp nguy hiểm"],
          hint: "(gõ số hoặc chữ của lựa chọn)"))
  }

  @Test(
    "Progress counts the questions answered and estimates those left; the last says 'almost done', never 'about 0 left'",
    arguments: Language.allCases)
  func progress(_ language: Language) throws {
    var session = try InterviewSession(language)
    session.start()
    let asked = try session.answer(InterviewSession.defaults(language))
    let progress = session.progressLines
    #expect(progress.count == asked.count)
    var lastLeft = Int.max
    for (index, line) in progress.enumerated() {
      let (number, left) = try #require(InterviewSession.parseProgress(line, language), "not a progress line: '\(line)'")
      #expect(number == index + 1, "\(line)")
      #expect(left <= lastLeft, "the estimate went up: \(progress)")
      lastLeft = left
    }
    #expect(progress.first == (language == .en ? "Question 1 · about 13 left" : "Câu 1 · còn khoảng 13 câu"))
    #expect(progress.dropFirst().first == (language == .en ? "Question 2 · about 12 left" : "Câu 2 · còn khoảng 12 câu"))
    #expect(lastLeft == 0)
    #expect(progress.last == (language == .en ? "Question \(progress.count) · almost done" : "Câu \(progress.count) · sắp xong"))
    #expect(!progress.contains { $0.contains("about 0") || $0.contains("khoảng 0") })
  }

  // MARK: Which questions are asked

  @Test("A question whose ask_if is false is never asked: no 'What happened?' when preventing")
  func askIfFalse() throws {
    var prevent = try InterviewSession(.en)
    prevent.start()
    let asked = try prevent.answer(InterviewSession.defaults(.en).merging(["request_goal": "prevent"]) { $1 })
    #expect(!asked.contains("incident_types"))
    #expect(!asked.contains("incident_days_ago"))
    #expect(!prevent.prompts.contains("What happened? Choose all that apply."))
    #expect(prevent.conversation.phase == .finished(.completed))

    // The same answers with "respond" do ask them.
    var respond = try InterviewSession(.en)
    respond.start()
    let respondAsked = try respond.answer(InterviewSession.defaults(.en).merging(["request_goal": "respond"]) { $1 })
    #expect(respondAsked.contains("incident_types"))
    #expect(respondAsked.contains("incident_days_ago"))
  }

  @Test("Questions that cannot change the outcome are not asked: with someone in danger, no 'in how many days'")
  func cannotChangeOutcome() throws {
    // Urgency is the only thing the days until a planned event decide; "someone is in
    // danger" already makes it an emergency, so that day count is not asked. Safe, a
    // dispute weeks old leaves urgency open, and the days until the event decide it.
    let overrides = [
      "request_goal": "respond", "incident_types": "dispute", "incident_days_ago": "40", "violence": "no", "planned_event": "yes",
    ]
    var danger = try InterviewSession(.en)
    danger.start()
    let asked = try danger.answer(InterviewSession.defaults(.en).merging(overrides.merging(["immediate_danger": "yes"]) { $1 }) { $1 })
    #expect(asked.contains("incident_types"))
    #expect(asked.contains("planned_event"))
    #expect(!asked.contains("event_in_days"))
    let outcome = try #require(danger.outcome)
    #expect(outcome.contains("Urgency: Emergency: someone is in danger now"))
    // The end screen opens with 911.
    #expect(outcome.hasPrefix("Someone is in danger right now: call 911 first."))

    var safe = try InterviewSession(.en)
    safe.start()
    let safeAsked = try safe.answer(InterviewSession.defaults(.en).merging(overrides.merging(["immediate_danger": "no"]) { $1 }) { $1 })
    #expect(safeAsked.contains("event_in_days"))
  }

  // MARK: Wrong answers

  @Test("A wrong answer gets one problem quoting it, then the same question")
  func wrongAnswerEnglish() throws {
    var session = try InterviewSession(.en)
    let question = try #require(session.start().last)
    #expect(
      session.say("purple")
        == [.problem("Sorry, we did not understand 'purple'. Type a number from 1 to 2, or the words of a choice (? for help)."), question])
    #expect(
      session.say("7")
        == [.problem("Sorry, we did not understand '7'. Type a number from 1 to 2, or the words of a choice (? for help)."), question])
    #expect(session.say("") == [.problem("Please type an answer, or :skip to skip this question."), question])
    #expect(session.conversation.answers.isEmpty)
  }

  @Test("A wrong answer in Vietnamese, in a list and in a number of days")
  func wrongAnswerVietnamese() throws {
    var session = try InterviewSession(.vi)
    let question = try #require(session.start().last)
    #expect(
      session.say("tím")
        == [
          .problem("Xin lỗi, chúng tôi chưa hiểu câu 'tím'. Xin gõ một số từ 1 đến 2, hoặc chữ của lựa chọn (gõ ? để xem hướng dẫn)."),
          question,
        ])
    try session.answer(InterviewSession.defaults(.vi), until: "bases")
    let bases = try #require(session.lastQuestion)
    #expect(
      session.say("chủng tộc, tím")
        == [
          .problem("Xin lỗi, chúng tôi chưa hiểu câu 'tím'. Xin gõ một hoặc nhiều số từ 1 đến 10 (ví dụ 1,3), hoặc chữ của các lựa chọn."),
          bases,
        ])
    try session.answer(InterviewSession.defaults(.vi), until: "incident_days_ago")
    let days = try #require(session.lastQuestion)
    #expect(
      session.say("-1")
        == [
          .problem(
            "Xin lỗi, chúng tôi chưa hiểu '-1' là bao nhiêu ngày. Xin gõ một số nguyên như 3, hoặc các chữ như \"hôm nay\", \"hôm qua\", \"2 tuần\"."
          ), days,
        ])
  }

  @Test("Answers are understood in the other language than the session's")
  func otherLanguageAnswers() throws {
    var english = try InterviewSession(.en)
    english.start()
    english.say("không")
    #expect(english.conversation.answers["immediate_danger"] == .bool(false))
    english.say("ứng phó")
    #expect(english.conversation.answers["request_goal"] == .choice("respond"))
    #expect(english.prompts.last == "Which state or territory is this in?")

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    vietnamese.say("no")
    vietnamese.say("prevent")
    #expect(vietnamese.conversation.answers["immediate_danger"] == .bool(false))
    #expect(vietnamese.conversation.answers["request_goal"] == .choice("prevent"))
    #expect(vietnamese.prompts.last == "Chuyện này xảy ra ở tiểu bang hoặc lãnh thổ nào?")
  }

  // MARK: Commands

  @Test("A bare word that is also a choice is an answer; ':word' is always a command")
  func bareWordsAndCommands() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en), until: "state")
    // "vi" is the code of the U.S. Virgin Islands: at the state question it is an answer.
    let answered = session.say("vi")
    #expect(session.conversation.answers["state"] == .choice("VI"))
    #expect(answered.last?.questionPrompt == "What is the tension about? Choose all that apply.")
    #expect(!answered.contains(.text("Đã chuyển sang tiếng Việt.")))

    // ":vi" is the language command, even where "vi" is a choice.
    session.say(":back")
    #expect(session.conversation.currentQuestion?.id == "state")
    let switched = session.say(":vi")
    #expect(switched.first == .text("Đã chuyển sang tiếng Việt."))
    #expect(switched.last?.questionPrompt == "Chuyện này xảy ra ở tiểu bang hoặc lãnh thổ nào?")
    #expect(session.conversation.language == .vi)

    // Where "vi" is not a choice, the bare word switches the language too.
    var other = try InterviewSession(.en)
    other.start()
    let bare = other.say("vi")
    #expect(bare.first == .text("Đã chuyển sang tiếng Việt."))
    #expect(bare.last?.questionPrompt == "Có ai đang gặp nguy hiểm ngay lúc này không?")
    #expect(other.conversation.answers.isEmpty)
  }

  @Test("Bare command words in both languages work where they are not a choice")
  func bareCommandWords() throws {
    var session = try InterviewSession(.en)
    let first = try #require(session.start().last)
    #expect(session.say("back") == [.text("This is the first question; there is nothing before it."), first])
    session.say("no")
    // Bare "back" and Vietnamese "quay lại" go to the previous question, keeping the answer.
    let back = session.say("quay lại")
    #expect(back.last?.questionPrompt == "Is anyone in danger right now?")
    #expect(
      back.last?.questionHint == "Current answer: No one is in danger right now — press Enter to keep it. (type a number or a choice)")
    session.say("")
    #expect(session.prompts.last == "Has something already happened, or do you want to prevent a conflict?")
    let unknown = session.say(":purple")
    #expect(unknown.count == 2)
    #expect(unknown.first?.shownProblem?.hasPrefix("Sorry, ':purple' is not a command. Commands: :help, :back, :review, :edit") == true)
    #expect(unknown.last?.questionPrompt == "Has something already happened, or do you want to prevent a conflict?")
  }

  @Test("? shows the question's help and the commands, then the same question")
  func help() throws {
    var session = try InterviewSession(.en)
    let question = try #require(session.start().last)
    let help = session.say("?")
    #expect(help.count == 2)
    let text = try #require(help.first?.shownText)
    #expect(
      text.hasPrefix("If anyone is in danger right now, stop and call 911. CRS is not an emergency service or a law enforcement agency."))
    #expect(text.contains("Commands (type them at any question): ? help · :back previous question"))
    #expect(help.last == question)
    #expect(session.say(":help") == help)

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    let giup = vietnamese.say("giúp")
    #expect(giup.first?.shownText?.hasPrefix("Nếu có người đang gặp nguy hiểm, xin ngừng lại và gọi 911 ngay.") == true)
    #expect(giup.first?.shownText?.contains("Các lệnh (gõ ở bất kỳ câu hỏi nào)") == true)
  }

  @Test(":why lists what the answer can still change; a question that changes nothing says so")
  func why() throws {
    var session = try InterviewSession(.en)
    let question = try #require(session.start().last)
    #expect(
      session.say(":why")
        == [
          .text("Your answer can still change:\n  • Emergency: call 911\n  • Emergency: call the local emergency number\n  • Urgency"),
          question,
        ])
    try session.answer(InterviewSession.defaults(.en), until: "city")
    let city = try #require(session.lastQuestion)
    #expect(
      session.say(":why")
        == [
          .text("This question does not change the recommendation; it helps the CRS office understand your request. You may skip it."),
          city,
        ])

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    let why = vietnamese.say(":tại sao")
    #expect(why.first?.shownText?.hasPrefix("Câu trả lời của quý vị còn có thể thay đổi:\n  • ") == true)
    #expect(why.first?.shownText?.contains("Mức độ khẩn cấp") == true)
  }

  @Test(":why never says a question changes nothing while the engine lists its fact as missing, at any question of many sessions")
  func whyAgreesWithMissing() throws {
    let book = try ShippedData.book()
    let always = ShippedData.loaded.catalog.text("interview.why-always", .en)
    var checked = 0
    // The default answers, and variants that take other paths through the questions.
    let variants: [[String: String]] = [
      [:], ["request_goal": "prevent"], ["bases": "religion", "settings": "place of worship"], ["planned_event": "yes"],
      ["bases": "not sure"], ["state": "Texas", "settings": "school"], ["law_enforcement_involved": "no", "violence": "yes"],
    ]
    for variant in variants {
      var session = try InterviewSession(.en)
      session.start()
      let answers = InterviewSession.defaults(.en).merging(variant) { $1 }
      for _ in 0..<30 {
        guard let question = session.conversation.currentQuestion, let answer = answers[question.id] else { break }
        let said = try #require(session.say(":why").first?.shownText)
        if said == always {
          var others = session.conversation.answers
          others[question.fact] = nil
          guard case .success(let table) = book.table(for: others) else { continue }
          let evaluator = Evaluator(book: book)
          evaluator.evaluate(table)
          let missing = evaluator.outcome(catalog: ShippedData.loaded.catalog, language: .en).missing
          #expect(!missing.contains(question.fact), "':why' at \(question.id) says it changes nothing, but the engine lists it as missing")
        }
        checked += 1
        session.say(answer)
      }
    }
    #expect(checked > 50)
  }

  @Test(":why-not mediation explains in words which answer rules it out, in either language")
  func whyNot() throws {
    var session = try InterviewSession(.en)
    session.start()
    session.say("no")
    session.say("prevent")
    let state = try #require(session.lastQuestion)
    let events = session.say(":why-not mediation")
    #expect(events.count == 2)
    let text = try #require(events.first?.shownText)
    #expect(text.hasPrefix("Mediation is not recommended yet, because:\n"))
    #expect(
      text.contains("  • it needs Goal of the request: Respond: an incident has happened; your answer: Prevent: nothing has happened yet"))
    #expect(text.contains("  • it depends on questions not answered yet: Sides willing to meet, Help you would like"))
    #expect(events.last == state)
    // The Vietnamese command in an English session gives the same English explanation.
    #expect(session.say(":tại sao không hòa giải") == events)
    #expect(session.say(":tai sao khong hoa giai") == events)

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    vietnamese.say("không")
    vietnamese.say("phòng ngừa")
    let vi = try #require(vietnamese.say(":tại sao không hòa giải").first?.shownText)
    #expect(vi.hasPrefix("Hòa giải chưa được đề xuất, vì:\n"))
    #expect(
      vi.contains(
        "  • dịch vụ này cần Mục đích yêu cầu: Ứng phó: đã có vụ việc xảy ra; câu trả lời của quý vị: Phòng ngừa: chưa có chuyện gì xảy ra")
    )
  }

  @Test(":why-not for a recommended service, an unknown one, and without a name")
  func whyNotOtherCases() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en), until: "city")
    #expect(session.say(":why-not dialogue").first == .text("Facilitated dialogue is already recommended for your situation."))
    // By its short name, or its Vietnamese name in an English session.
    #expect(session.say(":why-not SPCP").first?.shownText?.contains("Strengthening Police and Community Partnerships (SPCP)") == true)
    #expect(
      session.say(":why-not Đối thoại có hướng dẫn viên").first == .text("Facilitated dialogue is already recommended for your situation."))
    let unknown = try #require(session.say(":why-not pizza").first?.shownText)
    #expect(unknown.hasPrefix("'pizza' is not a CRS service. Services: Strengthening Police and Community Partnerships (SPCP); "))
    let which = try #require(session.say(":why-not").first?.shownText)
    #expect(which.hasPrefix("Which service? For example :why-not mediation. Services: "))
  }

  @Test(":skip moves on, and :review shows the skipped answer")
  func skip() throws {
    var session = try InterviewSession(.en)
    session.start()
    session.say("no")
    session.say("respond")
    let skipped = session.say(":skip")
    #expect(skipped.first == .text("Skipped. You can come back to it with :back or :review."))
    #expect(skipped.last?.questionPrompt == "What is the tension about? Choose all that apply.")
    #expect(skipped.last?.questionProgress == "Question 4 · about 11 left")
    #expect(session.conversation.answers["state"] == nil)
    let review = try #require(session.say(":review").first?.shownText)
    #expect(review.contains("  3. State or territory: (skipped)"))

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    let viSkipped = vietnamese.say(":bỏ qua")
    #expect(viSkipped.first == .text("Đã bỏ qua. Quý vị có thể trở lại câu này bằng :quay lại hoặc :xem lại."))
    #expect(viSkipped.last?.questionPrompt == "Đã có chuyện xảy ra, hay quý vị muốn ngăn chặn xung đột trước?")
  }

  @Test(":review lists the answers so far, numbered for :edit")
  func review() throws {
    var session = try InterviewSession(.en)
    let first = try #require(session.start().last)
    #expect(session.say(":review") == [.text("You have not answered any question yet."), first])
    session.say("no")
    session.say("2")
    session.say("tx")
    let state = try #require(session.lastQuestion)
    #expect(
      session.say(":review")
        == [
          .text(
            """
            Your answers so far (use :edit N to change one):
              1. Danger right now: No one is in danger right now
              2. Goal of the request: Respond: an incident has happened
              3. State or territory: Texas
            """), state,
        ])
    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    vietnamese.say("khong")
    let viReview = try #require(vietnamese.say(":xem lại").first?.shownText)
    #expect(viReview == "Các câu trả lời của quý vị (gõ :sửa N để sửa một câu):\n  1. Nguy hiểm ngay lúc này: Hiện không ai gặp nguy hiểm")
  }

  @Test(":edit N asks that question again with its current answer, then shows what changed")
  func edit() throws {
    var session = try InterviewSession(.en)
    session.start()
    for line in ["no", "prevent", "WA", "religion", "none", "no", "no", "no", "place of worship"] { session.say(line) }
    #expect(session.conversation.currentQuestion?.id == "planned_event")
    let review = try #require(session.say(":review").first?.shownText)
    #expect(review.contains("  9. Where it is happening: Place of worship"))
    let edit = session.say(":edit 9")
    #expect(edit.count == 1)
    #expect(edit.last?.questionPrompt == "Where is this happening? Choose all that apply.")
    #expect(
      edit.last?.questionHint
        == "Current answer: Place of worship — press Enter to keep it. (several allowed: 1,3 or 1 3; \"none\" for none)")
    let changed = session.say("school")
    let changes = try #require(changed.first?.shownText)
    #expect(changes.hasPrefix("What changed in the recommendation:\n"))
    #expect(
      changes.contains("  + now recommended: School-SPIRIT (School-Student Problem Identification and Resolution of Issues Together)"))
    #expect(changes.contains("  − no longer recommended: Protecting Places of Worship Forum"))
    #expect(changed.last?.questionPrompt == "Is a march, rally, demonstration or other large public event planned?")
    #expect(session.conversation.answers["settings"] == .set(["k12_school"]))

    // Enter keeps the answer: nothing changed.
    session.say(":edit 1")
    #expect(session.say("").first == .text("The recommendation did not change."))

    let planned = try #require(session.lastQuestion)
    #expect(session.say(":edit 99") == [.problem("Type :edit and the number of an answer from 1 to 9 (see :review)."), planned])
  }

  @Test(":restart clears the answers and starts again with the safety screen")
  func restart() throws {
    var session = try InterviewSession(.en)
    let opening = session.start()
    session.say("no")
    session.say("respond")
    // It asks first: Enter keeps the answers and asks the same question again.
    let question = try #require(session.lastQuestion)
    #expect(
      session.say(":restart") == [
        .text("Start again and clear the answers given so far (2)? Type yes to start again, or press Enter to keep them.")
      ])
    #expect(session.say("") == [question])
    #expect(session.conversation.answers.count == 2)
    session.say(":restart")
    let restarted = session.say("yes")
    #expect(restarted == [.text("Starting again. Your previous answers were cleared.")] + opening)
    #expect(session.conversation.answers.isEmpty)
    #expect(session.conversation.history.isEmpty)

    var vietnamese = try InterviewSession(.vi)
    let viOpening = vietnamese.start()
    vietnamese.say("không")
    #expect(
      vietnamese.say(":bắt đầu lại") == [
        .text("Quý vị có muốn bắt đầu lại và xóa các câu trả lời đã có (1 câu) không? Gõ có để bắt đầu lại, hoặc nhấn Enter để giữ lại.")
      ])
    #expect(vietnamese.say("có") == [.text("Bắt đầu lại. Các câu trả lời trước đã được xóa.")] + viOpening)
  }

  @Test(":vi and :en show the current question again in the other language")
  func switchLanguage() throws {
    var session = try InterviewSession(.en)
    session.start()
    session.say("no")
    let english = try #require(session.lastQuestion)
    #expect(
      session.say(":vi")
        == [
          .text("Đã chuyển sang tiếng Việt."),
          .question(
            progress: "Câu 2 · còn khoảng 12 câu", prompt: "Đã có chuyện xảy ra, hay quý vị muốn ngăn chặn xung đột trước?",
            choices: ["1. Phòng ngừa: chưa có chuyện gì xảy ra", "2. Ứng phó: đã có vụ việc xảy ra"],
            hint: "(gõ số hoặc chữ của lựa chọn)"),
        ])
    #expect(session.say(":en") == [.text("Now in English."), english])
    session.say(":tiếng việt")
    #expect(session.conversation.language == .vi)
    #expect(session.say(":tiếng anh") == [.text("Now in English."), english])
    #expect(session.conversation.answers["immediate_danger"] == .bool(false))
  }

  // MARK: Ctrl-C, Ctrl-D

  @Test("Ctrl-C then yes stops the interview; Ctrl-C then Enter asks the same question again")
  func interrupt() throws {
    var session = try InterviewSession(.en)
    session.start()
    session.say("no")
    let question = try #require(session.lastQuestion)
    #expect(session.conversation.interrupt() == [.text("Do you want to stop the interview? Type yes to quit, or press Enter to continue.")])
    #expect(session.say("") == [question])
    #expect(session.conversation.answers["immediate_danger"] == .bool(false))
    _ = session.conversation.interrupt()
    #expect(session.say("yes") == [.text("The interview has stopped. Take care."), .finished(.interrupted)])
    #expect(session.conversation.phase == .finished(.interrupted))
    #expect(session.say("respond") == [])

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    #expect(
      vietnamese.conversation.interrupt()
        == [.text("Quý vị có muốn dừng lại không? Gõ có để thoát, hoặc nhấn Enter để tiếp tục.")])
    #expect(vietnamese.say("có") == [.text("Đã dừng phần hỏi đáp. Kính chúc quý vị bình an."), .finished(.interrupted)])
  }

  @Test("End of input (Ctrl-D) quits")
  func endOfInput() throws {
    var session = try InterviewSession(.en)
    session.start()
    session.say("no")
    #expect(session.conversation.endOfInput() == [.text("The interview has stopped. Take care."), .finished(.quit)])
    #expect(session.conversation.phase == .finished(.quit))
    #expect(session.say("respond") == [])
    #expect(session.conversation.endOfInput() == [])

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    #expect(vietnamese.conversation.endOfInput() == [.text("Đã dừng phần hỏi đáp. Kính chúc quý vị bình an."), .finished(.quit)])
  }

  // MARK: Ambiguous answers

  @Test("An ambiguous answer asks which one; a number picks it")
  func ambiguous() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en), until: "incident_types")
    #expect(
      session.say("police") == [.text("'police' could mean more than one choice. Which one?\n1. Police use of force\n2. Police misconduct")]
    )
    let picked = session.say("2")
    #expect(session.conversation.answers["incident_types"] == .set(["police_misconduct"]))
    #expect(picked.last?.questionPrompt == "How many days ago did it happen? (0 = today)")
  }

  @Test("An ambiguous item in a list keeps the other items; a label also picks")
  func ambiguousInList() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en), until: "incident_types")
    let asked = session.say("hate crime, police")
    #expect(
      asked == [.text("'hate crime, police' could mean more than one choice. Which one?\n1. Police use of force\n2. Police misconduct")])
    session.say("1")
    #expect(session.conversation.answers["incident_types"] == .set(["police_use_of_force", "hate_crime"]))

    var vietnamese = try InterviewSession(.vi)
    vietnamese.start()
    try vietnamese.answer(InterviewSession.defaults(.vi), until: "settings")
    #expect(
      vietnamese.say("trường")
        == [
          .text(
            "'trường' có thể là nhiều lựa chọn. Ý quý vị là lựa chọn nào?\n1. Trường học (mẫu giáo đến lớp 12)\n2. Trường cao đẳng hoặc đại học"
          )
        ])
    vietnamese.say("truong cao dang hoac dai hoc")
    #expect(vietnamese.conversation.answers["settings"] == .set(["college_campus"]))
  }

  // MARK: The end

  @Test("A complete session ends with the outcome, the office and the 2025 restructuring note")
  func completeEnglish() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en))
    let events = session.events
    #expect(events.last == .finished(.completed))
    let outcome = try #require(events.dropLast().last?.shownOutcome)
    #expect(outcome.hasPrefix("═══ Your result ═══"))
    #expect(outcome.contains("Jurisdiction: Within CRS jurisdiction"))
    // Three days after a police incident, CRS first convenes a dialogue; SPCP comes after.
    #expect(outcome.contains("Best fit: Facilitated dialogue\n   Why: "))
    #expect(outcome.contains("Also fits: Strengthening Police and Community Partnerships (SPCP)"))
    #expect(outcome.contains("Your CRS office:\n   Seattle Regional Office — phone 206-220-6700 — askcrs@usdoj.gov"))
    #expect(outcome.contains("CRS was restructured in 2025: please confirm."))
    #expect(outcome.hasSuffix("Type :details for more: each service, what else could fit, and why."))
    #expect(session.conversation.isFinished)
  }

  @Test(":details shows every service with its reasons, referrals and the office address, then asks again; also at the contact prompts")
  func details() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en), until: "city")
    let question = try #require(session.lastQuestion)
    let events = session.say(":details")
    #expect(events.count == 2 && events.last == question)
    let details = try #require(events.first?.shownOutcome)
    #expect(details.contains("1. Facilitated dialogue\n   A conversation led by a CRS specialist"))
    #expect(details.contains("2. Strengthening Police and Community Partnerships (SPCP)"))
    #expect(details.contains("Seattle Regional Office — 915 Second Avenue"))
    #expect(details.contains("Please confirm these details before relying on them."))

    var drafting = try InterviewSession(.vi, offersDraft: true)
    drafting.start()
    try drafting.answer(InterviewSession.defaults(.vi))
    let name = try #require(drafting.lastQuestion)
    let shown = drafting.say(":chi tiết")
    #expect(shown.last == name)
    #expect(shown.first?.shownOutcome?.contains("Văn phòng Khu vực Seattle — 915 Second Avenue") == true)
    // Without the colon it is a name like any other.
    drafting.say("Chi Tiết")
    #expect(drafting.conversation.contact["name"] == "Chi Tiết")
  }

  @Test("A likely typo in the email or phone is asked about, never refused: yes takes the fix, Enter keeps what was typed")
  func contactChecks() throws {
    var session = try InterviewSession(.en, offersDraft: true)
    session.start()
    try session.answer(InterviewSession.defaults(.en))
    session.say("Lan Nguyen")
    session.say("")
    session.say("")
    #expect(
      session.say("lan.nguyen@gmial.com")
        == [
          .question(
            progress: "",
            prompt:
              "Did you mean lan.nguyen@gmail.com? Type yes to use it, press Enter to keep 'lan.nguyen@gmial.com' as typed, or type the address again.",
            choices: [], hint: "")
        ])
    session.say("yes")
    #expect(session.conversation.contact["email"] == "lan.nguyen@gmail.com")
    #expect(session.say("713-555-012").first?.questionPrompt?.hasPrefix("'713-555-012' has 9 digits; a U.S. phone number has 10") == true)
    // Enter keeps the number as typed (it may be right); then the offer to save.
    #expect(session.say("").first?.questionPrompt?.hasPrefix("Would you like to save this draft request") == true)
    #expect(session.conversation.contact["phone"] == "713-555-012")

    var vietnamese = try InterviewSession(.vi, offersDraft: true)
    vietnamese.start()
    try vietnamese.answer(InterviewSession.defaults(.vi))
    for _ in 0..<3 { vietnamese.say("") }
    #expect(
      vietnamese.say("lan o gmail").first?.questionPrompt
        == "'lan o gmail' có vẻ không phải là địa chỉ email (ví dụ ten@example.com). Nhấn Enter để giữ nguyên như đã gõ, hoặc gõ lại.")
    // A new try is checked again; a good one goes on.
    vietnamese.say("lan@gmail.com")
    #expect(vietnamese.conversation.contact["email"] == "lan@gmail.com")
    vietnamese.say("+84 90 123 4567")
    #expect(vietnamese.conversation.contact["phone"] == "+84 90 123 4567")
  }

  @Test("After a description is confirmed, the first question asked is question 1")
  func numberingAfterDescription() throws {
    var session = try InterviewSession(.en, readsNarratives: true)
    session.start()
    let readBack = session.say("Someone threw rocks through the windows of our mosque in Houston, Texas yesterday")
    #expect(readBack.last?.questionPrompt?.hasPrefix("We understood:") == true)
    let events = session.say("yes")
    #expect(session.conversation.answers.count >= 3)
    #expect(events.last?.questionProgress?.hasPrefix("Question 1 · ") == true, "\(String(describing: events.last))")
  }

  @Test("Typed input that once broke things: a huge day count is a clear refusal, ':why   not   mediation' is ':why-not mediation'")
  func onceBroken() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en), until: "incident_days_ago")
    let question = try #require(session.lastQuestion)
    for huge in ["2000000000000000000 weeks", "9223372036854775807 years", "99999999999999999999", "500 years"] {
      let events = session.say(huge)
      #expect(events.first?.shownProblem?.hasPrefix("Sorry, we did not understand '\(huge)'") == true, "\(huge): \(events)")
      #expect(events.last == question)
    }
    #expect(session.say(":why   not   mediation") == session.say(":why-not mediation"))
  }

  @Test("A copy of a conversation goes its own way: answering in one never changes the other's outcome")
  func copiesAreIndependent() throws {
    var session = try InterviewSession(.en)
    session.start()
    try session.answer(InterviewSession.defaults(.en), until: "settings")
    let original = session.conversation
    let before = original.currentOutcome()
    var copy = original
    _ = copy.handle("place of worship")
    _ = copy.handle(":why-not mediation")
    _ = copy.handle(":details")
    #expect(copy.answers["settings"] != nil)
    #expect(original.answers["settings"] == nil)
    #expect(original.currentOutcome() == before)
    #expect(copy.currentOutcome() != before)
  }

  @Test("Ctrl-C at a contact prompt asks before dropping the draft; Enter goes on, yes stops")
  func interruptAtContact() throws {
    var session = try InterviewSession(.en, offersDraft: true)
    session.start()
    try session.answer(InterviewSession.defaults(.en))
    let name = try #require(session.lastQuestion)
    #expect(
      session.conversation.interrupt() == [
        .text("Do you want to stop without saving the draft request? Type yes to stop, or press Enter to continue.")
      ])
    #expect(session.say("") == [name])
    _ = session.conversation.interrupt()
    #expect(session.say("yes") == [.text("The draft was not saved."), .finished(.interrupted)])
  }

  @Test("A complete Vietnamese session ends with the outcome in Vietnamese")
  func completeVietnamese() throws {
    var session = try InterviewSession(.vi)
    session.start()
    try session.answer(InterviewSession.defaults(.vi))
    #expect(session.events.last == .finished(.completed))
    let outcome = try #require(session.outcome)
    #expect(outcome.hasPrefix("═══ Kết quả ═══"))
    #expect(outcome.contains("Thẩm quyền: Thuộc thẩm quyền của CRS"))
    #expect(outcome.contains("Văn phòng CRS của quý vị:\n   Văn phòng Khu vực Seattle — điện thoại 206-220-6700"))
    #expect(outcome.contains("CRS đã được tái cơ cấu năm 2025"))
    #expect(outcome.hasSuffix("Gõ :chi tiết để xem thêm: từng dịch vụ, những gì khác có thể phù hợp, lý do."))
  }

  // MARK: Bilingual

  @Test("A bilingual session shows Vietnamese then English, and choices as 'vi / en'")
  func bilingual() throws {
    var session = try InterviewSession(.en, bilingual: true)
    let events = session.start()
    let catalog = ShippedData.loaded.catalog
    #expect(events.first == .text(catalog.text("interview.safety", .vi) + "\n" + catalog.text("interview.safety", .en)))
    #expect(
      events.last
        == .question(
          progress: "Câu 1 · còn khoảng 13 câu / Question 1 · about 13 left",
          prompt: "Có ai đang gặp nguy hiểm ngay lúc này không?\nIs anyone in danger right now?",
          choices: [
            "1. Có người đang gặp nguy hiểm ngay lúc này / Someone is in danger right now",
            "2. Hiện không ai gặp nguy hiểm / No one is in danger right now",
          ],
          hint: "(gõ số hoặc chữ của lựa chọn)\n(type a number or a choice)"))
    let problem = session.say("purple")
    #expect(
      problem.first
        == .problem(
          "Xin lỗi, chúng tôi chưa hiểu câu 'purple'. Xin gõ một số từ 1 đến 2, hoặc chữ của lựa chọn (gõ ? để xem hướng dẫn).\n"
            + "Sorry, we did not understand 'purple'. Type a number from 1 to 2, or the words of a choice (? for help)."))
    // Both languages are accepted.
    session.say("không")
    session.say("respond")
    #expect(session.conversation.answers["request_goal"] == .choice("respond"))
    try session.answer(InterviewSession.defaults(.en))
    let outcome = try #require(session.outcome)
    // A whole block per language, Vietnamese first: labels and texts never mixed.
    let blocks = outcome.components(separatedBy: "\n\n═══ Your result ═══")
    #expect(blocks.count == 2)
    #expect(blocks[0].hasPrefix("═══ Kết quả ═══\n\nThẩm quyền: "))
    #expect(!blocks[0].contains("Jurisdiction") && !blocks[0].contains("Best fit"))
    #expect(blocks[1].hasPrefix("\n\nJurisdiction: "))
    #expect(!blocks[1].contains("Thẩm quyền") && !blocks[1].contains("Phù hợp nhất"))
    // The review: each answer in Vietnamese, then in English under it.
    var reviewing = try InterviewSession(.vi, bilingual: true)
    reviewing.start()
    reviewing.say("không")
    let review = try #require(reviewing.say(":xem lại").first?.shownText)
    #expect(
      review.contains("  1. Nguy hiểm ngay lúc này: Hiện không ai gặp nguy hiểm\n     Danger right now: No one is in danger right now"))
  }
}
