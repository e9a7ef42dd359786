import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Round 9 (`Corpus/*.round9.yaml`): a city written with its state is where it happens when
/// two are named; a place said not to be takes its state with it; a city a phrase names is
/// text, shown as written; danger now is today; denying who someone is denies no bias; a
/// place elsewhere takes its whole clause.
@Suite("Places named apart, danger today, elsewhere")
struct NarrativeRound9Tests {
  static func read(_ text: String) throws -> [String: FactValue] {
    try #require(ShippedData.narrativeReader).read(text).facts
  }

  @Test("of two cities, the one written with its state is read, and its state")
  func cityWithState() throws {
    let facts = try Self.read("Mấy năm trước ba tôi bị đánh ở Oakland. Giờ gia đình tôi ở Milpitas, CA.")
    #expect(facts["city"] == .text("Milpitas"))
    #expect(facts["state"] == .choice("CA"))
    let quincy = try Self.read("Bà em bị đánh ở Quincy Center, Quincy MA, giờ đang nằm Boston Medical.")
    #expect(quincy["city"] == .text("Quincy"))
    // Neither written with a state: neither is chosen.
    #expect(try Self.read("bị đánh ở Oakland, giờ ở Milpitas")["city"] == nil)
  }

  @Test("'không phải Arlington bên Virginia' takes Virginia with it; the city is text")
  func deniedPlace() throws {
    let facts = try Self.read("tụi em ở Arlington, Texas (không phải Arlington bên Virginia)")
    #expect(facts["state"] == .choice("TX"))
    #expect(facts["city"] == .text("Arlington"))
  }

  @Test("the read-back shows a city a phrase names as written, never a message key")
  func cityShownAsWritten() async throws {
    let run = try await CLI.run(["--lang", "vi", "--no-save"], stdin: "tụi em ở Arlington, Texas\n")
    #expect(run.stdout.contains("Thành phố hoặc thị trấn: Arlington"))
    #expect(!run.stdout.contains("value.city"))
  }

  @Test("someone in danger now: the incident is today, unless a day count is read")
  func dangerToday() throws {
    let now = try Self.read("HELP right now có 1 guy đang đập cửa tiệm phở của ba em ở Camden, NJ, cầm knife")
    #expect(now["immediate_danger"] == .bool(true))
    #expect(now["incident_days_ago"] == .integer(0))
    #expect(try Self.read("Tuần trước tụi nó đánh ba em, giờ tụi nó đang đứng ngoài cầm dao")["incident_days_ago"] == .integer(7))
  }

  @Test("'Vietnamese, not Chinese' and 'nobody wants boat people' keep the basis")
  func deniedPeople() throws {
    #expect(try Self.read("ai viết 'go back to Vietnam, nobody wants boat people'")["bases"] == .set(["national_origin"]))
    // A bias itself denied clears it.
    #expect(try Self.read("hông có chuyện kỳ thị gì hết, người Việt mình cãi nhau thôi")["bases"] == nil)
  }

  @Test("a shooting 'ở một nhà thờ bên tiểu bang khác' is not the writer's incident")
  func elsewhere() throws {
    let facts = try Self.read("Năm ngoái có vụ nổ súng ở một nhà thờ bên tiểu bang khác làm ban chấp sự lo lắm.")
    #expect(facts["violence"] == nil)
    #expect(try Self.read("Hôm qua có vụ nổ súng ở nhà thờ tụi tôi")["violence"] == .bool(true))
  }
}
