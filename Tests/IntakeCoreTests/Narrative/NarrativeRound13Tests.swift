import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 13 (`Corpus/*.round13.yaml`, written blind in the style of the first corpus): answers
/// whose first word is a pronoun, a word typed with marks taken for an English one, and what the
/// descriptions of the batch showed missing.
@Suite("Round 13: pronouns open no answer, marks keep words apart")
struct NarrativeRound13Tests {
  @Test("someone still outside is danger now, whatever pronoun opens the answer")
  func pronounOpensNoAnswer() throws {
    // "tụi nó …" began "tụi nó đi rồi" (a no), "nó" folded to the English "no", "they're"
    // began "they're gone", "we're" began "we're fine".
    #expect(try ShippedData.answerValue("immediate_danger", "tụi nó vẫn còn ở ngoài") == .bool(true))
    #expect(try ShippedData.answerValue("immediate_danger", "nó vẫn đứng trước nhà") == .bool(true))
    #expect(try ShippedData.answerValue("immediate_danger", "they're still parked across the street right now") == .bool(true))
    #expect(try ShippedData.answerValue("immediate_danger", "we're scared, they still parked outside") == .bool(true))
    // The whole phrases still answer.
    #expect(try ShippedData.answerValue("immediate_danger", "tụi nó đi rồi") == .bool(false))
    #expect(try ShippedData.answerValue("immediate_danger", "they're gone now") == .bool(false))
  }

  @Test("a yes or a no the rest of the answer contradicts is asked back")
  func contradictedYesNo() throws {
    #expect(try ShippedData.answer("immediate_danger", "no, they're still outside") == .ambiguous(["true", "false"]))
    #expect(try ShippedData.answerValue("immediate_danger", "no, they left an hour ago") == .bool(false))
  }

  @Test("asked about the police, 'they' and 'họ' opening the answer are the police")
  func policePronoun() throws {
    #expect(try ShippedData.answerValue("law_enforcement_involved", "they came and beat him") == .bool(true))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "họ đè anh tui xuống đất") == .bool(true))
    #expect(try ShippedData.answerValue("law_enforcement_involved", "they just came") == .bool(false))
    #expect(
      try ShippedData.answerValue("law_enforcement_involved", "tụi em gọi 911 thì police tới giúp liền, mấy ổng tốt lắm") == .bool(false))
  }

  @Test("help asked for: a word that fits two kinds is asked back; not knowing whom to ask is advice")
  func wantsAnswers() throws {
    #expect(try ShippedData.answer("wants", "em muốn report vụ này") == .ambiguous(["report_crime", "file_complaint"]))
    #expect(try ShippedData.answerValue("wants", "uhm chỉ muốn biết phải làm gì thôi, ko bit hỏi ai hết") == .set(["advice"]))
    // A plain "I don't know" is still one.
    #expect(try ShippedData.answer("wants", "ko bit") == .unknown)
  }

  @Test("an event told as over is no event planned; the job named after 'tới' is the workplace")
  func eventOverAndWorkplace() throws {
    #expect(try ShippedData.answerValue("planned_event", "cái rally đó xong rồi, hồi tháng trước lận") == .bool(false))
    #expect(try ShippedData.answerValue("planned_event", "rồi") == .bool(true))
    #expect(
      try ShippedData.answerValue("settings", "trên facebook trước, rồi tới chỗ làm nó cũng nói luôn") == .set(["workplace", "online"]))
  }

  @Test("'chua danh nhau' typed without marks is 'not yet fought': no violence")
  func notYetFought() throws {
    let facts = try ShippedData.facts("hai nhom cu cai nhau tren facebook, chua danh nhau nhung cang lam roi")
    #expect(facts["violence"] == .bool(false))
  }

  @Test("'1 thang nho' typed without marks is a boy, not a month")
  func boyNotMonth() throws {
    let facts = try ShippedData.facts("may nam truoc canh sat Tacoma ban chet 1 thang nho viet")
    #expect(facts["incident_days_ago"] == nil)
    #expect(facts["incident_types"] == .set(["police_use_of_force"]))
  }

  @Test("last year's trouble beside a fair ahead: history, the request prevents")
  func lastYearUnmarked() throws {
    let facts = try ShippedData.facts("hoi cho tet o Arlington VA se to chuc 2 tuan nua, nam ngoai bi co nguoi nem chai vo gian hang")
    #expect(facts["request_goal"] == .choice("prevent"))
    #expect(facts["event_in_days"] == .integer(14))
  }

  @Test("shots counted, with the town between the police and the shooting")
  func shotsCounted() throws {
    let facts = try ShippedData.facts("chau tui bi canh sat Port Arthur ban 2 phat vao chan tuan truoc")
    #expect(facts["incident_types"] == .set(["police_use_of_force"]))
    #expect(facts["city"] == .text("Port Arthur"))
  }

  @Test("a town after 'into', 'qua', 'lên' is named as a place")
  func townAfterMotion() throws {
    let facts = try ShippedData.facts("our people get pulled over the minute they cross into Rapid City")
    #expect(facts["city"] == .text("Rapid City"))
    #expect(facts["state"] == .choice("SD"))
  }

  @Test("a slur with the nation in it names that nation, not the race the bare word would")
  func slurWithNation() throws {
    let facts = try ShippedData.facts("Hôm qua đi làm bị ông quản lý kêu là \"con khỉ Việt Nam\" trước mặt mọi người")
    #expect(facts["bases"] == .set(["national_origin"]))
    #expect(facts["communities"] == .set(["asian_american"]))
  }

  @Test("trust lost in the police makes them a party; the police who helped are none")
  func policeTrustAndHelp() throws {
    let lost = try ShippedData.facts("may nam nay roi, ba con nguoi Viet o day het tin police")
    #expect(lost["law_enforcement_involved"] == .bool(true))
    let helped = try ShippedData.facts("He drove straight to the precinct and honestly the officers there were good about it")
    #expect(helped["law_enforcement_involved"] == .bool(false))
  }

  @Test("probed by class: a father beaten, a landlord, the side of the head, two sides not yet met")
  func probedByClass() throws {
    #expect(try ShippedData.facts("nó đánh ba em")["violence"] == .bool(true))
    let landlord = try ShippedData.facts("Ông chủ nhà không chịu cho thuê khi biết tụi tui là người Việt.")
    #expect(landlord["settings"] == .set(["housing"]))
    #expect(try ShippedData.facts("He hit my dad on the temple with a bottle.")["settings"] == nil)
    // "hai bên chưa gặp nhau" typed without marks: no pagoda ("bên chùa").
    #expect(try ShippedData.facts("hai ben chua gap nhau lan nao")["settings"] == nil)
    let standby = try ShippedData.facts("Mấy ông cảnh sát cứ đứng nhìn tụi nó đánh ba em mà không làm gì.")
    #expect(standby["law_enforcement_involved"] == .bool(true))
    let uncaring = try ShippedData.facts("Police never come when we call, they don't care about our neighborhood.")
    #expect(uncaring["law_enforcement_involved"] == .bool(true))
  }

  @Test("probed by class: help, bases and events ahead in plain words")
  func probedWantsBasesEvents() throws {
    #expect(try ShippedData.facts("We need someone to train our teachers about bullying.")["wants"] == .set(["training"]))
    // "canh sat truong" typed without marks is the chief ("trưởng"), not school police.
    #expect(try ShippedData.facts("chung toi muon co buoi hop voi canh sat truong")["settings"] == nil)
    #expect(try ShippedData.facts("Can you send someone to help both groups work it out?")["wants"] == .set(["mediation"]))
    #expect(try ShippedData.facts("He said we don't belong here because of our accent.")["bases"] == .set(["national_origin"]))
    let walk = try ShippedData.facts("Hội đoàn đang lên kế hoạch đi bộ ủng hộ người Á châu.")
    #expect(walk["planned_event"] == .bool(true))
    let iftar = try ShippedData.facts("Our mosque is hosting an interfaith iftar next week, about 300 people.")
    #expect(iftar["planned_event"] == .bool(true))
    #expect(try ShippedData.facts("Our church is hosting a rummage sale this Saturday.")["planned_event"] == nil)
  }
}
