import IntakeCore
import IntakeTestSupport
import Testing

/// Services: every rule that holds recommends its service; best weight first, then the
/// catalogue order; each recommendation lists the rules behind it. Referrals likewise.
@Suite("Recommendations and their order")
struct RecommendationTests {
  typealias I = Inline

  @Test("services are ordered by their best weight, highest first")
  func byWeight() throws {
    let book = try I.book([
      I.recommend("s1-low", "s1", weight: 10, when: I.eq("a", true)),
      I.recommend("s2-high", "s2", weight: 90, when: I.eq("a", true)),
      I.recommend("s3-mid", "s3", weight: 50, when: I.eq("a", true)),
    ])
    #expect(try Evaluation(book, ["a": .bool(true)]).services == ["s2", "s3", "s1"])
  }

  @Test("a service's place is the highest weight among its rules that hold")
  func maxWeight() throws {
    let book = try I.book([
      I.recommend("s1-low", "s1", weight: 10, when: I.eq("a", true)),
      I.recommend("s1-high", "s1", weight: 95, when: I.eq("b", true)),
      I.recommend("s2", "s2", weight: 60, when: I.eq("a", true)),
    ])
    #expect(try Evaluation(book, ["a": .bool(true), "b": .bool(true)]).services == ["s1", "s2"])
    #expect(try Evaluation(book, ["a": .bool(true), "b": .bool(false)]).services == ["s2", "s1"])
  }

  @Test("equal weights follow the catalogue order, not the rule order")
  func catalogueBreaksTies() throws {
    let book = try I.book([
      I.recommend("s3", "s3", weight: 50, when: I.eq("a", true)),
      I.recommend("s1", "s1", weight: 50, when: I.eq("a", true)),
      I.recommend("s2", "s2", weight: 50, when: I.eq("a", true)),
    ])
    #expect(try Evaluation(book, ["a": .bool(true)]).services == ["s1", "s2", "s3"])
  }

  @Test("a weight of zero still recommends the service")
  func zeroWeight() throws {
    let book = try I.book([I.recommend("zero", "s1", weight: 0, when: I.eq("a", true))])
    #expect(try Evaluation(book, ["a": .bool(true)]).services == ["s1"])
  }

  @Test("each recommendation lists every rule that made it, in file order")
  func because() throws {
    let book = try I.book([
      I.recommend("second-by-weight", "s1", weight: 10, when: I.eq("a", true)),
      I.recommend("not-holding", "s1", weight: 99, when: I.eq("c", true)),
      I.recommend("first-by-weight", "s1", weight: 80, when: I.eq("b", true)),
      I.refer("ref", "r1", when: I.eq("a", true)),
    ])
    let run = try Evaluation(book, ["a": .bool(true), "b": .bool(true), "c": .bool(false)])
    #expect(run.outcome.services.map(\.id) == ["s1"])
    #expect(run.outcome.services.first?.because.map(\.rule) == ["second-by-weight", "first-by-weight"])
    #expect(run.outcome.referrals.map(\.id) == ["r1"])
    #expect(run.outcome.referrals.first?.because.map(\.rule) == ["ref"])
  }

  @Test("reasons come from the catalog in the outcome's language, with English as fallback")
  func reasonsAreLocalised() throws {
    let book = try I.book([I.recommend("rule-a", "s1", when: I.eq("a", true))])
    let evaluator = Evaluator(book: book)
    evaluator.evaluate(try book.table(for: ["a": .bool(true)]).get())
    let catalog = MessageCatalog(texts: [.en: ["reason.rule-a": "Because A."], .vi: ["reason.rule-a": "Vì A."]])
    #expect(evaluator.outcome(catalog: catalog, language: .vi).services.first?.because.first?.reason == "Vì A.")
    #expect(evaluator.outcome(catalog: catalog, language: .en).services.first?.because.first?.reason == "Because A.")
    let englishOnly = MessageCatalog(texts: [.en: ["reason.rule-a": "Because A."]])
    #expect(evaluator.outcome(catalog: englishOnly, language: .vi).services.first?.because.first?.reason == "Because A.")
  }

  @Test("a rule naming an unknown service or referral is a compile error")
  func unknownTargets() {
    let rules = [
      I.recommend("bad-service", "s9", when: I.eq("a", true)),
      I.refer("bad-referral", "r9", when: I.eq("a", true)),
    ]
    let (book, diagnostics) = RuleBook.compile(Inline.ruleSet(rules))
    #expect(book == nil)
    #expect(Set(diagnostics.map(\.code)) == [.unknownService, .unknownReferral])
  }

  @Test("shipped rules: a request typical of SPCP puts spcp first and explains why")
  func shippedSPCP() throws {
    let run = try Evaluation(
      try ShippedData.book(),
      [
        "request_goal": .choice("respond"), "bases": .set(["race"]), "law_enforcement_involved": .bool(true),
        "longstanding_mistrust": .bool(true), "incident_types": .set(["police_use_of_force"]), "state": .choice("WA"),
      ])
    #expect(run.services.first == "spcp")
    #expect(run.outcome.services.first?.because.map(\.rule) == ["spcp.police-mistrust", "spcp.police-incident"])
    #expect(run.outcome.jurisdiction == "in_scope")
    #expect(run.outcome.jurisdictionBases == ["title_x"])
  }
}
