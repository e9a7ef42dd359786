import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 11 (`Corpus/*.round11.yaml`): who did it, said again by a pronoun in the next clause
/// or sentence ("police come…, they break the door"), what the police did told as people tell
/// it, and prejudice among the people of a school.
@Suite("Who did it, said again")
struct NarrativeRound11Tests {
  static func read(_ text: String) throws -> [String: FactValue] {
    try #require(ShippedData.narrativeReader).read(text).facts
  }

  @Test("'they', 'họ' after the police are the police")
  func pronounsCarryThePolice() throws {
    let erie = try Self.read("police come to my parents house, they break the door, point gun at my father")
    #expect(erie["law_enforcement_involved"] == .bool(true))
    let jail = try Self.read("Mấy ông cai tù la lệnh gì đó ảnh không hiểu. Vậy là họ đè ảnh xuống xịt hơi cay.")
    #expect(jail["law_enforcement_involved"] == .bool(true))
    #expect(jail["incident_types"] == .set(["police_use_of_force"]))
    let stop = try Self.read("a e bi csat chan xe, ho keo a ra khoi xe dap dau xuong duong")
    guard case .set(let types)? = stop["incident_types"] else {
      Issue.record("no incident read: \(stop)")
      return
    }
    #expect(types.contains("police_use_of_force"))
  }

  @Test("a pronoun with no police before it, or too far back, is nobody's")
  func pronounsWithoutThePolice() throws {
    #expect(try Self.read("my neighbors come to my house, they break the door")["law_enforcement_involved"] == nil)
    let far = try Self.read("Police came last year. We moved. The new people are loud. They pushed my son.")
    #expect(far["law_enforcement_involved"] == nil)
    // "hồ" (a lake) typed with its marks is no "họ".
    #expect(try Self.read("cảnh sát tới, hồ đè xuống đất")["law_enforcement_involved"] == nil)
  }

  @Test("what they only did never takes the police out of it")
  func onlyCameStaysOpen() throws {
    let shop = try Self.read("Cảnh sát Houston ko bắn ai hết, họ chỉ tới tiệm hỏi giấy phép")
    #expect(shop["law_enforcement_involved"] != .bool(false))
    // Said of the police themselves, it still does.
    #expect(try Self.read("cảnh sát chỉ tới lập biên bản")["law_enforcement_involved"] == .bool(false))
  }

  @Test("border patrol and jail guards are the police; a checkpoint and a broken door are what they did")
  func agents() throws {
    let border = try Self.read("Border Patrol agents have been stopping our elders, asking for papers")
    #expect(border["law_enforcement_involved"] == .bool(true))
    #expect(try Self.read("deputies held him face-down for several minutes")["violence"] == .bool(true))
    #expect(try Self.read("the sheriff started running checkpoints outside the fields")["law_enforcement_involved"] == .bool(true))
  }

  @Test("police who bring no interpreter: language access, with the police a party")
  func noInterpreter() throws {
    let facts = try Self.read("police never bring an interpreter when they respond to domestic calls")
    #expect(facts["incident_types"] == .set(["language_access"]))
    #expect(facts["law_enforcement_involved"] == .bool(true))
  }

  @Test("a pronoun after 'thì', 'then' carries the police wherever it stands")
  func pronounLeads() throws {
    let plano = try Self.read(
      "Hai ông cảnh sát tới kêu anh em bước ra, anh em chưa kịp hiểu họ nói gì thì họ đè ảnh xuống lề đường")
    #expect(plano["incident_types"] == .set(["police_use_of_force"]))
    // "sợ" is no "so": "vì sợ ổng thù" after the police names nobody of theirs.
    let neighbor = try Self.read("Tui chưa dám báo cảnh sát vì sợ ổng thù.")
    #expect(neighbor["law_enforcement_involved"] == nil)
  }

  @Test("answers: a sentence that tells more still answers; a yes said first is a yes")
  func answers() throws {
    // The rest ("không đụng tới ai") is read back by the interview after the answer is taken.
    let told = try ShippedData.answerValue("incident_types", "tụi nó chỉ la \"ching chong\" rồi bỏ đi, không đụng tới ai")
    #expect(told == .set(["bias_incident"]))
    let planned = try ShippedData.answerValue("planned_event", "dạ có, tụi em định thắp nến trước tòa thị chính, chưa chốt ngày")
    #expect(planned == .bool(true))
    #expect(try ShippedData.answer("event_in_days", "chưa chốt ngày, còn chờ thành phố cấp giấy phép") == .unknown)
    #expect(try ShippedData.answerValue("wants", "can ai dung giua, chu 2 ben gap nhau la cai nhau") == .set(["mediation"]))
    let ice = try ShippedData.answerValue("law_enforcement_involved", "mấy ông ICE đó, họ xô chị tôi té vô tường")
    #expect(ice == .bool(true))
  }

  @Test("answers: a word typed with marks is no particle; the danger over is no danger")
  func answerWords() throws {
    // "nhà" is not the particle "nha": "nhà thờ" is a place of worship, not "thờ".
    #expect(try ShippedData.answerValue("settings", "nhà thờ") == .set(["place_of_worship"]))
    #expect(try ShippedData.answerValue("settings", "trường cấp 2") == .set(["k12_school"]))
    #expect(try ShippedData.answerValue("settings", "chung cư") == .set(["housing"]))
    #expect(try ShippedData.answerValue("immediate_danger", "hết rồi") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "they left") == .bool(false))
    // The particle itself is still dropped.
    #expect(try ShippedData.answerValue("violence", "có nha") == .bool(true))
    // "Á" (Asia) ending an answer is no particle "á"; the "do" of "what to do" is no "đó".
    #expect(try ShippedData.answerValue("bases", "vì tụi em là người gốc Á") == .set(["national_origin"]))
    #expect(try ShippedData.answerValue("wants", "tell us what to do") == .set(["advice"]))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "police were helpful") == .bool(false))
    #expect(try ShippedData.answerValue("requester_role", "we're with the NAACP") == .choice("civil_rights_org"))
    #expect(try ShippedData.answerValue("parties_willing_to_meet", "the other side refuses to talk") == .choice("no"))
  }

  @Test(
    "danger now, as people say it: a rifle, a crowd around, a door banged on, an attack or a gun pointed now",
    arguments: [
      "there is a white pickup across from our church right now, one of them has a rifle across his lap",
      "right now there are men with rifles at our door", "someone is banging on our door and yelling he will kill us",
      "a crowd is surrounding our store right now", "help, they are attacking my father now",
      "a man is pointing a gun at people outside the mosque", "bây giờ có một đám đông đang vây tiệm",
      "có người đang chĩa súng vào mọi người trước nhà thờ", "ông đó vẫn còn đứng ngoài sân với khẩu súng",
      "shots fired outside our mosque", "we are trapped inside the store", "the building is on fire",
      "someone set fire to the church right now", "có người đang bắn bên ngoài", "nhà thờ đang bị cháy",
      "tụi em bị nhốt trong tiệm", "có tiếng súng nổ ngoài đường", "tụi nó không cho tụi em ra",
    ])
  func dangerNow(_ text: String) throws {
    #expect(try Self.read(text)["immediate_danger"] == .bool(true))
  }

  @Test("a gun pointed in the past is violence, not danger now")
  func dangerPast() throws {
    #expect(try Self.read("last year shots were fired outside our mosque")["immediate_danger"] == nil)
    for text in ["last year a man pointed a gun at our pastor", "năm ngoái có người chĩa súng vào cha xứ"] {
      let facts = try Self.read(text)
      #expect(facts["immediate_danger"] == nil, "\(text): \(facts)")
      #expect(facts["violence"] == .bool(true), "\(text): \(facts)")
    }
  }

  @Test("prejudice among the people of a school is a school conflict")
  func schoolPrejudice() throws {
    let facts = try Self.read("Con gái tui học lớp 7, mấy đứa trong lớp kéo mắt chọc nó 'ching chong'")
    guard case .set(let types)? = facts["incident_types"] else {
      Issue.record("no incident read: \(facts)")
      return
    }
    #expect(types.contains("school_conflict"))
  }
}
