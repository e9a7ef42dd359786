import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 7: which of several readings an intake worker takes. The day count said beside an
/// incident; what follows a "but"; history told beside a planned event; mistrust alone; the
/// police named beside not trusting them; and answers naming a town in several states, a city
/// as people call it, or "not sure" at the end.
@Suite("Readings weighed: day counts, contrasts, history and mistrust")
struct NarrativeRound7Tests {
  static let reader = ShippedData.loaded.narrativeReader()

  static func read(_ text: String) throws -> [String: FactValue] {
    try #require(Self.reader).read(text).facts
  }

  @Test("of two day counts, the one said beside the incident, the most recent of those")
  func dayBesideIncident() throws {
    let threat = try Self.read(
      "Yesterday a man called my restaurant three times and said he will shoot all of us. Two workers did not come today.")
    #expect(threat["incident_days_ago"] == .integer(1))
    let tires = try Self.read(
      "We moved in two months ago, neighbors were friendly. Last night someone slashed our tires and wrote 'go home'.")
    #expect(tires["incident_days_ago"] == .integer(1))
    // Two counts and no incident beside either: neither is taken.
    #expect(try Self.read("We moved here two months ago. My son started school last week.")["incident_days_ago"] == nil)
  }

  @Test("a yes/no fact said both ways takes what follows the 'but', unless that is a weapon")
  func afterContrast() throws {
    #expect(try Self.read("Hôm qua bà bị xô té, bà không bị gãy xương nhưng phải khâu 6 mũi trên trán")["violence"] == .bool(true))
    #expect(try Self.read("Police not hurt anybody, but they come in our restaurant with gun")["violence"] != .bool(true))
  }

  @Test("an event planned and an incident a year or more ago: the request is to prevent")
  func historyBesideEvent() throws {
    let facts = try Self.read(
      "10 days from now our community have big Tet festival at church ground. Two year ago one boy get stab in parking lot.")
    #expect(facts["planned_event"] == .bool(true))
    #expect(facts["request_goal"] == .choice("prevent"))
    // A recent incident before the event stays the request's reason.
    let vigil = try Self.read("Tuần trước cảnh sát bắn chết anh họ em, thứ bảy này bà con sẽ tuần hành")
    #expect(vigil["request_goal"] == .choice("respond"))
  }

  @Test("mistrust of the police with nothing happened: the police are a party and the goal is to prevent")
  func mistrustAlone() throws {
    let english = try Self.read("Our people have never trusted the Rapid City police. Nothing new has happened this month.")
    #expect(english["law_enforcement_involved"] == .bool(true))
    #expect(english["request_goal"] == .choice("prevent"))
    let mixed = try Self.read("Community mình không trust cops lâu rồi, tụi em muốn tổ chức town hall")
    #expect(mixed["law_enforcement_involved"] == .bool(true))
    #expect(mixed["longstanding_mistrust"] == .bool(true))
  }

  @Test("'sau' after 'cửa' is behind, not six: the day count stays 'hôm kia'")
  func backDoor() throws {
    #expect(try Self.read("chua bi ai ve chu thap ngoac len cua sau hom kia")["incident_days_ago"] == .integer(2))
  }

  @Test("a town in several states is asked back; a city is the place the reader finds")
  func placeAnswers() throws {
    guard case .ambiguous(let states) = try ShippedData.answer("state", "Kansas City") else {
      Issue.record("Kansas City was not asked back")
      return
    }
    #expect(Set(states) == ["KS", "MO"])
    guard case .value(let city, _) = try ShippedData.answer("city", "dạ ở San Hô Xê") else {
      Issue.record("no city read")
      return
    }
    #expect(city == .text("San Jose"))
    guard case .value(let typed, _) = try ShippedData.answer("city", "Bridgeview") else {
      Issue.record("a town no list knows was refused")
      return
    }
    #expect(typed == .text("Bridgeview"))
  }

  @Test("'not sure' after a comma or 'nên' is not sure")
  func unsureAtTheEnd() throws {
    guard
      case .value(let value, _) = try ShippedData.answer("parties_willing_to_meet", "dạ bên kia chưa trả lời, em không biết họ chịu không")
    else {
      Issue.record("not read")
      return
    }
    #expect(value == .choice("unsure"))
    guard case .unknown = try ShippedData.answer("violence", "tui hổng có ở đó nên hổng biết nữa") else {
      Issue.record("not read as unknown")
      return
    }
  }
}
