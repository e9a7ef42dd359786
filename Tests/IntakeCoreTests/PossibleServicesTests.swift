import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Unknown never means "nothing for you": an undecided request says what would fit and on
/// what it depends, in the outcome, on the end screen and in the draft.
@Suite("Possible services")
struct PossibleServicesTests {
  static func outcome(_ facts: [String: FactValue], _ language: Language = .en) throws -> Outcome {
    let book = try ShippedData.book()
    return Evaluator(book: book).outcome(of: try book.table(for: facts).get(), catalog: ShippedData.loaded.catalog, language: language)
  }

  @Test("A religious bias incident with violence and the place not yet known still gets services, and what the place would add")
  func religionViolenceUnknown() throws {
    let outcome = try Self.outcome([
      "request_goal": .choice("respond"), "bases": .set(["religion"]), "incident_types": .set(["bias_incident"]), "state": .choice("PA"),
    ])
    #expect(outcome.jurisdiction == "assess")
    #expect(!outcome.services.isEmpty)
    let ppow = try #require(outcome.possibleServices.first { $0.id == "ppow_forum" })
    #expect(ppow.facts == ["settings"])
    #expect(ppow.when == [Outcome.Condition(fact: "settings", value: .set(["place_of_worship"]))])
    // Nothing already recommended is listed again.
    #expect(Set(outcome.possibleServices.map(\.id)).isDisjoint(with: outcome.services.map(\.id)))
  }

  @Test("A reported hate crime counts toward Shepard-Byrd: no need to prove violence first")
  func hateCrimeCounts() throws {
    let outcome = try Self.outcome([
      "request_goal": .choice("respond"), "bases": .set(["sexual_orientation"]), "incident_types": .set(["hate_crime"]),
      "state": .choice("WA"),
    ])
    #expect(outcome.jurisdiction == "in_scope")
    #expect(outcome.jurisdictionBases == ["shepard_byrd"])
    #expect(outcome.services.map(\.id).contains("bias_hate_crimes_forum"))
  }

  @Test("With nothing known, a request is assessed, gets a consultation, and shows what a basis would bring")
  func nothingKnown() throws {
    let outcome = try Self.outcome(["state": .choice("TX")])
    #expect(outcome.jurisdiction == "assess")
    #expect(outcome.services.map(\.id) == ["consultation"])
    #expect(!outcome.possibleServices.isEmpty)
  }

  @Test(
    "The end screen says what could also fit, in the person's language",
    arguments: [
      (
        Language.en, "Could also fit, depending on what is not known yet:",
        "If: Where it is happening: Place of worship → Protecting Places of Worship Forum"
      ),
      (
        Language.vi, "Cũng có thể phù hợp, tùy vào những điều chưa biết:",
        "Nếu: Nơi xảy ra: Nơi thờ tự (chùa, nhà thờ, đền, thánh thất…) → Diễn Đàn Bảo Vệ Nơi Thờ Tự"
      ),
    ])
  func endScreen(language: Language, heading: String, line: String) throws {
    let book = try ShippedData.book()
    let outcome = try Self.outcome(
      ["request_goal": .choice("respond"), "bases": .set(["religion"]), "incident_types": .set(["bias_incident"]), "state": .choice("PA")],
      language)
    let wording = Wording(catalog: ShippedData.loaded.catalog, language: language)
    let screen = OutcomeText(book: book, wording: wording).render(outcome)
    #expect(screen.contains(heading))
    #expect(screen.contains(line), "\(screen)")
  }

  @Test("Several values of one fact are one line: 'Muslim, Sikh, Arab American, Jewish or Hindu'")
  func mergedValues() throws {
    let book = try ShippedData.book()
    let outcome = try Self.outcome([
      "request_goal": .choice("prevent"), "bases": .set(["religion"]), "wants": .set(["training"]), "state": .choice("MI"),
    ])
    let screen = OutcomeText(book: book, wording: Wording(catalog: ShippedData.loaded.catalog, language: .en)).render(outcome)
    #expect(
      screen.contains("If: Communities affected: Muslim, Sikh, Arab American, Jewish or Hindu → Cultural professionalism training"),
      "\(screen)")
  }
}
