import IntakeCore
import IntakeLoading

/// A `Conversation` on the shipped data, with the events it produced so far.
public struct InterviewSession {
  /// The conversation being driven.
  public var conversation: Conversation
  /// Every event the conversation produced so far.
  public private(set) var events: [InterviewEvent] = []
  /// The question events, in order (a question asked again appears again).
  public var questions: [InterviewEvent] { events.filter { $0.questionPrompt != nil } }
  /// The prompts of `questions`.
  public var prompts: [String] { questions.compactMap(\.questionPrompt) }
  /// The progress line of each question the first time it was shown.
  public var progressLines: [String] {
    var seen: [String] = []
    var lines: [String] = []
    for event in questions {
      guard let prompt = event.questionPrompt, let progress = event.questionProgress, !seen.contains(prompt) else { continue }
      seen.append(prompt)
      lines.append(progress)
    }
    return lines
  }
  /// The question asked last.
  public var lastQuestion: InterviewEvent? { questions.last }
  /// The last outcome shown.
  public var outcome: String? { events.lazy.compactMap(\.shownOutcome).last }

  /// A conversation on the shipped rules and texts, not yet started.
  public init(_ language: Language, bilingual: Bool = false, offersDraft: Bool = false, readsNarratives: Bool = false) throws {
    conversation = Conversation(
      book: try ShippedData.book(), catalog: ShippedData.loaded.catalog, language: language, bilingual: bilingual,
      narrativeReader: readsNarratives ? ShippedData.loaded.narrativeReader() : nil)
    conversation.offersDraft = offersDraft
  }

  /// Starts the conversation; returns the events of the start.
  @discardableResult
  public mutating func start() -> [InterviewEvent] {
    let new = conversation.start()
    events += new
    return new
  }

  /// Types `line`; returns the events it caused.
  @discardableResult
  public mutating func say(_ line: String) -> [InterviewEvent] {
    let new = conversation.handle(line)
    events += new
    return new
  }

  /// Answers each question asked from `answers` (by question id) until the question `stop`
  /// is asked or the interview ends. Returns the ids of the questions answered.
  @discardableResult
  public mutating func answer(_ answers: [String: String], until stop: String? = nil) throws -> [String] {
    var asked: [String] = []
    for _ in 0..<60 {
      guard let id = conversation.currentQuestion?.id else { return asked }
      if id == stop { return asked }
      guard let answer = answers[id] else { throw TestSetupError("question '\(id)' was asked, and the test has no answer for it") }
      asked.append(id)
      say(answer)
      if conversation.currentQuestion?.id == id, case .asking = conversation.phase {
        throw TestSetupError("the answer '\(answer)' to '\(id)' was not accepted: \(events.suffix(2))")
      }
    }
    throw TestSetupError("the interview did not end after 60 answers")
  }

  /// An answer for every question, as a user would type it.
  public static func defaults(_ language: Language) -> [String: String] {
    switch language {
    case .en:
      return [
        "immediate_danger": "no", "request_goal": "respond", "state": "Washington", "bases": "race",
        "incident_types": "police use of force", "incident_days_ago": "3", "violence": "no", "law_enforcement_involved": "yes",
        "longstanding_mistrust": "yes", "settings": "neighborhood", "planned_event": "no", "event_in_days": "10",
        "requester_role": "community leader", "wants": "dialogue", "parties_willing_to_meet": "unsure",
        "leaders_committed": "yes", "city": "Seattle",
      ]
    case .vi:
      return [
        "immediate_danger": "không", "request_goal": "ứng phó", "state": "Washington", "bases": "chủng tộc",
        "incident_types": "cảnh sát dùng vũ lực", "incident_days_ago": "ba ngày", "violence": "không",
        "law_enforcement_involved": "có", "longstanding_mistrust": "có", "settings": "khu phố", "planned_event": "không",
        "event_in_days": "mười ngày", "requester_role": "lãnh đạo cộng đồng", "wants": "đối thoại",
        "parties_willing_to_meet": "không chắc", "leaders_committed": "có", "city": "Seattle",
      ]
    }
  }

  /// "Question 4 · about 12 left" / "Câu 4 · còn khoảng 12 câu" as (4, 12).
  public static func parseProgress(_ line: String, _ language: Language) -> (Int, Int)? {
    let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    if numbers.count == 1, line == (language == .en ? "Question \(numbers[0]) · almost done" : "Câu \(numbers[0]) · sắp xong") {
      return (numbers[0], 0)
    }
    guard numbers.count == 2 else { return nil }
    let expected =
      language == .en ? "Question \(numbers[0]) · about \(numbers[1]) left" : "Câu \(numbers[0]) · còn khoảng \(numbers[1]) câu"
    return line == expected ? (numbers[0], numbers[1]) : nil
  }
}

extension InterviewEvent {
  /// The text of a `.text` event.
  public var shownText: String? {
    if case .text(let text) = self { return text }
    return nil
  }
  /// The text of a `.problem` event.
  public var shownProblem: String? {
    if case .problem(let text) = self { return text }
    return nil
  }
  /// The text of an `.outcome` event.
  public var shownOutcome: String? {
    if case .outcome(let text) = self { return text }
    return nil
  }
  /// The prompt of a `.question` event.
  public var questionPrompt: String? {
    if case .question(_, let prompt, _, _) = self { return prompt }
    return nil
  }
  /// The progress line of a `.question` event.
  public var questionProgress: String? {
    if case .question(let progress, _, _, _) = self { return progress }
    return nil
  }
  /// The hint of a `.question` event.
  public var questionHint: String? {
    if case .question(_, _, _, let hint) = self { return hint }
    return nil
  }
}
