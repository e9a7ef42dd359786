import IntakeCore
import IntakeTestSupport

/// Small rule sets built in code, over a fixed vocabulary, for engine semantics tests.
enum Inline {
  /// Input facts: a, b, c (bool), color (choice), tags (set), n (integer ≥ 0), city (text).
  /// Derived facts: level (choice), flags (set), tier (choice), stage (choice).
  static let facts: [FactDefinition] = [
    FactDefinition(id: "a", kind: .bool),
    FactDefinition(id: "b", kind: .bool),
    FactDefinition(id: "c", kind: .bool),
    FactDefinition(id: "color", kind: .choice, values: ["red", "green", "blue"]),
    FactDefinition(id: "tags", kind: .set, values: ["x", "y", "z"]),
    FactDefinition(id: "n", kind: .integer, minimum: 0),
    FactDefinition(id: "city", kind: .text),
    FactDefinition(id: "level", kind: .choice, values: ["low", "mid", "high"], derived: true, defaultValue: "low"),
    FactDefinition(id: "flags", kind: .set, values: ["f1", "f2", "f3"], derived: true),
    FactDefinition(id: "tier", kind: .choice, values: ["t1", "t2"], derived: true),
    FactDefinition(id: "stage", kind: .choice, values: ["s_one", "s_two"], derived: true),
  ]

  /// Services in catalogue order.
  static let services = ["s1", "s2", "s3"].map { ServiceDefinition(id: $0, kind: "service", source: "") }
  static let referrals = [ReferralDefinition(id: "r1", contact: "", source: "")]

  static func ruleSet(_ rules: [Rule]) -> RuleSet {
    RuleSet(facts: facts, services: services, referrals: referrals, rules: rules)
  }

  /// Compiles `rules`, failing the calling test with the diagnostics when they do not compile.
  static func book(_ rules: [Rule]) throws -> RuleBook {
    let (book, diagnostics) = RuleBook.compile(ruleSet(rules))
    guard let book else {
      throw TestSetupError("inline rules do not compile: \(diagnostics.map { "\($0.code) \($0.arguments)" })")
    }
    return book
  }

  // MARK: Conditions

  static func leaf(_ fact: String, _ op: RuleOperator, _ operand: Condition.Operand) -> Condition {
    .leaf(Condition.Leaf(fact: fact, op: op, operand: operand))
  }
  static func eq(_ fact: String, _ flag: Bool) -> Condition { leaf(fact, .equals, .bool(flag)) }
  static func eq(_ fact: String, _ value: String) -> Condition { leaf(fact, .equals, .values([value])) }
  static func all(_ children: Condition...) -> Condition { .all(children, nil) }
  static func any(_ children: Condition...) -> Condition { .any(children, nil) }
  static func not(_ child: Condition) -> Condition { .not(child, nil) }

  // MARK: Rules

  static func recommend(_ id: String, _ service: String, weight: Int = 50, when condition: Condition) -> Rule {
    Rule(id: id, condition: condition, action: .recommend(service: service, weight: weight))
  }
  static func refer(_ id: String, _ referral: String, when condition: Condition) -> Rule {
    Rule(id: id, condition: condition, action: .refer(referral: referral))
  }
  static func derive(_ id: String, _ fact: String, _ values: [String], priority: Int = 0, when condition: Condition) -> Rule {
    Rule(id: id, condition: condition, action: .derive([(fact: fact, values: values)]), priority: priority)
  }
}

/// One evaluation of a request against a rule book, with what tests look at.
struct Evaluation {
  let book: RuleBook
  let evaluator: Evaluator
  let outcome: Outcome

  init(_ book: RuleBook, _ facts: [String: FactValue], evaluator: Evaluator? = nil) throws {
    self.book = book
    let evaluator = evaluator ?? Evaluator(book: book)
    let table = try book.table(for: facts).get()
    evaluator.evaluate(table)
    self.evaluator = evaluator
    self.outcome = evaluator.outcome(catalog: MessageCatalog(), language: .en)
  }

  /// The result of rule `id` for this request.
  func result(_ id: String) -> Tri? {
    book.trace(evaluator).first { $0.rule == id }?.result
  }

  func trace(_ id: String) -> RuleTrace? {
    book.trace(evaluator).first { $0.rule == id }
  }

  /// The request's facts plus the derived ones.
  var values: [String: FactValue] { book.values(of: evaluator.table) }

  var services: [String] { outcome.services.map(\.id) }
  var referrals: [String] { outcome.referrals.map(\.id) }
}
