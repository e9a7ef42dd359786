import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Limits of the reader found by the round-3 corpus, and how it reads now.
@Suite("Reader limits")
struct NarrativeReaderLimitsTests {
  static let reader = ShippedData.loaded.narrativeReader()

  /// Violence means violence or a credible threat of it: "nobody was hurt" says no one was
  /// hurt, not that nobody was threatened.
  @Test(
    "a credible threat is violence next to 'nobody was hurt'",
    arguments: [
      "Tụi nó gọi điện nói sẽ bắn chết cả nhà nếu còn mở chùa, may chưa ai bị gì",
      "chua ai bi thuong nhung tui no hua se quay lai dot nha tui",
      "Nobody was hurt, but he said he will kill us all",
    ])
  func threatOverNoHarm(text: String) throws {
    let reader = try #require(Self.reader)
    #expect(reader.read(text).facts["violence"] == .bool(true), "\(text)")
  }

  @Test(
    "'nobody was hurt' stands next to someone armed seen, and alone",
    arguments: [
      "Police not hurt anybody, but they come in our restaurant with gun",
      "Không ai bị thương, tụi nó chỉ chửi rồi đi",
    ])
  func noHarmStands(text: String) throws {
    let reader = try #require(Self.reader)
    #expect(reader.read(text).facts["violence"] != .bool(true), "\(text)")
  }

  /// A district or a nickname ("Little Saigon", "Dorchester") gives way to a city named by its
  /// own name; two cities named by their own names still drop the city.
  @Test(
    "a district gives way to the city named",
    arguments: [
      ("Cộng đồng mình ở San Jose sẽ biểu tình phản đối đổi tên khu Little Saigon", "San Jose", "CA"),
      ("Cảnh sát Boston đè con tôi ở Dorchester", "Boston", "MA"),
      ("march from Little Saigon to the federal building in Santa Ana", "Santa Ana", "CA"),
      ("nhà ở Dorchester bị ném đá", "Boston", "MA"),
    ])
  func districtGivesWay(text: String, city: String, state: String) throws {
    let reader = try #require(Self.reader)
    let facts = reader.read(text).facts
    #expect(facts["city"] == .text(city), "\(text)")
    #expect(facts["state"] == .choice(state), "\(text)")
  }

  @Test("two cities named by their own names drop the city")
  func twoCities() throws {
    let reader = try #require(Self.reader)
    #expect(reader.read("Tụi tui ở Houston, con tui học ở Dallas").facts["city"] == nil)
  }

  /// A weekday, a month or a day of the month before a number of weeks or years is a name:
  /// "thứ 6 tuần sau" is next Friday, not six weeks; "tháng 6 năm ngoái" last June.
  @Test(
    "a weekday or a month is no count",
    arguments: [
      ("thang 6 nam ngoai canh sat dallas danh anh toi", "incident_days_ago", nil as Int?),
      ("tụi em tổ chức thắp nến vào tối thứ 6 tuần sau", "event_in_days", 7),
    ])
  func weekdayMonth(text: String, fact: String, days: Int?) throws {
    let reader = try #require(Self.reader)
    #expect(reader.read(text).facts[fact] == days.map(FactValue.integer), "\(text)")
  }

  @Test("a street named after a state is no state")
  func street() throws {
    let reader = try #require(Self.reader)
    let facts = reader.read("bị quăng đá trên đường Washington Avenue ở Philadelphia").facts
    #expect(facts["state"] == .choice("PA"))
  }
}
