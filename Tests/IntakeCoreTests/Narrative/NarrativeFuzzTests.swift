import Foundation
import IntakeCore
import IntakeFuzzing
import IntakeLoading
import IntakeTestSupport
import Testing

/// Nothing a person types may crash or hang the reader, the answer reader, the interview or a
/// `screen` batch: random texts built from the lexicon's own phrases, numbers, units and
/// punctuation, cut short at every position (the crash of issue 9 was a number and a unit at
/// the very end). Every reading must also be a value its fact can hold.
@Suite("Random input")
struct NarrativeFuzzTests {
  static let reader = ShippedData.loaded.narrativeReader()

  /// Why `value` cannot be a value of `fact`, or nil when it can.
  static func problem(_ fact: String, _ value: FactValue) -> String? {
    guard let definition = ShippedData.loaded.ruleSet.fact(fact) else { return "no fact \(fact)" }
    switch (definition.kind, value) {
    case (.set, .set(let values)): return values.allSatisfy(definition.values.contains) ? nil : "\(fact)=\(values)"
    case (.choice, .choice(let v)): return definition.values.contains(v) ? nil : "\(fact)=\(v)"
    case (.bool, .bool), (.text, .text), (.text, .choice): return nil
    case (.integer, .integer(let n)): return n >= (definition.minimum ?? 0) ? nil : "\(fact)=\(n)"
    default: return "\(fact): \(value) is not a \(definition.kind)"
    }
  }

  @Test("2,000 random texts, each cut at every position, are read without a crash, into values the facts hold")
  func readerCuts() throws {
    let reader = try #require(Self.reader)
    var random = RandomNarrative(seed: 9, lexicon: ShippedData.loaded.lexicon)
    var reads = 0
    var findings = 0
    for _ in 0..<2_000 {
      let text = random.text(maxPieces: 14)
      for cut in RandomNarrative.cuts(of: text) {
        let extraction = reader.read(cut)
        reads += 1
        findings += extraction.findings.count
        for finding in extraction.findings {
          if case .set(let values) = finding.value, values.isEmpty {
            Issue.record("'\(cut.debugDescription)' read an empty \(finding.fact)")
          }
          if let problem = Self.problem(finding.fact, finding.value) {
            Issue.record("'\(cut.debugDescription)' read as \(problem)")
            return
          }
        }
        #expect(Set(extraction.findings.map(\.fact)).count == extraction.findings.count, "one finding per fact: \(cut.debugDescription)")
      }
    }
    // The texts are made of lexicon phrases: a reader that read nothing would pass the rest.
    #expect(reads > 50_000)
    #expect(findings > reads / 2)
  }

  @Test("Random answers to every question read as a value it holds, unknown, ambiguous or refused")
  func answers() throws {
    let book = try ShippedData.book()
    let catalog = ShippedData.loaded.catalog
    let reader = Self.reader
    var random = RandomNarrative(seed: 11, lexicon: ShippedData.loaded.lexicon)
    var values = 0
    for fact in book.ruleSet.facts where !fact.derived && fact.kind != .text {
      let answers = AnswerReader(matcher: AnswerMatcher(fact: fact, catalog: catalog), narrative: reader)
      for _ in 0..<300 {
        let text = random.text(maxPieces: 5)
        switch answers.read(text) {
        case .value(let value, _):
          values += 1
          if let problem = Self.problem(fact.id, value) { Issue.record("'\(text.debugDescription)' answered \(problem)") }
        case .ambiguous(let choices):
          #expect(
            choices.count >= 2 && choices.allSatisfy(AnswerMatcher.values(of: fact).contains),
            "\(fact.id): \(choices) for \(text.debugDescription)")
        case .invalid(let part):
          #expect(!part.isEmpty || text.allSatisfy { !$0.isLetter && !$0.isNumber }, "\(fact.id): empty part for \(text.debugDescription)")
        case .unknown, .empty:
          break
        }
      }
    }
    #expect(values > 500)
  }

  @Test("100 random interviews: a random description, then random answers and commands, always get an answer back")
  func conversations() throws {
    let book = try ShippedData.book()
    let narrativeReader = try #require(Self.reader)
    var random = RandomNarrative(seed: 13, lexicon: ShippedData.loaded.lexicon)
    let commands = [
      "1", "2", "yes", "không", "ok", "?", ":back", ":skip", ":review", ":edit 1", ":edit 99", ":why", ":why-not spcp",
      "fix 1", "fix 0", "fix 99999999999999999999", "drop 1", "drop 2", "có", "không biết", ":vi", ":en", "",
    ]
    var questions = 0
    for session in 0..<100 {
      var conversation = Conversation(
        book: book, catalog: ShippedData.loaded.catalog, language: session % 2 == 0 ? .vi : .en, narrativeReader: narrativeReader)
      #expect(!conversation.start().isEmpty)
      _ = conversation.handle(random.text(maxPieces: 30))
      for _ in 0..<40 where !conversation.isFinished {
        let line = random.below(3) == 0 ? commands[random.below(commands.count)] : random.text(maxPieces: 6)
        let events = conversation.handle(line)
        #expect(!events.isEmpty, "no reply to \(line.debugDescription) in \(conversation.phase)")
        if conversation.currentQuestion != nil { questions += 1 }
      }
    }
    #expect(questions > 1_000)
  }

  @Test("A screen batch of 300 requests with random descriptions: every one screened, exit 0")
  func screenBatch() async throws {
    var random = RandomNarrative(seed: 17, lexicon: ShippedData.loaded.lexicon)
    var lines: [String] = []
    for i in 0..<300 {
      let request: [String: Any] = ["id": "r\(i)", "facts": ["state": "TX"], "narrative": random.text(maxPieces: 40)]
      let data = try JSONSerialization.data(withJSONObject: request)
      lines.append(String(decoding: data, as: UTF8.self))
    }
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
    #expect(result.status == 0, "\(result.stderr.prefix(500))")
    let records = try CLI.jsonLines(result.stdout)
    #expect(records.count == 300)
    #expect(records.compactMap { $0["id"] as? String } == (0..<300).map { "r\($0)" })
  }
}
