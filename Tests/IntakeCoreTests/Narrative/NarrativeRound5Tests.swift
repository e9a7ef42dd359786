import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 5: more that generalizes. Short spellings (`spellings:`: "cs", "ko", "hqua") read as
/// the words they stand for in every phrase; quoted speech ('no Viets here') read as what
/// someone said; towns of 10,000 people or more (`towns:`) read where a place is clearly
/// named; "n't" among a phrase's skipped words negates it.
@Suite("Short spellings, quoted speech and towns")
struct NarrativeRound5Tests {
  static let reader = ShippedData.loaded.narrativeReader()

  static func read(_ text: String) throws -> [String: FactValue] {
    try #require(Self.reader).read(text).facts
  }

  @Test(
    "a short spelling reads as its word in any phrase",
    arguments: [
      ("cs dallas đánh em trai tui", "law_enforcement_involved", FactValue.bool(true)),
      ("hqua chua bi nem da", "incident_days_ago", FactValue.integer(1)),
      ("ko ai bị thương hết", "violence", FactValue.bool(false)),
      ("hổng ai bị thương hết", "violence", FactValue.bool(false)),
    ])
  func shortSpellings(text: String, fact: String, value: FactValue) throws {
    #expect(try Self.read(text)[fact] == value, "\(text)")
  }

  @Test("a short spelling typed with marks counts only with them: 'hồng' is not 'hổng'")
  func markedSpelling() throws {
    #expect(try Self.read("hổng ai bị thương")["violence"] == .bool(false))
    #expect(try Self.read("hồng ai bị thương")["violence"] != .bool(false))
  }

  @Test("a short spelling is loaded, cached and linted like the rest of the lexicon")
  func spellingsLoaded() throws {
    let (lexicon, diagnostics) = try NarrativeClassesTests.load(
      """
      version: 1
      spellings:
        "không": [ko, hok]
        "chưa": []
      entries:
        - id: hurt
          phrases: ["không ai bị thương"]
          set: { violence: false }
      """)
    #expect(lexicon.spellings["không"] == ["ko", "hok"])
    #expect(diagnostics.contains { $0.code == .emptyGroup && $0.arguments["group"] == "spellings.chưa" })
  }

  @Test(
    "a people, a faith or 'go back' inside quotes is a bias marker",
    arguments: [
      ("Someone wrote 'no Viets here' on our fence in Garden Grove.", "national_origin"),
      ("they yelled “go back to your country” at my mom", "national_origin"),
      ("tụi nó la \"tụi bây về nước đi\" trước tiệm", "national_origin"),
      ("a note on the door said 'heathens will pay'", "religion"),
    ])
  func quotedBias(text: String, basis: String) throws {
    let facts = try Self.read(text)
    #expect(facts["bases"]?.displayValues.contains(basis) == true, "\(text): \(facts)")
  }

  @Test(
    "the same words in the writer's own sentence are no bias marker",
    arguments: [
      "We are Viets and proud of our community center.",
      "The rice harvest festival is on Sunday in our community center.",
    ])
  func unquotedWords(text: String) throws {
    #expect(try Self.read(text)["bases"] == nil, "\(text)")
  }

  @Test("a word of killing or burning inside quotes is a threat of violence")
  func quotedThreat() throws {
    let facts = try Self.read("The email said 'your synagogue will burn' and nothing else.")
    #expect(facts["violence"] == .bool(true))
    #expect(facts["incident_types"]?.displayValues.contains("threats") == true)
    #expect(try Self.read("tối giao thừa tụi em cho nổ pháo ở sân chùa")["violence"] == nil)
  }

  @Test(
    "a town is read where it is clearly named, with its state",
    arguments: [
      ("Our store in Mobile was vandalized.", "Mobile", "AL"),
      ("chùa tụi em ở Tracy bị xịt sơn", "Tracy", "CA"),
      ("My temple in Lafayette Louisiana get broken window", "Lafayette", "LA"),
      ("We live in Pueblo, Colorado.", "Pueblo", "CO"),
      ("bi phat o Portland Maine", "Portland", "ME"),
    ])
  func towns(text: String, city: String, state: String) throws {
    let facts = try Self.read(text)
    #expect([facts["city"]?.displayValues, facts["state"]?.displayValues] == [[city], [state]], "\(text): \(facts)")
  }

  @Test(
    "a town's name in a sentence is no place",
    arguments: [
      "Temple was vandalized last night.",
      "My mobile phone got a threatening text.",
      "Lincoln High School students were bullied.",
    ])
  func notTowns(text: String) throws {
    let facts = try Self.read(text)
    #expect(facts["city"] == nil || facts["city"] != .text("Temple") && facts["city"] != .text("Mobile"), "\(text): \(facts)")
    #expect(facts["state"] == nil, "\(text): \(facts)")
  }

  @Test("a town named in several states gives a state only when one is named or far larger")
  func ambiguousTowns() throws {
    let springfield = try Self.read("Our mosque in Springfield got a threatening letter.")
    #expect(springfield["city"]?.displayValues == ["Springfield"])
    #expect(springfield["state"] == nil)
    let named = try Self.read("Our mosque in Springfield, Illinois got a threatening letter.")
    #expect(named["state"] == .choice("IL"))
  }

  @Test("'n't' among the words a phrase skipped negates it")
  func contractedNegationInGap() throws {
    let facts = try Self.read("The officer didn't hit anyone, he just talked.")
    #expect(facts["violence"] != .bool(true))
  }
}
