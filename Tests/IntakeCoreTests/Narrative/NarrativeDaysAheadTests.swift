import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Days ahead say when an event is: without a planned event in the description they say when
/// something else is ("the workshop next month", "we must move out next week") and are not
/// read. An answer to "in how many days is the event?" keeps them: it names no event.
@Suite("Days ahead need an event")
struct NarrativeDaysAheadTests {
  @Test(
    "days ahead without a planned event are not read",
    arguments: [
      "Tụi tôi muốn mời CRS làm workshop cho teachers vào tháng tới",
      "Má tui ký giấy mà ko hiểu gì hết, tuần sau phải dọn ra rồi",
      "Em complain với HR thì tuần sau bị cắt giờ",
    ])
  func noEvent(text: String) throws {
    let reader = try #require(ShippedData.loaded.narrativeReader())
    #expect(reader.read(text).facts["event_in_days"] == nil, "\(text)")
  }

  @Test(
    "days ahead with a planned event are read",
    arguments: [
      ("We are planning a march next week", 7),
      ("Tuần sau tụi em biểu tình trước city hall", 7),
      ("The rally is in 5 days", 5),
    ])
  func withEvent(text: String, days: Int) throws {
    let reader = try #require(ShippedData.loaded.narrativeReader())
    #expect(reader.read(text).facts["event_in_days"] == .integer(days), "\(text)")
  }

  @Test("an answer keeps days ahead without an event")
  func answer() throws {
    let reader = try #require(ShippedData.loaded.narrativeReader())
    #expect(reader.read("tuần sau", keepingDaysAhead: true).facts["event_in_days"] == .integer(7))
    #expect(reader.read("tuần sau").facts["event_in_days"] == nil)
  }
}
