import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 12 (`Corpus/*.round12.yaml`, written blind in the style of the first corpus): what it
/// found in the reader itself, each kept from coming back.
@Suite("Round 12: tense inside phrases, spellings that fold alike, quotes in phrases")
struct NarrativeRound12Tests {
  @Test("a phrase that holds a tense cue gives its clause that tense: last year's march is past")
  func cueInsidePhrase() throws {
    let march = try ShippedData.facts("Năm ngoái có biểu tình.")
    #expect(march["planned_event"] == nil)
    #expect(march["incident_types"] == .set(["protest_or_unrest"]))
    // Only as spelled: "đá" (a stone) in "đang ném đá" is no "đã" (past).
    let now = try ShippedData.facts("tụi thanh niên hàng xóm đang ném đá vô cửa sổ nhà em")
    #expect(now["immediate_danger"] == .bool(true))
  }

  @Test("a spelling that folds like its word counts with its own marks: 'chận' is 'chặn'")
  func sameFoldedSpelling() throws {
    let stop = try ShippedData.facts("Sheriff quận Harris chận xe thằng em tui hôm thứ hai")
    #expect(stop["law_enforcement_involved"] == .bool(true))
    #expect(stop["incident_types"] == .set(["police_misconduct"]))
  }

  @Test("'nữa' right after a number of days puts it ahead, whatever past cue follows")
  func aheadBeforePast() throws {
    let fair = try ShippedData.facts("le phat dan o chua du kien 3 ngay nua nam ngoai co may thang say xin quay pha")
    #expect(fair["event_in_days"] == .integer(3))
    #expect(fair["planned_event"] == .bool(true))
  }

  @Test("a clause that opens with 'nhưng', 'but' does not go on in the tense before it")
  func contrastBreaksTense() throws {
    let facts = try ShippedData.facts("Cuộc biểu tình đó xong rồi, nhưng tháng sau tụi tôi còn tổ chức lần nữa")
    #expect(facts["planned_event"] == .bool(true))
  }

  @Test("a place in the possessive is the place: Boise's parade")
  func possessivePlace() throws {
    let facts = try ShippedData.facts("We're organizing Boise's first Pride parade downtown in 3 weeks.")
    #expect(facts["city"] == .text("Boise"))
    #expect(facts["state"] == .choice("ID"))
    #expect(facts["communities"] == .set(["lgbtq"]))
  }

  @Test("'go home' counts as a slur only inside quotes (a quote in a phrase was dropped)")
  func quotedOnly() throws {
    let bus = try ShippedData.facts("they're just sitting at the bus stop waiting to go home")
    #expect(bus["bases"] == nil)
    let quoted = try ShippedData.facts("he yelled 'go home' at my mother")
    #expect(quoted["bases"] == .set(["national_origin"]))
  }

  @Test("UT Arlington is a campus in Texas, not Utah")
  func universityCampus() throws {
    let facts = try ShippedData.facts("e la sv nam 3 o UT Arlington, campus police chan e 2 lan")
    #expect(facts["state"] == .choice("TX"))
    #expect(facts["city"] == .text("Arlington"))
    #expect(facts["settings"] == .set(["college_campus"]))
  }

  @Test("in hospital for a stroke is no violence")
  func illness() throws {
    #expect(try ShippedData.facts("Tuần rồi ba em bị stroke nhập viện ở Wichita.")["violence"] == nil)
    #expect(try ShippedData.facts("Tuần rồi ba em bị đánh phải nhập viện")["violence"] == .bool(true))
  }

  @Test("danger now: 'ổn rồi', 'we are fine' are no; a bare 'ok' is asked again, never a yes")
  func dangerAnswers() throws {
    #expect(try ShippedData.answerValue("immediate_danger", "ổn rồi") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "hk sao") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "we are fine") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "ok") == nil)
    #expect(try ShippedData.answerValue("immediate_danger", "có, nó đang đứng ngoài đường với cây gậy") == .bool(true))
  }

  @Test("the police as a party, answered in a sentence: 'the' begins no 'they came'")
  func policeAnswers() throws {
    #expect(try ShippedData.answerValue("law_enforcement_involved", "the officer is the one who hit him") == .bool(true))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "the police help us") == .bool(false))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "cảnh sát tới hỏi rồi đi") == .bool(false))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "the police don't listen to us") == .bool(true))
  }

  @Test("a word that is also a particle stays part of its choice: 'da đen' is no 'dạ'; 'ở nhà' is a home")
  func wordsNotParticles() throws {
    #expect(try ShippedData.answerValue("communities", "da đen") == .set(["black"]))
    #expect(try ShippedData.answerValue("settings", "ở nhà") == .set(["housing"]))
    #expect(try ShippedData.answerValue("wants", "muốn kiện") == .set(["file_complaint"]))
  }

  @Test("a phrase that opens with 'because', 'vì' is out of reach of a negation before it")
  func becauseScope() throws {
    let pay = try ShippedData.facts("My boss won't pay us because we are Vietnamese")
    #expect(pay["bases"] == .set(["national_origin"]))
    #expect(pay["incident_types"] == .set(["discrimination"]))
  }

  @Test("acts told plainly, probed by class: a tire slashed is no stabbing, a call to beat people is a threat")
  func actsProbed() throws {
    let tire = try ShippedData.facts("Ai đó đâm thủng bánh xe của cha xứ")
    #expect(tire["violence"] == nil)
    #expect(tire["incident_types"] == .set(["hate_crime"]))
    let call = try ShippedData.facts("Trên Facebook có người kêu gọi đánh người Việt")
    #expect(call["incident_types"] == .set(["threats"]))
    #expect(try ShippedData.facts("Police arrested my son for no reason")["law_enforcement_involved"] == .bool(true))
    #expect(try ShippedData.facts("Bệnh viện không cho người thông dịch")["incident_types"] == .set(["language_access"]))
  }

  @Test("a slur or unfair treatment by the police named first in its clause is their misconduct; the police invited are not")
  func policeSubjectOfWrongs() throws {
    let slur = try ShippedData.facts("Cảnh sát nói tiếng Việt thì về nước đi")
    #expect(slur["law_enforcement_involved"] == .bool(true))
    let invited = try ShippedData.facts("e la hoi truong, muon moi canh sat va hoi dong tp ngoi lai vi dao nay hay co chuyen ky thi")
    #expect(invited["law_enforcement_involved"] == nil)
    #expect(try ShippedData.facts("Officers laughed at us when we reported it")["law_enforcement_involved"] == .bool(true))
  }

  @Test("bases, probed by class: a headscarf and 'khủng bố', a wheelchair, 'because she is Black'")
  func basesProbed() throws {
    let scarf = try ShippedData.facts("Họ kêu vợ tui là con khủng bố vì đội khăn")
    #expect(scarf["bases"] == .set(["religion"]))
    #expect(scarf["incident_types"] == .set(["bias_incident"]))
    #expect(try ShippedData.facts("Ông chủ nói không nhận người tàn tật")["bases"] == .set(["disability"]))
    let both = try ShippedData.facts("My daughter was bullied because she is Black and Vietnamese")
    #expect(both["bases"] == .set(["race", "national_origin"]))
  }

  @Test("a general yes ('right', 'ok') gives way to what the sentence tells; an apartment is housing")
  func weakYesAndHousing() throws {
    #expect(try ShippedData.answerValue("immediate_danger", "right now we are safe") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "ok, tụi nó đi rồi") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "right, they are still outside") == .bool(true))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "we did not call the police") == .bool(false))
    #expect(try ShippedData.answerValue("settings", "in our apartment building") == .set(["housing"]))
    // The police who came and then beat someone are a party.
    #expect(try ShippedData.facts("cảnh sát có tới rồi đánh ảnh")["law_enforcement_involved"] == .bool(true))
  }
}
