import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 14 (`Corpus/*.round14.yaml`, written blind, weighted to the kinds of incident easiest
/// to miss): what it found wrong, each kept from coming back.
@Suite("Round 14: 'or else' is no negation, last Saturday is past, speaking on TV is no news")
struct NarrativeRound14Tests {
  @Test("'ko thì đốt nhà' (or else we burn the house) is a threat, not a negated one")
  func orElse() throws {
    let facts = try ShippedData.facts("vo tui nhan tin nhan la noi 'tui bay ng viet cut khoi khu nay ko thi dot nha'")
    #expect(facts["violence"] == .bool(true))
    #expect(facts["incident_types"].map { $0.displayValues.contains("threats") } == true)
  }

  @Test("'thứ bảy vừa rồi', 'chủ nhật vừa r': a protest already held, not one planned")
  func justPast() throws {
    let held = try ShippedData.facts("Tối thứ bảy vừa rồi cuộc biểu tình trước tòa thị chính San Hô Xê, 2 phe xô đẩy nhau")
    #expect(held["planned_event"] == nil)
    #expect(held["incident_types"].map { $0.displayValues.contains("protest_or_unrest") } == true)
    let typed = try ShippedData.facts("cuoc bieu tinh chu nhat vua r o bolsa, 2 phe chui nhau")
    #expect(typed["planned_event"] == nil)
  }

  @Test("speaking on TV is no news from elsewhere: the threats that followed are read")
  func speakingOnTV() throws {
    let facts = try ShippedData.facts(
      "After we speak on TV about the flag, I receive many phone call say 'we will burn your office and your house'.")
    #expect(facts["incident_types"] == .set(["threats"]))
  }

  @Test("almost came to blows is no violence; a statue's head broken is no injury")
  func almostAndStatue() throws {
    let almost = try ShippedData.facts("HOA meeting tuần rồi thiếu điều đánh nhau")
    #expect(almost["violence"] == nil)
    let statue = try ShippedData.facts(
      "Tượng Đức Mẹ trước nhà thờ Các Thánh Tử Đạo Việt Nam ở Arlington bên Virginia bị đập bể đầu")
    #expect(statue["violence"] == nil)
    #expect(statue["incident_types"] == .set(["hate_crime"]))
    #expect(try ShippedData.facts("ông cụ bị tụi nó đập bể đầu")["violence"] == .bool(true))
  }

  @Test("a protest going on now is unrest, not an event ahead; police closing the road helped")
  func protestNow() throws {
    let now = try ShippedData.facts("Ngay bây giờ protest trước city hall Westminster đang loạn, 2 bên đánh nhau")
    #expect(now["planned_event"] != .bool(true))
    let road = try ShippedData.facts("Cái rally hôm thứ bảy ở Eden Center đông lắm, police chặn đường hỗ trợ rất tốt")
    #expect(road["law_enforcement_involved"] == .bool(false))
  }

  @Test("South LA is Los Angeles, California, not a town called South in Louisiana")
  func southLA() throws {
    let facts = try ShippedData.facts("I've owned a liquor store in South LA for 25 years.")
    #expect(facts["city"] == .text("Los Angeles"))
    #expect(facts["state"] == .choice("CA"))
  }

  @Test("a business permit is no event; avoiding the police is mistrust of them")
  func permitAndAvoiding() throws {
    let permit = try ShippedData.facts("tui muốn hỏi bán pháo bông vậy có cần xin giấy phép gì thêm hông")
    #expect(permit["planned_event"] == nil)
    let avoid = try ShippedData.facts("Ba má tui từ hồi xưa tới giờ thấy xe cảnh sát là né")
    #expect(avoid["law_enforcement_involved"] == .bool(true))
  }

  @Test("answers: danger now is never denied by a phrase begun ('giờ …' is not 'giờ hết rồi')")
  func dangerNotBegun() throws {
    #expect(try ShippedData.answerValue("immediate_danger", "tụi nó drive by mấy vòng rồi, giờ còn đậu xe ngay trước chùa") == .bool(true))
    #expect(try ShippedData.answerValue("immediate_danger", "they're still in the parking lot, yelling at us") == .bool(true))
    #expect(try ShippedData.answer("immediate_danger", "không, tụi nó còn đứng ngoài cửa") == .ambiguous(["true", "false"]))
    #expect(try ShippedData.answerValue("immediate_danger", "ko thấy ai ngoài đó nữa") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "he left but said he'll come back tonight") == .bool(false))
  }

  @Test("answers: a threat after 'mà' is violence; not having seen it is not knowing; 'cả hai' is asked back")
  func answersRound14() throws {
    #expect(try ShippedData.answerValue("violence", "dạ không ai bị đánh, mà tụi nó dọa giết cả nhà em") == .bool(true))
    #expect(try ShippedData.answer("violence", "em hổng thấy, lúc em tới thì xong hết rồi") == .unknown)
    #expect(try ShippedData.answer("request_goal", "ừm cả hai đó") == .ambiguous(["prevent", "respond"]))
  }
}
