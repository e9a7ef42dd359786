/// What the conversation says, for a terminal (or a test) to show. Texts are already in the
/// session's language (or both, in a bilingual session).
public enum InterviewEvent: Sendable, Equatable {
  /// A paragraph: the safety screen, help, review, confirmations.
  case text(String)
  /// Someone is in danger right now: call 911 (or the local emergency number abroad). Shown
  /// the moment danger is said, before anything else.
  case emergency(String)
  /// A question to answer: its progress line, prompt and numbered choices.
  case question(progress: String, prompt: String, choices: [String], hint: String)
  /// A wrong answer, quoting it and saying what is accepted. The question is asked again.
  case problem(String)
  /// The end screen.
  case outcome(String)
  /// The user asked to save the draft request: the terminal writes it and says where.
  case saveDraft(DraftRequest)
  /// The interview is over.
  case finished(InterviewEnd)
}

/// How an interview ended; the terminal turns it into an exit code.
public enum InterviewEnd: Sendable, Equatable {
  /// All questions answered (or skipped): the outcome was shown.
  case completed
  /// The user quit (`quit`, or Ctrl-D on an empty line).
  case quit
  /// The user confirmed quitting after Ctrl-C (exit code 130).
  case interrupted
}
