import IntakeCore
import IntakeTestSupport
import Testing

/// The same request always gives the same outcome: no ties broken by chance, and nothing
/// left over from the request evaluated before.
@Suite("Determinism")
struct DeterminismTests {
  static let request: [String: FactValue] = [
    "request_goal": .choice("respond"), "bases": .set(["religion", "race"]), "violence": .bool(true),
    "incident_types": .set(["hate_crime", "protest_or_unrest"]), "incident_days_ago": .integer(2),
    "settings": .set(["place_of_worship", "citywide"]), "wants": .set(["training", "dialogue", "mediation"]),
    "parties_willing_to_meet": .choice("yes"), "state": .choice("MI"),
  ]

  @Test("the same request twice on one evaluator gives equal outcomes")
  func twiceOnOneEvaluator() throws {
    let book = try ShippedData.book()
    let evaluator = Evaluator(book: book)
    let first = try Evaluation(book, Self.request, evaluator: evaluator).outcome
    let second = try Evaluation(book, Self.request, evaluator: evaluator).outcome
    #expect(first == second)
    #expect(first.services.count > 3)
  }

  @Test("a request evaluated after a different one gives the same outcome as on a fresh evaluator")
  func noLeftovers() throws {
    let book = try ShippedData.book()
    let fresh = try Evaluation(book, Self.request).outcome
    let reused = Evaluator(book: book)
    var generator = RequestGenerator(seed: 42, facts: book.facts)
    for _ in 0..<50 {
      _ = try Evaluation(book, generator.next(), evaluator: reused)
      #expect(try Evaluation(book, Self.request, evaluator: reused).outcome == fresh)
    }
  }

  @Test("two separately compiled rule books give the same outcome")
  func separateCompilations() throws {
    let book = try ShippedData.book()
    let (other, _) = RuleBook.compile(book.ruleSet)
    let again = try #require(other)
    #expect(try Evaluation(book, Self.request).outcome == Evaluation(again, Self.request).outcome)
  }

  @Test("fact order in the request does not matter")
  func factOrder() throws {
    let book = try ShippedData.book()
    var shuffled: [String: FactValue] = [:]
    for key in Self.request.keys.sorted().reversed() { shuffled[key] = Self.request[key] }
    var reordered = shuffled
    reordered["bases"] = .set(["race", "religion"])
    #expect(try Evaluation(book, Self.request).outcome == Evaluation(book, reordered).outcome)
  }
}
