/// After the outcome: the contact fields (with gentle checks of email and phone), stopping
/// without saving, and the offer to save the draft.
extension Conversation {
  func askContact(_ field: Int) -> InterviewEvent {
    let name = DraftRequest.contactFields[field]
    let hint = contact[name].map { wording.label("interview.hint-current", ["answer": SafeText.visible($0)]) } ?? ""
    return .question(progress: "", prompt: wording.text("interview.contact.\(name)"), choices: [], hint: hint)
  }

  mutating func contactField(_ input: String, field: Int) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    // Only a colon makes a command here: a name or a title may be any word.
    if text.hasPrefix(":"), let command = InterviewCommand.parse(text, catalog: wording.catalog) {
      switch command {
      case .quit:
        phase = .finished(.completed)
        return [.text(wording.text("interview.not-saved")), .finished(.completed)]
      case .details:
        return [.outcome(OutcomeText(book: book, wording: wording).render(currentOutcome())), askContact(field)]
      default:
        break
      }
    }
    let name = DraftRequest.contactFields[field]
    if !text.isEmpty {
      let doubt = name == "email" ? ContactCheck.email(text) : name == "phone" ? ContactCheck.phone(text) : nil
      if let doubt {
        // A likely typo is asked about, never refused: Enter keeps what was typed.
        phase = .checkingContact(field: field, typed: text, suggestion: doubt.suggestion)
        let message = wording.text(doubt.key, doubt.arguments.merging(["input": SafeText.visible(text)]) { $1 })
        return [.question(progress: "", prompt: message, choices: [], hint: "")]
      }
      contact[name] = text
    }
    return afterContact(field)
  }

  /// The next contact field, or the offer to save.
  mutating func afterContact(_ field: Int) -> [InterviewEvent] {
    if field + 1 < DraftRequest.contactFields.count {
      phase = .contact(field + 1)
      return [askContact(field + 1)]
    }
    phase = .offeringSave
    return [saveOffer]
  }

  /// After a doubt about an email or phone: Enter keeps what was typed, yes takes the
  /// suggestion, anything else is a new try, checked again.
  mutating func checkContact(_ input: String, field: Int, typed: String, suggestion: String?) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    let name = DraftRequest.contactFields[field]
    if text.isEmpty {
      contact[name] = typed
      return afterContact(field)
    }
    if let suggestion, saysYes(text) {
      contact[name] = suggestion
      return afterContact(field)
    }
    phase = .contact(field)
    return contactField(input, field: field)
  }

  /// After Ctrl-C at a contact field or the offer to save: "yes" (or the quit command) stops
  /// without saving; anything else asks the same thing again.
  mutating func confirmStopDraft(_ input: String, field: Int?) -> [InterviewEvent] {
    if saysYes(input, orQuit: true) {
      phase = .finished(.interrupted)
      return [.text(wording.text("interview.not-saved")), .finished(.interrupted)]
    }
    if let field {
      phase = .contact(field)
      return [askContact(field)]
    }
    phase = .offeringSave
    return [saveOffer]
  }

  var saveOffer: InterviewEvent {
    .question(progress: "", prompt: wording.text("interview.save-offer"), choices: [], hint: "")
  }

  mutating func saveAnswer(_ input: String) -> [InterviewEvent] {
    let text = input.trimmingWhitespace
    if text.hasPrefix(":"), InterviewCommand.parse(text, catalog: wording.catalog) == .details {
      return [.outcome(OutcomeText(book: book, wording: wording).render(currentOutcome())), saveOffer]
    }
    let folded = TextFolding.fold(text)
    let yes = Language.allCases.flatMap { wording.catalog.list("answer.yes", $0) }.map(TextFolding.fold)
    let no = Language.allCases.flatMap { wording.catalog.list("answer.no", $0) }.map(TextFolding.fold)
    if yes.contains(folded) {
      phase = .finished(.completed)
      return [.saveDraft(draft()), .finished(.completed)]
    }
    if no.contains(folded) {
      phase = .finished(.completed)
      return [.text(wording.text("interview.not-saved")), .finished(.completed)]
    }
    return [.problem(wording.text("interview.yes-no")), saveOffer]
  }

  /// The draft request for the answers so far.
}
