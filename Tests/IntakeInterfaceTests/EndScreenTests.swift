import Foundation
import IntakeCore
import IntakeInterface
import IntakeLoading
import IntakeTestSupport
import Testing

/// The end screen reads in one look: at 80 columns it fits one terminal screen (24 lines) for
/// every situation the scenarios describe, in both languages, with the essentials on it; the
/// rest is behind `:details`.
@Suite("End screen")
struct EndScreenTests {
  static func outcomes() throws -> [(id: String, outcome: Outcome)] {
    let book = try ShippedData.book()
    let (scenarios, _) = ScenarioLoader(path: PackagePaths.scenarios, displayBase: PackagePaths.root).load()
    let evaluator = Evaluator(book: book)
    return scenarios.compactMap { scenario in
      guard case .success(let table) = book.table(for: scenario.given) else { return nil }
      return (scenario.id, evaluator.outcome(of: table, catalog: ShippedData.loaded.catalog, language: .en))
    }
  }

  @Test(
    "Every scenario's end screen fits 24 lines at 80 columns, in English and Vietnamese, with no line too wide",
    arguments: Language.allCases)
  func fitsOneScreen(language: Language) throws {
    let book = try ShippedData.book()
    let renderer = EventRenderer(width: 80)
    let text = OutcomeText(book: book, wording: Wording(catalog: ShippedData.loaded.catalog, language: language))
    let outcomes = try Self.outcomes()
    #expect(outcomes.count >= 150)
    var longest = (lines: 0, id: "", screen: "")
    for (id, outcome) in outcomes {
      for offersDraft in [false, true] {
        let screen = renderer.outcome(text.summary(outcome, offersDraft: offersDraft))
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > longest.lines { longest = (lines.count, id, screen) }
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(id): a line is wider than 80 columns")
      }
    }
    #expect(longest.lines <= 24, "\(longest.id): \(longest.lines) lines\n\(longest.screen)")
  }

  @Test("The end screen shows danger first, the best service with its reason, the office's phone and the way to :details")
  func essentials() throws {
    let book = try ShippedData.book()
    let catalog = ShippedData.loaded.catalog
    let facts: [String: FactValue] = [
      "immediate_danger": .bool(true), "request_goal": .choice("respond"), "state": .choice("TX"),
      "bases": .set(["religion"]), "settings": .set(["place_of_worship"]), "violence": .bool(true),
    ]
    guard case .success(let table) = book.table(for: facts) else { throw TestSetupError("facts do not fit the rules") }
    let outcome = Evaluator(book: book).outcome(of: table, catalog: catalog, language: .en)
    let english = OutcomeText(book: book, wording: Wording(catalog: catalog, language: .en)).summary(outcome)
    #expect(english.hasPrefix("Someone is in danger right now: call 911 first."))
    let best = try #require(outcome.services.first)
    #expect(english.contains("Best fit: " + catalog.text("service.\(best.id).name", .en)))
    #expect(english.contains("Why: "))
    #expect(english.contains("phone 214-655-8175"))
    #expect(english.contains("Type :details"))
    // The long texts are for :details only.
    #expect(!english.contains(catalog.text("service.\(best.id).what", .en)))
    let vietnamese = OutcomeText(book: book, wording: Wording(catalog: catalog, language: .vi)).summary(outcome)
    #expect(vietnamese.hasPrefix("Đang có người gặp nguy hiểm: xin hãy gọi 911 trước."))
    #expect(vietnamese.contains("Gõ :chi tiết"))
    // Bilingual: 911 in both languages before anything else, then a whole block per language.
    let both = OutcomeText(book: book, wording: Wording(catalog: catalog, language: .vi, bilingual: true)).summary(outcome)
    let lines = both.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("Đang có người gặp nguy hiểm") && lines[1].hasPrefix("Someone is in danger right now"))
    let viTitle = try #require(lines.firstIndex(of: "═══ Kết quả ═══"))
    let enTitle = try #require(lines.firstIndex(of: "═══ Your result ═══"))
    #expect(viTitle < enTitle)
    #expect(lines[viTitle..<enTitle].allSatisfy { !$0.hasPrefix("Jurisdiction:") && !$0.hasPrefix("Best fit:") })
    #expect(lines[enTitle...].allSatisfy { !$0.hasPrefix("Thẩm quyền:") && !$0.hasPrefix("Phù hợp nhất:") })
    #expect(lines.filter { $0.hasPrefix("Jurisdiction:") }.count == 1)
  }
}
