import Foundation
import FuzzSupport
import IntakeCore
import IntakeLoading
import IntakeSessions

/// One input as a saved session file, read as `--resume` and `sessions show` read it:
/// `SessionRecord.decode`, then a conversation with the shipped data restores its answers,
/// history, skipped questions, narrative, notes and contact, starts, reviews the answers,
/// shows the outcome and the draft. A record that was read must also survive being saved
/// and read again (the program saves it after every answer).
enum SessionTarget {
  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard case .success(let record) = SessionRecord.decode(Data(buffer: bytes)) else { return }
    guard case .success = SessionRecord.decode(record.json()) else {
      fatalError("a session read from a file cannot be read back once saved: \(record.id)")
    }
    let book = ShippedData.book
    let catalog = ShippedData.loaded.catalog
    _ = SessionStore.isValidID(record.id)
    var conversation = Conversation(book: book, catalog: catalog, language: record.language, narrativeReader: ShippedData.narrativeReader)
    conversation.offersDraft = true
    conversation.savesSession = true
    conversation.reference = record.reference
    _ = conversation.restore(
      answers: record.answers, history: record.history, skipped: Set(record.skipped), narrative: record.narrative, notes: record.notes,
      contact: record.contact)
    _ = conversation.wording.text("sessions.resumed", ["id": record.id, "count": String(conversation.answers.count)])
    _ = conversation.start()
    _ = conversation.review()
    _ = OutcomeText(book: book, wording: conversation.wording).render(conversation.currentOutcome())
    _ = DraftMarkdown(book: book, catalog: catalog).render(conversation.draft(), languages: [.vi, .en])
    // The next line typed after resuming.
    _ = conversation.handle("1")
  }
}
