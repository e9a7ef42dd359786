import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 6: sentence structure rather than phrases. A comma before a state's name ends no
/// clause; names in a phrase's gap count apart; a clause after a comma goes on in the tense
/// before it unless it says "now"; what is feared is not what happened; a negated bias or the
/// same people on both sides leaves the basis unread; a police department's initials are the
/// police; "St." ends no sentence; a town named with its state beats a city named in passing.
@Suite("Clauses, tense carried over, feared acts and cleared bases")
struct NarrativeRound6Tests {
  static let reader = ShippedData.loaded.narrativeReader()

  static func read(_ text: String) throws -> [String: FactValue] {
    try #require(Self.reader).read(text).facts
  }

  @Test("a comma before a state's name does not cut what is said around the place")
  func commaBeforeState() throws {
    let facts = try Self.read("Cảnh sát Richmond, Virginia bắn chết em trai tôi")
    #expect(facts["law_enforcement_involved"] == .bool(true))
    #expect(facts["city"]?.displayValues == ["Richmond"])
    #expect(facts["state"] == .choice("VA"))
  }

  @Test("names in a gap count apart from the words said")
  func namesInGap() throws {
    #expect(try Self.read("Mấy deputy của sheriff ở Sacramento County cứ pull over tụi em")["law_enforcement_involved"] == .bool(true))
    // Four lowercase words between are still too many.
    #expect(try Self.read("cảnh sát nói là sau này sẽ không bắn")["incident_types"] == nil)
  }

  @Test("a clause after a comma keeps the tense before it, unless it says now")
  func tenseCarriedOver() throws {
    let past = try Self.read("Tối qua cảnh sát Pearland chặn nó lại, chĩa súng bắt nó nằm xuống đường")
    #expect(past["immediate_danger"] != .bool(true))
    #expect(past["incident_days_ago"] == .integer(1))
    let now = try Self.read("Hôm qua tụi nó tới chửi, bây giờ tụi nó đang đứng ngoài cầm súng")
    #expect(now["immediate_danger"] == .bool(true))
    let english = try Self.read("Two days ago the customer open door, hit him with baseball bat")
    #expect(english["immediate_danger"] != .bool(true))
    #expect(english["violence"] == .bool(true))
  }

  @Test(
    "a feared act states no incident and no violence",
    arguments: [
      "ae tinh ra dung doi dien cam bang ron, lo co danh nhau",
      "Tụi em sợ có đánh nhau ở hội chợ",
      "We are worried someone will attack the march",
      "Năm ngoái có nhóm tới gây gổ, suýt đánh nhau",
    ])
  func feared(text: String) throws {
    #expect(try Self.read(text)["violence"] != .bool(true), "\(text)")
  }

  @Test(
    "a negated bias or the same people on both sides leaves the basis unread",
    arguments: [
      "Chủ nhà cũng người Việt, hông kỳ thị gì đâu, họ cũng kẹt tiền",
      "thằng nhỏ đánh nhau với bạn, hông có chuyện kỳ thị gì hết, hai đứa cũng người Việt",
      "Factory close, everybody lose job, American and Vietnamese same. Not discrimination.",
    ])
  func clearedBasis(text: String) throws {
    #expect(try Self.read(text)["bases"] == nil, "\(text)")
  }

  @Test("a basis named with a bias stays")
  func basisKept() throws {
    #expect(try Self.read("Tụi nó chửi người Việt là đồ Tàu rồi đánh ba tôi")["bases"] == .set(["national_origin"]))
  }

  @Test("a police department's initials are the police", arguments: ["APD shot a 19-year-old in the back", "NOPD officer beat my cousin"])
  func policeInitials(text: String) throws {
    #expect(try Self.read(text)["law_enforcement_involved"] == .bool(true), "\(text)")
  }

  @Test("'St.' before a name ends no sentence")
  func title() throws {
    let facts = try Self.read("Em ở St. Petersburg, Florida, IRS gửi thư phạt")
    #expect(facts["city"]?.displayValues == ["St. Petersburg"])
    #expect(facts["state"] == .choice("FL"))
  }

  @Test("a town named with its state beats a city named in passing; a longer name is not cut")
  func clearerPlace() throws {
    let salem = try Self.read("Ba ngày nữa tụi mình biểu tình ở Salem, Oregon. Có xe bus từ Portland xuống.")
    #expect(salem["city"]?.displayValues == ["Salem"])
    #expect(salem["state"] == .choice("OR"))
    let sugarLand = try Self.read("Tụi em ở Sugar Land, gần Houston")
    #expect(sugarLand["city"]?.displayValues == ["Sugar Land"])
    let darby = try Self.read("Mấy tuần nay ở Upper Darby, PA có nhóm teens giựt purse")
    #expect(darby["city"]?.displayValues == ["Upper Darby"])
  }

  @Test("present and hypothetical cues and clears are loaded and linted")
  func loaded() throws {
    let (lexicon, diagnostics) = try NarrativeClassesTests.load(
      """
      version: 1
      cues:
        present: { en: [now], vi: ["bây giờ"] }
        hypothetical: { en: [if], vi: ["nếu"] }
      entries:
        - id: same
          phrases: ["cũng người Việt"]
          clears: [bases]
          set: {}
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(lexicon.present == ["now", "bây giờ"])
    #expect(lexicon.hypothetical == ["if", "nếu"])
    #expect(lexicon.entries.first?.clears == ["bases"])
    var wrong = lexicon
    wrong.entries[0].clears = ["basis"]
    let found = LexiconLint(lexicon: wrong, ruleSet: try ShippedData.book().ruleSet).run()
    #expect(found.contains { $0.code == .lexiconUnknownFact && $0.arguments["fact"] == "basis" })
  }
}
