/// Runs scenarios against a rule book: each failure with what was expected and what came
/// out, and which rules held in at least one scenario (coverage).
public struct ScenarioRunner {
  /// One expectation that did not hold.
  public struct Failure: Sendable, Equatable {
    public var scenario: String
    public var location: SourceLocation?
    /// The expectation key, e.g. `services_include`.
    public var field: String
    public var expected: String
    public var actual: String
    /// The rules that decided the differing values (`RuleBook.differenceTrace`), so the
    /// author sees why without running `explain`.
    public var trace: [RuleTrace] = []
  }

  public struct Report: Sendable, Equatable {
    public var scenarioCount: Int
    public var failures: [Failure]
    /// Failed scenario ids, in order.
    public var failedScenarios: [String]
    /// Every rule id, with the number of scenarios in which it held.
    public var coverage: [(rule: String, count: Int)]

    public var uncoveredRules: [String] { coverage.filter { $0.count == 0 }.map(\.rule) }

    public static func == (lhs: Report, rhs: Report) -> Bool {
      lhs.scenarioCount == rhs.scenarioCount && lhs.failures == rhs.failures
        && lhs.coverage.map(\.rule) == rhs.coverage.map(\.rule) && lhs.coverage.map(\.count) == rhs.coverage.map(\.count)
    }
  }

  public let book: RuleBook

  public init(book: RuleBook) {
    self.book = book
  }

  public func run(_ scenarios: [Scenario]) -> Report {
    let evaluator = Evaluator(book: book)
    var failures: [Failure] = []
    var failed: [String] = []
    var held: [String: Int] = [:]
    let catalog = MessageCatalog()
    for scenario in scenarios {
      var mine: [Failure] = []
      func fail(_ field: String, _ expected: String, _ actual: String, _ difference: Difference = Difference()) {
        let trace = book.differenceTrace(field: field, wanted: difference.wanted, unwanted: difference.unwanted, evaluator)
        mine.append(
          Failure(scenario: scenario.id, location: scenario.location, field: field, expected: expected, actual: actual, trace: trace))
      }
      switch book.table(for: scenario.given) {
      case .failure(let problems):
        for problem in problems.problems {
          fail(
            "given", problem.arguments["expected"] ?? "",
            "\(problem.arguments["fact"] ?? ""): \(problem.arguments["value"] ?? problem.code)")
        }
      case .success(let table):
        let outcome = evaluator.outcome(of: table, catalog: catalog, language: .en)
        for r in evaluator.firedDerivationRules { held[book.derivations[Int(r)].id, default: 0] += 1 }
        for r in evaluator.firedActionRules { held[book.actions[Int(r)].id, default: 0] += 1 }
        check(scenario.expect, outcome, fail)
      }
      if !mine.isEmpty { failed.append(scenario.id) }
      failures += mine
    }
    let coverage = book.rules.map { (rule: $0.id, count: held[$0.id] ?? 0) }
    return Report(scenarioCount: scenarios.count, failures: failures, failedScenarios: failed, coverage: coverage)
  }

  /// The values behind one failed expectation: expected and not there, there and not expected.
  struct Difference {
    var wanted: [String] = []
    var unwanted: [String] = []
  }

  private func check(
    _ expect: Scenario.Expectations, _ outcome: Outcome, _ fail: (String, String, String, Difference) -> Void
  ) {
    func list(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }
    func equal(_ field: String, _ expected: String?, _ actual: String) {
      if let expected, expected != actual { fail(field, expected, actual, Difference(wanted: [expected], unwanted: [actual])) }
    }
    func exact(_ field: String, _ expected: [String]?, _ actual: [String], ordered: Bool) {
      guard let expected else { return }
      let same = ordered ? expected == actual : Set(expected) == Set(actual)
      guard !same else { return }
      var difference = Difference(wanted: expected.filter { !actual.contains($0) }, unwanted: actual.filter { !expected.contains($0) })
      if difference.wanted.isEmpty, difference.unwanted.isEmpty,
        let position = expected.indices.first(where: { $0 < actual.count && expected[$0] != actual[$0] })
      {
        // The same values in another order: the two at the first place they part.
        difference = Difference(wanted: [expected[position]], unwanted: [actual[position]])
      }
      fail(field, list(expected), list(actual), difference)
    }
    func includes(_ field: String, _ expected: [String], _ actual: [String]) {
      let absent = expected.filter { !actual.contains($0) }
      if !absent.isEmpty { fail(field, list(expected), list(actual), Difference(wanted: absent)) }
    }
    func excludes(_ field: String, _ expected: [String], _ actual: [String]) {
      let present = expected.filter { actual.contains($0) }
      if !present.isEmpty { fail(field, "none of " + list(expected), list(actual), Difference(unwanted: present)) }
    }
    func other(_ field: String, _ expected: String, _ actual: String) { fail(field, expected, actual, Difference()) }
    let services = outcome.services.map(\.id)
    let referrals = outcome.referrals.map(\.id)
    equal("jurisdiction", expect.jurisdiction, outcome.jurisdiction)
    exact("basis", expect.basis, outcome.jurisdictionBases, ordered: false)
    equal("urgency", expect.urgency, outcome.urgency)
    exact("services", expect.services, services, ordered: true)
    includes("services_include", expect.servicesInclude, services)
    excludes("services_exclude", expect.servicesExclude, services)
    if let first = expect.servicesFirst, services.first != first {
      fail("services_first", first, services.first ?? "none", Difference(wanted: [first], unwanted: Array(services.prefix(1))))
    }
    exact("referrals", expect.referrals, referrals, ordered: false)
    includes("referrals_include", expect.referralsInclude, referrals)
    excludes("referrals_exclude", expect.referralsExclude, referrals)
    equal("region", expect.region, outcome.office.region)
    equal("office", expect.office, outcome.office.office)
    if let field = expect.fieldOffice, field != outcome.office.fieldOffice {
      other("field_office", field ?? "null", outcome.office.fieldOffice ?? "null")
    }
    exact("missing", expect.missing, outcome.missing, ordered: false)
    includes("missing_include", expect.missingInclude, outcome.missing)
    excludes("missing_exclude", expect.missingExclude, outcome.missing)
    let possible = outcome.possibleServices.map(\.id)
    includes("possible_services_include", expect.possibleServicesInclude, possible)
    excludes("possible_services_exclude", expect.possibleServicesExclude, possible)
    if let confirmed = expect.officeConfirmed, confirmed != outcome.office.confirmed {
      other("office_confirmed", String(confirmed), String(outcome.office.confirmed))
    }
  }
}
