import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 4: what generalizes. Word classes in the lexicon ("{police} … {force}", "{self-vi}
/// {faith-vi}") read combinations nobody listed one by one, and a city no list knows is read
/// from the way addresses are written ("Dodge City, Kansas").
@Suite("Word classes and unknown cities")
struct NarrativeClassesTests {
  static let reader = ShippedData.loaded.narrativeReader()

  /// Loads a lexicon from text, with its diagnostics.
  static func load(_ yaml: String) throws -> (Lexicon, [Diagnostic]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString).yaml")
    try yaml.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    return LexiconLoader(url: url, displayPath: "lexicon.yaml").load()
  }

  @Test("a phrase naming classes stands for every combination of their members")
  func expansion() throws {
    let (lexicon, diagnostics) = try Self.load(
      """
      version: 1
      classes:
        who: [cảnh sát, cs, deputy]
        did: [tackled, xô]
      entries:
        - id: force
          phrases: ["{who} … {did}", "plain"]
          accented: ["{who} … đè"]
          set: { violence: true }
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let entry = try #require(lexicon.entries.first)
    #expect(
      Set(entry.phrases) == ["cảnh sát … tackled", "cảnh sát … xô", "cs … tackled", "cs … xô", "deputy … tackled", "deputy … xô", "plain"])
    #expect(entry.accented == ["cảnh sát … đè", "cs … đè", "deputy … đè"])
  }

  @Test("an unknown class is reported, an empty class too")
  func unknownClass() throws {
    let (_, diagnostics) = try Self.load(
      """
      version: 1
      classes:
        who: [cs]
        none: []
      entries:
        - id: force
          phrases: ["{who} … {nobody}"]
          set: { violence: true }
      """)
    #expect(diagnostics.contains { $0.code == .unknownValue && $0.arguments["value"] == "nobody" })
    #expect(diagnostics.contains { $0.code == .emptyGroup && $0.arguments["group"] == "classes.none" })
  }

  @Test("a phrase with braces left is reported by the lint")
  func lintBraces() throws {
    let book = try ShippedData.book()
    var lexicon = Lexicon()
    lexicon.entries = [Lexicon.Entry(id: "x", phrases: ["{police … hit"], set: ["violence": .bool(true)])]
    let found = LexiconLint(lexicon: lexicon, ruleSet: book.ruleSet).run()
    #expect(found.contains { $0.code == .unknownValue && $0.arguments["fact"] == "classes" })
  }

  /// Each part of a phrase with a gap is checked for fold collisions, whichever way the gap is
  /// typed ("…" or "..."), as the reader matches it.
  @Test("a gap written '…' or '...' cuts a phrase into the parts the lint checks")
  func gapParts() {
    #expect(LexiconLint.gapParts("cảnh sát … bắn") == ["cảnh sát ", " bắn"])
    #expect(LexiconLint.gapParts("cảnh sát ... bắn") == ["cảnh sát ", " bắn"])
    #expect(LexiconLint.gapParts("… bắn …") == [" bắn "])
    #expect(LexiconLint.gapParts("bắn") == ["bắn"])
    #expect(LexiconLint.gapParts("đánh..") == ["đánh.."])
  }

  /// The police named before what they did, in combinations nobody wrote out.
  @Test(
    "the police before what they did are a party",
    arguments: [
      ("Police in Aurora tackle my uncle in front of his restaurant", "police_use_of_force"),
      ("canh sat dallas danh anh toi gay tay", "police_use_of_force"),
      ("Harris County deputy pull over my son 3 time this month", "police_misconduct"),
      ("cop o houston chan xe em 4 lan", "police_misconduct"),
      ("Cảnh sát DeKalb ập vô tiệm, lục túi xách", "police_misconduct"),
    ])
  func policeAgent(text: String, type: String) throws {
    let facts = try #require(Self.reader).read(text).facts
    #expect(facts["law_enforcement_involved"] == .bool(true), "\(text)")
    #expect(facts["incident_types"]?.displayValues.contains(type) == true, "\(text)")
  }

  @Test(
    "police who only came, were called or did not hurt anyone are no party by these phrases",
    arguments: [
      "Police not hurt anybody, but they searched nothing",
      "em gọi cảnh sát tới, họ hỏi chuyện rồi về",
      "we called the police and they came fast",
    ])
  func policeNotParty(text: String) throws {
    let facts = try #require(Self.reader).read(text).facts
    #expect(facts["law_enforcement_involved"] != .bool(true), "\(text)")
  }

  @Test(
    "who is writing, by a role word after 'tôi là' / 'I'm the'",
    arguments: [
      ("Con là nữ tu dòng Mến Thánh Giá ở Oklahoma City", "faith_leader"),
      ("e la hoi truong hoi nguoi viet o wichita", "community_leader"),
      ("Tôi là mẹ cháu, tôi muốn khiếu nại", "resident"),
      ("I'm the senior pastor at a historic church", "faith_leader"),
      ("This is the principal at a middle school in Long Beach", "school_official"),
      ("I'm the city manager of Hamtramck", "local_official"),
      ("Reverend here. I lead a Baptist congregation", "faith_leader"),
    ])
  func role(text: String, role: String) throws {
    #expect(try #require(Self.reader).read(text).facts["requester_role"] == .choice(role), "\(text)")
  }

  @Test(
    "a city no list knows, named before its state",
    arguments: [
      ("I'm the imam of a masjid in Bridgeview, Illinois.", "Bridgeview", "IL"),
      ("HR director at a meatpacking plant in Dodge City, Kansas.", "Dodge City", "KS"),
      ("nhà tui ở Palacios, Texas bị ném đá", "Palacios", "TX"),
      ("a middle school in Round Rock TX", "Round Rock", "TX"),
    ])
  func unknownCity(text: String, city: String, state: String) throws {
    let facts = try #require(Self.reader).read(text).facts
    #expect(facts["city"] == .text(city), "\(text)")
    #expect(facts["state"] == .choice(state), "\(text)")
  }

  @Test(
    "no city from a capitalised word that is no place",
    arguments: [
      "Thank you, Texas is where we live",
      "Mr. Nguyen, California",
      "We live in Texas, near the coast",
    ])
  func noCity(text: String) throws {
    #expect(try #require(Self.reader).read(text).facts["city"] == nil, "\(text)")
  }
}
