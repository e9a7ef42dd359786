import IntakeCore
import IntakeTestSupport
import Testing

/// The indexed evaluator against the naive reference, over thousands of random requests on
/// the shipped rules.
@Suite("Indexed evaluator matches the reference semantics")
struct EvaluatorPropertyTests {
  @Test("random requests: jurisdiction, bases, urgency, services in order, their rules, and referrals agree")
  func randomRequestsAgree() throws {
    let book = try ShippedData.book()
    let reference = ReferenceEvaluator(ruleSet: book.ruleSet)
    var generator = RequestGenerator(seed: 0x5EED_C125, facts: book.facts)
    let evaluator = Evaluator(book: book)
    let catalog = MessageCatalog()
    var mismatches = 0
    var firstMismatch: String?
    var servicesSeen = Set<String>()
    var referralsSeen = Set<String>()
    for _ in 0..<4000 {
      let request = generator.next()
      evaluator.evaluate(try book.table(for: request).get())
      let outcome = evaluator.outcome(catalog: catalog, language: .en)
      let actual = ReferenceEvaluator.Result(
        jurisdiction: outcome.jurisdiction, bases: outcome.jurisdictionBases, urgency: outcome.urgency,
        services: outcome.services.map(\.id), serviceRules: outcome.services.map { $0.because.map(\.rule) },
        referrals: outcome.referrals.map(\.id))
      let expected = reference.evaluate(request)
      servicesSeen.formUnion(expected.services)
      referralsSeen.formUnion(expected.referrals)
      if actual != expected {
        mismatches += 1
        if firstMismatch == nil {
          firstMismatch = "request \(request.sorted { $0.key < $1.key })\n engine:    \(actual)\n reference: \(expected)"
        }
      }
    }
    #expect(mismatches == 0, "\(mismatches) mismatches; first: \(firstMismatch ?? "")")
    // The generator must exercise the rules, or agreement proves little.
    #expect(servicesSeen == Set(book.services.map(\.id)))
    #expect(referralsSeen == Set(book.referrals.map(\.id)))
  }

  @Test("random requests on an inline rule set full of conflicts, chains, sets and negations agree")
  func conflictsAgree() throws {
    typealias I = Inline
    let rules = [
      // Equal priority, different values: file order decides.
      I.derive("level-mid", "level", ["mid"], priority: 10, when: I.eq("a", true)),
      I.derive("level-high", "level", ["high"], priority: 10, when: I.leaf("tags", .includes, .values(["x"]))),
      I.derive("level-low", "level", ["low"], priority: 20, when: I.all(I.eq("b", true), I.not(I.eq("c", true)))),
      // Derived facts reading derived facts, written before the rules they read.
      I.derive("stage-two", "stage", ["s_two"], when: I.leaf("flags", .includesAll, .values(["f1", "f3"]))),
      I.derive("tier-two", "tier", ["t2"], when: I.leaf("level", .in, .values(["mid", "high"]))),
      I.derive("tier-one", "tier", ["t1"], when: I.any(I.eq("color", "red"), I.leaf("n", .between, .integers([3, 5])))),
      I.derive("flags-one", "flags", ["f1"], when: I.leaf("tags", .includesAny, .values(["y", "z"]))),
      I.derive("flags-two", "flags", ["f2"], priority: 5, when: I.leaf("n", .atLeast, .integers([4]))),
      I.derive("flags-one-three", "flags", ["f1", "f3"], when: I.leaf("city", .equals, .values(["Đà Nẵng"]))),
      I.recommend("s1-mid", "s1", weight: 50, when: I.all(I.leaf("tags", .includes, .values(["x"])), I.eq("level", "mid"))),
      I.recommend("s1-tier", "s1", weight: 70, when: I.eq("tier", "t2")),
      I.recommend("s2-a-or-not-b", "s2", weight: 70, when: I.any(I.eq("a", true), I.not(I.eq("b", true)))),
      I.recommend(
        "s3-color", "s3", weight: 60,
        when: I.all(I.leaf("color", .in, .values(["red", "green"])), I.leaf("flags", .includes, .values(["f2"])))),
      I.recommend("s3-stage", "s3", weight: 90, when: I.eq("stage", "s_two")),
      I.recommend("s2-unknown-n", "s2", weight: 10, when: I.all(I.leaf("n", .unknown, .bool(true)), I.eq("a", true))),
      I.recommend(
        "s1-small", "s1", weight: 65, when: I.all(I.leaf("n", .lessThan, .integers([3])), I.leaf("n", .greaterThan, .integers([0])))),
      I.refer("r1-exact", "r1", when: I.all(I.eq("c", true), I.leaf("tags", .equals, .values(["x", "y"])))),
      I.refer("r1-not-level", "r1", when: I.not(I.leaf("level", .in, .values(["low", "mid"])))),
    ]
    let book = try I.book(rules)
    let reference = ReferenceEvaluator(ruleSet: book.ruleSet)
    var generator = RequestGenerator(seed: 7, facts: book.facts)
    let evaluator = Evaluator(book: book)
    var mismatches: [String] = []
    var levels = Set<FactValue?>()
    for _ in 0..<3000 {
      let request = generator.next()
      let run = try Evaluation(book, request, evaluator: evaluator)
      let expected = reference.evaluate(request)
      let derived = reference.derive(request)
      for fact in ["level", "tier", "stage", "flags"] where run.values[fact] != derived[fact] {
        mismatches.append(
          "\(fact): engine \(String(describing: run.values[fact])), reference \(String(describing: derived[fact])) for \(request)")
      }
      levels.insert(derived["level"])
      if run.services != expected.services || run.outcome.services.map({ $0.because.map(\.rule) }) != expected.serviceRules
        || run.referrals != expected.referrals
      {
        mismatches.append("engine \(run.services) \(run.referrals), reference \(expected) for \(request)")
      }
    }
    #expect(mismatches.count == 0, "first: \(mismatches.first ?? "")")
    #expect(levels == [nil, .choice("low"), .choice("mid"), .choice("high")])
  }

  @Test("the reference itself agrees with hand-checked outcomes")
  func referenceSanity() throws {
    let book = try ShippedData.book()
    let reference = ReferenceEvaluator(ruleSet: book.ruleSet)
    let result = reference.evaluate([
      "bases": .set(["religion"]), "violence": .bool(true), "immediate_danger": .bool(true),
      "settings": .set(["place_of_worship"]), "incident_types": .set(["hate_crime"]),
    ])
    #expect(result.jurisdiction == "in_scope")
    #expect(result.bases == ["shepard_byrd"])
    #expect(result.urgency == "emergency")
    #expect(result.services.first == "ppow_forum")
    #expect(result.referrals == ["call_911", "local_police", "fbi_tips"])
  }
}
