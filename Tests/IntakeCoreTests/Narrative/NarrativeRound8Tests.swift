import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 8: the scope of what is said. "Less than" is no negation; a negation before "nào"
/// reaches the act; a count that is only past by its clause is a duration beside a date; a
/// weapon told without a tense in a story of days ago is no danger now; news from elsewhere
/// is not the writer's incident; a masked slur is one word; damnation and fireworks threaten
/// no one; a state answered with a town that leads two states is asked back.
@Suite("Scope: less than, 'nào', durations, old weapons, news from elsewhere")
struct NarrativeRound8Tests {
  static let reader = ShippedData.loaded.narrativeReader()

  static func read(_ text: String) throws -> [String: FactValue] {
    try #require(Self.reader).read(text).facts
  }

  @Test("'chưa tới một phút đã bắn' is a shooting within a minute, not none")
  func lessThan() throws {
    let facts = try Self.read("Hai ông deputy vô nhà chưa tới một phút đã bắn nó ba phát")
    #expect(facts["violence"] != .bool(false))
    #expect(try Self.read("Không ai bị thương")["violence"] == .bool(false))
  }

  @Test("a negation before 'nào' reaches the act after the person it names")
  func negationThroughAny() throws {
    #expect(try Self.read("Ở đây chưa có cụ nào bị tấn công")["violence"] == .bool(false))
    #expect(try Self.read("Ở đây có một cụ bị tấn công")["violence"] == .bool(true))
  }

  @Test("a count past only by its clause is how long, beside a date or with no incident")
  func durations() throws {
    #expect(try Self.read("Tôi là y tá ở bệnh viện này đã 11 năm.")["incident_days_ago"] == nil)
    let jail = try Self.read("Chiều thứ hai tuần trước họ đè ảnh xuống xịt hơi cay rồi nhốt riêng ba ngày.")
    #expect(jail["incident_days_ago"] == .integer(7))
    // Said as a date ("cách đây", "ago"), it stays.
    #expect(try Self.read("Cách đây 2 tuần tụi nó đập kính tiệm")["incident_days_ago"] == .integer(14))
    #expect(try Self.read("They beat my father 3 days ago")["incident_days_ago"] == .integer(3))
  }

  @Test("a weapon told without a tense in a story of days ago is left open, not danger now")
  func oldWeapon() throws {
    let story = try Self.read("Hai tuần trước cảnh sát bắn chết anh Tuấn. Họ nói ảnh cầm vũ khí, mà ảnh cầm cây kéo.")
    #expect(story["immediate_danger"] == nil)
    #expect(story["violence"] == .bool(true))
    // Now, it is danger now.
    #expect(try Self.read("Có người cầm súng đứng ngoài cửa chùa")["immediate_danger"] == .bool(true))
    #expect(try Self.read("Two weeks ago they threatened us. Right now a man is outside with a gun.")["immediate_danger"] == .bool(true))
  }

  @Test("news from elsewhere states no incident of the writer's")
  func newsFromElsewhere() throws {
    let facts = try Self.read(
      "Ở đây chưa có cụ nào bị tấn công, nhưng coi tin tức thấy bên Cali, người già bị xô té, bị đánh hoài, các cụ sợ lắm.")
    #expect(facts["violence"] != .bool(true))
    #expect(facts["request_goal"] != .choice("respond"))
    // "coi tin nhắn" (read the messages) is no news.
    let messages = try Self.read("Chiều nay nó đưa tôi coi tin nhắn: 'we teach the little gook a lesson'")
    #expect(messages["bases"] == .set(["national_origin"]))
  }

  @Test("a slur masked with asterisks is one word: its letters are no negation")
  func maskedWord() throws {
    let facts = try Self.read("A man called him a 'g**k trespasser' and fired two shots at him.")
    #expect(facts["violence"] == .bool(true))
    #expect(facts["bases"] == .set(["national_origin"]))
  }

  @Test("damnation, fireworks and hunting threaten no one")
  func notThreats() throws {
    #expect(try Self.read("They left a note: 'papists burn in hell'")["violence"] == nil)
    #expect(try Self.read("Tối qua tụi nhỏ bắn pháo hoa trong bãi đậu xe")["violence"] == nil)
    // A quoted threat to burn still is one.
    #expect(try Self.read("They left a note: 'we will burn your church'")["violence"] == .bool(true))
  }

  @Test("a state answered with a town that leads two states is asked back; 'respond' told by what happened")
  func answers() throws {
    #expect(try ShippedData.answer("state", "Portland") == .ambiguous(["ME", "OR"]))
    #expect(try ShippedData.answer("state", "Portland, Oregon") == .value(.choice("OR"), note: nil))
    #expect(try ShippedData.answer("state", "Houston") == .value(.choice("TX"), note: nil))
    #expect(try ShippedData.answer("request_goal", "bị đánh rồi") == .value(.choice("respond"), note: nil))
    let weekAhead = try ShippedData.answer("event_in_days", "a week from today")
    #expect(weekAhead == .value(.integer(7), note: nil), "\(weekAhead)")
  }

  @Test("answers: a sentence that is only a no, 'it depends' and 'tui hổng nhớ' are not sure, a refusal inside")
  func answerScope() throws {
    guard case .value(let now, let note) = try ShippedData.answer("immediate_danger", "right now? no. but they said they'd be back") else {
      Issue.record("not read")
      return
    }
    #expect(now == .bool(false))
    #expect(note?.contains("they'd be back") == true)
    #expect(try ShippedData.answer("planned_event", "we might, it depends on whether the city gives us a permit") == .unknown)
    #expect(try ShippedData.answer("incident_days_ago", "bữa hổm, lâu quá tui hổng nhớ ngày") == .unknown)
    #expect(
      try ShippedData.answer("parties_willing_to_meet", "they said absolutely not, they won't be in the same room as us")
        == .value(.choice("no"), note: nil))
    #expect(try ShippedData.answer("parties_willing_to_meet", "dạ bên kia nói sẵn lòng") == .value(.choice("yes"), note: nil))
  }

  @Test("a basis said in a home or a job is discrimination; treated otherwise for one's language is national origin")
  func unequalTreatment() throws {
    let rental = try Self.read("e goi hoi thue nha o Independence, Missouri, chu nha noi 'sorry, no Chinese no Vietnamese'")
    #expect(rental["incident_types"].map { $0.displayValues.contains("discrimination") } == true)
    let shop = try Self.read("Ông chủ chợ đuổi 3 cô thợ chỉ vì nói tiếng Việt với nhau")
    #expect(shop["bases"] == .set(["national_origin"]))
    // Needing an interpreter is no basis.
    #expect(try Self.read("Tiếng Anh của má em không giỏi, cần người thông dịch")["bases"] == nil)
  }

  @Test("of states named apart, the one named with the city read as a place")
  func stateWithCity() throws {
    let erie = try Self.read("My parents live in public housing in Erie, Pennsylvania. I live in Ohio, I cannot come every time.")
    #expect(erie["state"] == .choice("PA"))
    #expect(erie["city"] == .text("Erie"))
    // A police force named after a place names no city's state.
    let dekalb = try Self.read("Tiệm spa bị cảnh sát DeKalb ập vô kiểm tra. Ở Georgia này mấy chị em sợ lắm rồi.")
    #expect(dekalb["state"] != .choice("IL"))
  }
}
