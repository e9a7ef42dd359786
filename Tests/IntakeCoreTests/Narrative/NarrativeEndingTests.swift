import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// A description whose last words are a number and a unit once stopped the interview (and a
/// whole `screen` batch): the reader looked past the end of the text for "ago" / "ahead" words.
@Suite("Narratives ending in a number and a unit")
struct NarrativeEndingTests {
  @Test(
    "ending with a number and a unit reads the duration and does not crash",
    arguments: [
      ("Chùa bị phá cách đây 2 tuần", "incident_days_ago", 14),
      ("chua bi pha cach day 2 tuan", "incident_days_ago", 14),
      ("The march is in 5 days", "event_in_days", 5),
      ("They attacked us 3 days ago", "incident_days_ago", 3),
    ])
  func endsWithUnit(text: String, fact: String, days: Int) throws {
    let reader = try #require(ShippedData.loaded.narrativeReader())
    #expect(reader.read(text).facts[fact] == .integer(days), "\(text)")
  }

  @Test("every prefix of such a description reads without crashing")
  func everyPrefix() throws {
    let reader = try #require(ShippedData.loaded.narrativeReader())
    let text = "Hôm qua có người ném đá vào chùa, 3 ngày nữa có biểu tình, cách đây 2 tuần"
    let words = text.split(separator: " ")
    for n in 0...words.count {
      _ = reader.read(words.prefix(n).joined(separator: " "))
    }
  }
}
