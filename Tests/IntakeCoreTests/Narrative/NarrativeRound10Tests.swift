import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 10 (`Corpus/*.round10.yaml`): incident kinds and bases said in everyday words — what
/// was done to whom instead of the category's name — and the scope of the words that deny them.
@Suite("Everyday words for what happened and why")
struct NarrativeRound10Tests {
  static func read(_ text: String) throws -> [String: FactValue] {
    try #require(ShippedData.narrativeReader).read(text).facts
  }

  /// Whether a set fact read holds `value` (other values may be read beside it).
  static func holds(_ facts: [String: FactValue], _ fact: String, _ value: String) -> Bool {
    guard case .set(let values)? = facts[fact] else { return false }
    return values.contains(value)
  }

  @Test("refused, followed, put out, a lease or shifts cut: discrimination")
  func unequalTreatment() throws {
    #expect(try Self.read("the bouncer push them out the door")["incident_types"] == .set(["discrimination"]))
    #expect(try Self.read("a staff member follows my family aisle to aisle")["incident_types"] == .set(["discrimination"]))
    #expect(try Self.read("ông bảo vệ đi kè kè sau lưng tụi tui")["incident_types"] == .set(["discrimination"]))
    #expect(try Self.read("ong bep truong cat ca cua e, e bi chen ep")["incident_types"] == .set(["discrimination"]))
  }

  @Test("no interpreter said as people say it; an interpreter given is not that")
  func languageAccess() throws {
    #expect(try Self.read("Bệnh viện không gọi thông dịch, bắt con nhỏ dịch")["incident_types"] == .set(["language_access"]))
    #expect(try Self.read("ong do noi 1 tang ko ai dich")["incident_types"] == .set(["language_access"]))
    #expect(try Self.read("csat toi lien, lap bien ban, cho thong dich qua dien thoai luon")["incident_types"] == nil)
    // "today" inside what the nurse said is not the day of the incident.
    #expect(try Self.read("hôm kia y tá nói 'we don't have Vietnamese today'")["incident_days_ago"] == .integer(2))
  }

  @Test("hurt in the words of the body; a worse injury denied denies nothing")
  func bodilyHarm() throws {
    #expect(try Self.read("me e bi 1 ba tat vo mat, me e bi rach moi")["violence"] == .bool(true))
    #expect(try Self.read("Má tui bầm tím hết một bên hông, may mà không gãy xương.")["violence"] == .bool(true))
    #expect(try Self.read("cổ bị giựt cái khăn, té đập tay xuống đất")["violence"] == .bool(true))
  }

  @Test("contempt that touches no one is no violence")
  func noViolence() throws {
    #expect(try Self.read("he get out and spit on my windshield, he not touch me")["violence"] == .bool(false))
    #expect(try Self.read("Nobody's been threatened directly or hurt.")["violence"] == .bool(false))
    #expect(try Self.read("Our mandir was hit overnight, someone drew a cow with a knife through it.")["violence"] == nil)
    #expect(try Self.read("Má em nhập viện cấp cứu vì đau ngực")["violence"] == nil)
    #expect(try Self.read("ko ai dung cham j ba e")["violence"] == .bool(false))
  }

  @Test("keeping an event safe and training its marshals, said plainly")
  func wants() throws {
    #expect(Self.holds(try Self.read("We want to know how to keep the Mass safe."), "wants", "event_safety"))
    #expect(try Self.read("Can your office train our volunteers?")["wants"] == .set(["training"]))
    #expect(try Self.read("muốn có người tập huấn cho ban trật tự")["wants"] == .set(["training"]))
    // Not a train.
    #expect(try Self.read("we took the train to the rally")["wants"] == nil)
  }

  @Test("'not because we are Vietnamese', with words between, names no basis; another basis still counts")
  func notBecause() throws {
    let facts = try Self.read("Không phải vì tụi em là người Việt đâu, ổng nói rõ là vì tụi em đồng tính.")
    #expect(facts["bases"] == .set(["sexual_orientation"]))
    // Without marks "dong tinh" is also "đồng tình" (to agree): not read.
    #expect(try Self.read("tui dong tinh voi y kien do")["bases"] == nil)
  }

  @Test("the people of a halal shop, the Klan's robes, a reservation someone comes from")
  func peopleAndPlaces() throws {
    #expect(try Self.read("ai nem dau heo truoc tiem thit halal")["communities"] == .set(["muslim"]))
    #expect(try Self.read("tờ rơi in hình người mặc áo trùm trắng")["bases"] == .set(["race"]))
    let from = try Self.read("I drive in to Gallup from the reservation to shop")
    #expect(from["settings"] == nil)
    #expect(from["communities"] == .set(["native_american_tribal"]))
    #expect(try Self.read("agents stopping our elders on our reservation roads")["settings"] == .set(["tribal_land"]))
  }

  @Test("a sentence with commas that tells only the asked fact answers it; a list stays a list")
  func commaSentenceAnswers() throws {
    #expect(try ShippedData.answerValue("bases", "vì ba em ngồi xe lăn, họ nói ổng làm chậm") == .set(["disability"]))
    guard case .invalid(let part) = try ShippedData.answer("bases", "race, purple") else {
      Issue.record("a list with an item that names nothing is refused")
      return
    }
    #expect(part == "purple")
  }

  @Test("a first word that only begins a choice does not answer when the sentence tells the fact")
  func firstWordPrefix() throws {
    #expect(try ShippedData.answerValue("law_enforcement_involved", "the cops are the ones who did it") == .bool(true))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "the deputies are the ones who did it") == .bool(true))
    #expect(try ShippedData.answerValue("requester_role", "I sit on the city council") == .choice("local_official"))
  }

  @Test("answers of earlier rounds said otherwise: the week after next, gone now, mistrust of the sheriff")
  func earlierRounds() throws {
    #expect(try ShippedData.answerValue("event_in_days", "tuần sau nữa") == .integer(14))
    #expect(try ShippedData.answerValue("event_in_days", "the week after next") == .integer(14))
    #expect(try ShippedData.answerValue("immediate_danger", "dạ bây giờ thì hết rồi, tụi nó đi từ hồi tối") == .bool(false))
    #expect(try ShippedData.answerValue("requester_role", "em làm counselor ở trường high school đó") == .choice("school_official"))
    let sheriff = try Self.read("Long time, many years, we not trust sheriff.")
    #expect(sheriff["law_enforcement_involved"] == .bool(true))
    #expect(sheriff["longstanding_mistrust"] == .bool(true))
  }
}
