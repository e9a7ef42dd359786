import IntakeCore
import IntakeTestSupport
import Testing

/// An unknown fact makes a condition unknown, never false: a missing answer must not silently
/// drop a service, and `not` of unknown stays unknown.
@Suite("Three-valued logic")
struct ThreeValuedLogicTests {
  typealias I = Inline

  @Test("a rule over an unknown fact is undecided, not false, and recommends nothing")
  func unknownLeafIsUndecided() throws {
    let book = try I.book([I.recommend("r", "s1", when: I.eq("a", true))])
    let run = try Evaluation(book, [:])
    #expect(run.result("r") == .unknown)
    #expect(run.services.isEmpty)
    #expect(run.trace("r")?.unknownFacts == ["a"])
    #expect(run.outcome.missing == ["a"])
  }

  @Test("`not` of an unknown fact is unknown, so the rule neither holds nor fails")
  func notOfUnknownIsUnknown() throws {
    let book = try I.book([I.recommend("r", "s1", when: I.not(I.eq("a", true)))])
    let unknown = try Evaluation(book, [:])
    #expect(unknown.result("r") == .unknown)
    #expect(unknown.services.isEmpty)
    #expect(unknown.outcome.missing == ["a"])

    let known = try Evaluation(book, ["a": .bool(false)])
    #expect(known.result("r") == .true)
    #expect(known.services == ["s1"])
    #expect(try Evaluation(book, ["a": .bool(true)]).result("r") == .false)
  }

  @Test(
    "`all` and `any` follow Kleene logic",
    arguments: [
      // (a, b, all(a, b), any(a, b)); nil is unknown.
      (true, nil, Tri.unknown, Tri.true),
      (false, nil, .false, .unknown),
      (nil, nil, .unknown, .unknown),
      (true, true, .true, .true),
      (true, false, .false, .true),
      (false, false, .false, .false),
      (nil, true, .unknown, .true),
      (nil, false, .false, .unknown),
    ] as [(Bool?, Bool?, Tri, Tri)])
  func kleeneGroups(a: Bool?, b: Bool?, expectedAll: Tri, expectedAny: Tri) throws {
    let book = try I.book([
      I.recommend("both", "s1", when: I.all(I.eq("a", true), I.eq("b", true))),
      I.recommend("either", "s2", when: I.any(I.eq("a", true), I.eq("b", true))),
    ])
    var facts: [String: FactValue] = [:]
    if let a { facts["a"] = .bool(a) }
    if let b { facts["b"] = .bool(b) }
    let run = try Evaluation(book, facts)
    #expect(run.result("both") == expectedAll)
    #expect(run.result("either") == expectedAny)
    #expect(run.services.contains("s1") == (expectedAll == .true))
    #expect(run.services.contains("s2") == (expectedAny == .true))
  }

  @Test("a known false conjunct decides `all` even when another fact is unknown")
  func falseConjunctDecides() throws {
    let book = try I.book([I.recommend("r", "s1", when: I.all(I.eq("a", true), I.not(I.eq("b", true))))])
    let run = try Evaluation(book, ["a": .bool(false)])
    #expect(run.result("r") == .false)
    #expect(run.outcome.missing.isEmpty)
  }

  @Test("a derivation over an unknown fact leaves the derived fact unknown, so rules reading it are undecided")
  func derivedFactStaysUnknown() throws {
    let book = try I.book([
      I.derive("d", "level", ["high"], when: I.eq("a", true)),
      I.recommend("r", "s1", when: I.not(I.eq("level", "high"))),
    ])
    let run = try Evaluation(book, [:])
    #expect(run.values["level"] == nil)
    #expect(run.result("r") == .unknown)
    #expect(run.services.isEmpty)
    #expect(run.outcome.missing == ["a"])
  }

  @Test("shipped rules: a request with no bases is not out of scope and keeps services open")
  func shippedUnknownBasesIsNotOutOfScope() throws {
    let book = try ShippedData.book()
    let run = try Evaluation(book, ["state": .choice("WA"), "planned_event": .bool(true)])
    // What the tension is about is not known: CRS assesses (never out_of_scope), and what
    // would fit is already shown.
    #expect(run.outcome.jurisdiction == "assess")
    #expect(run.outcome.jurisdictionBecause.map(\.rule) == ["jurisdiction.basis-unknown"])
    #expect(run.result("event.planned-event") == .true)
    #expect(run.outcome.missing.contains("bases"))
    #expect(!run.referrals.contains("civil_rights_division"))
  }
}
