import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// The draft is a letter an office can act on: addressed to it, the requester in the third
/// person, their own description only under "in their own words", the dates that are known, a
/// reference for follow-up in the letter, the JSON and the session, and both languages by
/// default for a Vietnamese session.
@Suite("Draft letter")
struct DraftLetterTests {
  static let input = DraftGoldenTests.folder.appendingPathComponent("Inputs/school-houston.json")

  @Test("`draft --draft-lang both`: Kính gửi … Trân trọng, then Dear … Sincerely, with the incident's date and one reference")
  func bothLanguages() async throws {
    let result = try await CLI.run(["draft", Self.input.path, "--date", "2026-11-25", "--draft-lang", "both"])
    #expect(result.status == 0, "\(result.stderr)")
    let text = result.stdout
    let halves = text.components(separatedBy: "\n\n---\n\n")
    try #require(halves.count == 2)
    #expect(halves[0].hasPrefix("# Yêu cầu hỗ trợ"))
    #expect(halves[0].contains("\nKính gửi Văn phòng Khu vực Dallas,\n"))
    #expect(halves[0].contains("Sự việc xảy ra vào khoảng ngày 2026-11-20, 5 ngày trước ngày gửi yêu cầu này."))
    #expect(halves[0].contains("\nTrân trọng,\n"))
    #expect(halves[1].hasPrefix("# Request for assistance"))
    #expect(halves[1].contains("\nDear Dallas Regional Office,\n"))
    #expect(halves[1].contains("The incident happened on or about 2026-11-20, 5 days before this request."))
    #expect(halves[1].contains("\nSincerely,\n"))
    // Third person: the facts and the reasons speak of the requester, never to them.
    #expect(halves[1].contains("- The requester's role: "))
    #expect(halves[1].contains("Why it fits: The requester asked for a dialogue"))
    #expect(!halves[0].contains("Vai trò của quý vị"))
    // The office is flagged when no CRS source confirms the routing; the rules version is in the footer.
    #expect(halves[1].contains("- **Routing not confirmed:** "))
    #expect(halves[1].hasSuffix("*\n") && halves[1].contains("*Prepared with crs-intake, rules version "))
    let references = text.matches(of: /CRS-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) }
    #expect(references.count == 4 && Set(references).count == 1, "\(references)")

    // The same request keeps its reference, in the JSON too, and read back from it.
    let json = try await CLI.run(["draft", Self.input.path, "--date", "2026-11-25", "--format", "json"])
    #expect(json.stdout.contains("\"reference\" : \"\(references[0])\""))
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let saved = try folder.write("draft.json", json.stdout)
    let again = try await CLI.run(["draft", saved.path, "--date", "2026-11-26", "--draft-lang", "en"])
    #expect(again.stdout.contains(references[0]))
  }

  @Test("Words typed with an answer are notes on that fact in the letter, not the requester's own description")
  func notesAreNotTheDescription() throws {
    var session = try InterviewSession(.vi, offersDraft: true, readsNarratives: true)
    session.start()
    session.say("Chúng tôi rất lo lắng, mong được giúp đỡ")
    #expect(session.conversation.answers.isEmpty)
    var answers = InterviewSession.defaults(.vi)
    answers["violence"] = "có, tụi nó đánh thầy chảy máu"
    answers["requester_role"] = "lãnh đạo tôn giáo"
    try session.answer(answers)
    let draft = session.conversation.draft()
    #expect(draft.request.narrative == "Chúng tôi rất lo lắng, mong được giúp đỡ")
    #expect(draft.request.notes["violence"] == "tụi nó đánh thầy chảy máu")
    let letter = DraftMarkdown(book: try ShippedData.book(), catalog: ShippedData.loaded.catalog).render(draft, languages: [.vi])
    #expect(letter.contains("> Chúng tôi rất lo lắng, mong được giúp đỡ\n\n## "))
    #expect(letter.contains(" — theo lời người yêu cầu: “tụi nó đánh thầy chảy máu”"))
    #expect(!letter.contains("> có, tụi nó"))
  }

  @Test("A Vietnamese session saves its draft in both languages by default; --draft-lang vi keeps one; the session holds the reference")
  func vietnameseSessionDraft() async throws {
    var session = try InterviewSession(.vi, offersDraft: true)
    session.start()
    var typed: [String] = []
    let answers = InterviewSession.defaults(.vi)
    while let id = session.conversation.currentQuestion?.id, let answer = answers[id] {
      typed.append(answer)
      session.say(answer)
    }
    typed += ["Lan Nguyễn", "", "", "", "", "có"]
    for (arguments, bilingual) in [([String](), true), (["--draft-lang", "vi"], false)] {
      let home = try TemporaryFolder()
      defer { home.remove() }
      let result = try await CLI.run(
        ["--lang", "vi", "--out", home.url.path] + arguments, stdin: InterviewAnswers.typed(typed),
        environment: ["CRS_INTAKE_TODAY": "2026-11-25", "XDG_STATE_HOME": home.url.appendingPathComponent("state").path])
      #expect(result.status == 0, "\(result.stderr)")
      let letter = try String(contentsOf: home.url.appendingPathComponent("crs-request-2026-11-25-seattle.md"), encoding: .utf8)
      #expect(letter.hasPrefix("# Yêu cầu hỗ trợ"))
      #expect(letter.contains("Trân trọng,\n\nLan Nguyễn"))
      #expect(letter.contains("Sincerely,\n\nLan Nguyễn") == bilingual)
      let sessions = try FileManager.default.contentsOfDirectory(
        at: home.url.appendingPathComponent("state/crs-intake/sessions"), includingPropertiesForKeys: nil)
      let record = try String(contentsOf: try #require(sessions.first), encoding: .utf8)
      let reference = try #require(letter.firstMatch(of: /CRS-[0-9A-Z]{4}-[0-9A-Z]{4}/)).output
      #expect(record.contains("\"reference\" : \"\(reference)\""))
    }
  }
}
