/// Danger first: the 911 instruction the moment danger is said, in any phase.
extension Conversation {
  static let dangerFact = "immediate_danger"

  /// Whether answering `fact` with `value` says, for the first time, that someone is in danger now.
  func becomesDangerous(_ fact: String, _ value: FactValue) -> Bool {
    fact == Self.dangerFact && value == .bool(true) && answers[fact] != .bool(true)
  }

  /// The 911 instruction (the local emergency number when the person is abroad), in the
  /// session's language or both.
  func emergencyNotice() -> InterviewEvent {
    .emergency(wording.text(answers["state"] == .choice("outside_us") ? "interview.emergency-abroad" : "interview.emergency"))
  }

  /// Danger said in free text counts at once, without waiting for the read-back: the answer is
  /// recorded (it can still be changed with `edit`) and the 911 instruction comes first.
  mutating func takeDanger(from findings: [NarrativeExtraction.Finding]) -> (notice: [InterviewEvent], rest: [NarrativeExtraction.Finding])
  {
    var rest = findings
    guard let i = findings.firstIndex(where: { $0.fact == Self.dangerFact && $0.value == .bool(true) }) else {
      return ([], findings)
    }
    rest.remove(at: i)
    guard answers[Self.dangerFact] != .bool(true) else { return ([], rest) }
    answers[Self.dangerFact] = .bool(true)
    if let question = questions.first(where: { $0.fact == Self.dangerFact }) {
      skipped.remove(question.id)
      if !history.contains(question.id) { history.append(question.id) }
    }
    return ([emergencyNotice()], rest)
  }

  /// Asks the next question worth asking, or ends with the outcome.
}
