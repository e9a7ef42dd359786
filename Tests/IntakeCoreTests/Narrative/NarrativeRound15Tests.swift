import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 15 (`Corpus/*.round15.yaml`, written blind, weighted to the police as a party told
/// indirectly and to answers at the questions that matter most): what it found wrong.
@Suite("Round 15: a people named is no basis of nothing; the police told indirectly")
struct NarrativeRound15Tests {
  @Test("a people or a language named in a request about nothing gives no basis")
  func noBasisOfNothing() throws {
    let doctor = try ShippedData.facts("Hello, my father need a doctor who speak Vietnamese in Tulsa, Oklahoma.")
    #expect(doctor["bases"] == nil)
    // Asked why, the same words are the whole answer.
    #expect(try ShippedData.answerValue("bases", "vì tụi tui là người Việt") == .set(["national_origin"]))
    // With something told, the basis stays.
    let slur = try ShippedData.facts("Ông cảnh sát ở Gretna gặp người Việt là kêu \"hey Charlie\"")
    #expect(slur["bases"] == .set(["national_origin"]))
    #expect(slur["law_enforcement_involved"] == .bool(true))
  }

  @Test("the police as a party, told by what they would not do or how they treated people")
  func policeIndirect() throws {
    let report = try ShippedData.facts("The officer who came out laughed, said it's just graffiti, relax and wouldn't write it up.")
    #expect(report["law_enforcement_involved"] == .bool(true))
    let held = try ShippedData.facts("Last week an elder from Crownpoint was held overnight with no charges.")
    #expect(held["incident_types"] == .set(["police_misconduct"]))
    // "4 time in 2 month" is how often, not an event in 60 days.
    let often = try ShippedData.facts("they stop him 4 time in 2 month, he never get ticket")
    #expect(often["planned_event"] == nil)
  }

  @Test("answers: 'no' typed without marks before more words is 'nó'; 'chính mấy ổng' are the police")
  func answersRound15() throws {
    #expect(try ShippedData.answerValue("violence", "no noi se giet ca nha em") == .bool(true))
    #expect(try ShippedData.answerValue("violence", "no, ko ai bi danh") == .bool(false))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "dạ chính mấy ổng đè thằng nhỏ xuống đó chớ ai") == .bool(true))
    #expect(
      try ShippedData.answerValue("law_enforcement_involved", "cops showed up after and were actually really helpful") == .bool(false))
    #expect(try ShippedData.answer("law_enforcement_involved", "honestly not sure, I wasn't there") == .unknown)
    #expect(try ShippedData.answerValue("violence", "ổng cầm knife dí vô mặt em") == .bool(true))
  }

  @Test("answers probed by class: the police named as the ones who did it, late and yelling; calm now")
  func probedAnswers() throws {
    #expect(try ShippedData.answerValue("law_enforcement_involved", "it was a cop who did it") == .bool(true))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "dạ cũng là tại cảnh sát hết") == .bool(true))
    // Late, and yelling at the people who called: no "police came" (a no).
    #expect(try ShippedData.answerValue("law_enforcement_involved", "cảnh sát tới trễ cả tiếng mà còn la tụi em") == .bool(true))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "tụi em chưa báo cảnh sát") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "it's calm now") == .bool(false))
    #expect(try ShippedData.answerValue("wants", "we need help talking to the school") == .set(["dialogue"]))
  }

  @Test("probed by class: a call to disrupt a ceremony, tires slashed, children called terrorists, a bus that will not stop")
  func probedDescriptions() throws {
    let call = try ShippedData.facts("Có người viết lên Facebook kêu mọi người tới quậy buổi lễ Phật Đản.")
    #expect(call["incident_types"] == .set(["threats"]))
    #expect(try ShippedData.facts("someone keeps slashing tires in our church parking lot")["incident_types"] == .set(["hate_crime"]))
    let school = try ShippedData.facts("our kids get called terrorists at school every day since the war started")
    #expect(school["incident_types"].map { $0.displayValues.contains("bias_incident") } == true)
    let bus = try ShippedData.facts("the bus driver won't stop for the Hmong elders at the stop")
    #expect(bus["incident_types"] == .set(["discrimination"]))
  }
}
