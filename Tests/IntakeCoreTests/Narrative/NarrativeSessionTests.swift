import Foundation
import IntakeTestSupport
import Testing

/// An interview that starts with the user's own words asks fewer questions than one that
/// does not, on a real pseudo-terminal.
@Suite("Narrative sessions")
struct NarrativeSessionTests {
  /// Answers for every question either session may ask (same situation).
  static let answers: KeyValuePairs<String, String> = [
    "Is anyone in danger right now?": "no",
    "Has something already happened": "respond",
    "Which state or territory": "Texas",
    "What is the tension about?": "religion",
    "Which community or communities": "muslim",
    "What happened?": "threats",
    "How many days ago": "7",
    "Was there violence": "no",
    "Are the police (including": "no",
    "long-standing mistrust": "no",
    "Where is this happening?": "place of worship",
    "Is a march, rally": "no",
    "What is your role?": "faith leader",
    "What kind of help": "training",
    "Are the sides willing": "unsure",
    "Are police and community leaders willing": "yes",
    "Which city or town": "Dallas",
  ]

  /// Runs a session; returns how many questions were asked and the end screen.
  static func session(narrative: String) throws -> (questions: Int, result: String) {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal(["--lang", "en", "--no-save"], home: home.url)
    try terminal.waitFor("in your own words")
    try terminal.waitFor("> ")
    terminal.line(narrative)
    if !narrative.isEmpty {
      let readBack = try terminal.waitFor("> ")
      #expect(readBack.contains("We understood:"), "\(readBack)")
      terminal.line("yes")
    }
    var asked = 0
    while true {
      let (match, text) = try terminal.waitForAny(["> ", "═══ Your result ═══"])
      if match != "> " { break }
      guard let answer = answers.first(where: { text.contains($0.key) })?.value else {
        throw TestSetupError("no scripted answer for:\n\(text)")
      }
      asked += 1
      terminal.line(answer)
    }
    let result = try terminal.waitFor("202-305-2935.")
    try terminal.waitFor("Your name (optional):")
    try terminal.waitFor("> ")
    terminal.press(.controlD)
    _ = try terminal.waitForExit()
    return (asked, result)
  }

  @Test("Starting with a narrative ends with fewer questions and the same recommendation")
  func fewerQuestions() throws {
    let plain = try Self.session(narrative: "")
    let told = try Self.session(
      narrative: "Our mosque in Dallas, Texas received threatening letters last week. Nobody was hurt, and we would like training.")
    #expect(told.questions < plain.questions, "with a narrative: \(told.questions) questions; without: \(plain.questions)")
    #expect(told.result.contains("Protecting Places of Worship Forum"))
    #expect(plain.result.contains("Protecting Places of Worship Forum"))
    #expect(told.result.contains("Dallas Regional Office"))
  }
}
