import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// `:save` / `:lưu` writes the draft request as it stands, and the interview goes on.
@Suite("Save command")
struct SaveCommandTests {
  @Test("':save' and ':lưu' emit the draft so far and ask the same question again", arguments: [":save", ":lưu", "save"])
  func save(_ input: String) throws {
    var conversation = Conversation(book: try ShippedData.book(), catalog: ShippedData.loaded.catalog, language: .en)
    _ = conversation.start()
    _ = conversation.handle("no")
    let events = conversation.handle(input)
    guard case .saveDraft(let draft)? = events.first else {
      Issue.record("expected a draft first, got \(events)")
      return
    }
    #expect(draft.request.facts["immediate_danger"] == .bool(false))
    guard case .question(_, let prompt, _, _)? = events.last else {
      Issue.record("expected the question again, got \(events)")
      return
    }
    #expect(prompt == "Has something already happened, or do you want to prevent a conflict?")
    #expect(!conversation.isFinished)
  }
}
