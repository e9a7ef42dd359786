import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// The scenario tests written as data in Rules/scenarios, run by `swift test` too.
@Suite("Scenarios")
struct ScenarioTests {
  static func shippedScenarios() -> ([Scenario], [Diagnostic]) {
    ScenarioLoader(path: PackagePaths.scenarios, displayBase: PackagePaths.root).load()
  }

  @Test("Rules/scenarios loads cleanly and holds at least 150 scenarios, most written from published CRS cases with their source")
  func loads() {
    let (scenarios, diagnostics) = Self.shippedScenarios()
    #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location) \($0.code) \($0.arguments)" })")
    #expect(scenarios.count >= 150)
    #expect(scenarios.allSatisfy { $0.location?.file.hasPrefix("Rules/scenarios/") == true })
    let published = scenarios.filter { $0.location?.file.hasPrefix("Rules/scenarios/published-") == true }
    #expect(published.count * 2 > scenarios.count - published.count, "\(published.count) of \(scenarios.count)")
    #expect(published.allSatisfy { !($0.source ?? "").isEmpty })
  }

  /// Published CRS cases written by someone who never saw the rules, and never looked at
  /// while the rules were changed: how well the knowledge holds on cases it was not tuned on.
  @Test("the held-out published cases pass at least 85% of the time")
  func heldOut() throws {
    let (scenarios, diagnostics) = ScenarioLoader(
      path: PackagePaths.rules.appendingPathComponent("held-out"), displayBase: PackagePaths.root
    ).load()
    #expect(diagnostics.isEmpty)
    #expect(scenarios.count >= 40)
    let report = ScenarioRunner(book: try ShippedData.book()).run(scenarios)
    let passed = scenarios.count - report.failedScenarios.count
    #expect(passed * 100 >= scenarios.count * 85, "\(passed) of \(scenarios.count)")
  }

  @Test("every shipped scenario passes")
  func allPass() throws {
    let (scenarios, _) = Self.shippedScenarios()
    let report = ScenarioRunner(book: try ShippedData.book()).run(scenarios)
    #expect(report.scenarioCount == scenarios.count)
    let failures = report.failures.map { "\($0.scenario) \($0.field): expected \($0.expected), got \($0.actual)" }
    #expect(report.failures.isEmpty, "\(failures.joined(separator: "\n"))")
    #expect(report.failedScenarios.isEmpty)
  }

  @Test("every rule holds in at least one scenario")
  func fullCoverage() throws {
    let (scenarios, _) = Self.shippedScenarios()
    let book = try ShippedData.book()
    let report = ScenarioRunner(book: book).run(scenarios)
    #expect(report.coverage.map(\.rule) == book.rules.map(\.id))
    #expect(report.uncoveredRules.isEmpty, "not covered: \(report.uncoveredRules)")
  }

  @Test("a wrong expectation is reported with its field, the expected value and the actual one")
  func wrongExpectationFails() throws {
    var expect = Scenario.Expectations()
    expect.servicesInclude = ["mediation"]
    expect.office = "boston"
    expect.urgency = "emergency"
    expect.jurisdiction = "in_scope"  // right: must not be reported
    let scenario = Scenario(
      id: "deliberately-wrong",
      given: [
        "state": .choice("WA"), "bases": .set(["race"]), "request_goal": .choice("respond"),
        "wants": .set(["mediation"]), "parties_willing_to_meet": .choice("no"),
      ],
      expect: expect)
    let report = ScenarioRunner(book: try ShippedData.book()).run([scenario])
    #expect(report.failedScenarios == ["deliberately-wrong"])
    let byField = Dictionary(grouping: report.failures, by: \.field)
    #expect(Set(byField.keys) == ["services_include", "office", "urgency"])
    #expect(byField["office"]?.first?.expected == "boston")
    #expect(byField["office"]?.first?.actual == "seattle")
    #expect(byField["urgency"]?.first?.expected == "emergency")
    #expect(byField["urgency"]?.first?.actual == "standard")
    #expect(byField["services_include"]?.first?.expected == "[mediation]")
    #expect(byField["services_include"]?.first?.actual == "[facilitated_dialogue, consultation]")
  }

  @Test("ordered, excluded and field-office expectations are checked too")
  func otherExpectationKinds() throws {
    var expect = Scenario.Expectations()
    expect.services = ["consultation", "ppow_forum"]  // wrong order
    expect.servicesExclude = ["ppow_forum"]
    expect.servicesFirst = "consultation"
    expect.fieldOffice = .some("miami")
    expect.missingExclude = ["violence"]
    let scenario = Scenario(
      id: "kinds",
      given: ["state": .choice("WA"), "bases": .set(["religion"]), "settings": .set(["place_of_worship"]), "violence": .bool(false)],
      expect: expect)
    let report = ScenarioRunner(book: try ShippedData.book()).run([scenario])
    let fields = Set(report.failures.map(\.field))
    #expect(fields == ["services", "services_exclude", "services_first", "field_office"])
    #expect(report.failures.first { $0.field == "field_office" }?.actual == "null")
    #expect(report.failures.first { $0.field == "services" }?.actual == "[ppow_forum, consultation]")
  }

  @Test("a scenario giving an invalid value fails on `given`")
  func invalidGiven() throws {
    let scenario = Scenario(id: "bad-given", given: ["state": .choice("ZZ")], expect: .init())
    let report = ScenarioRunner(book: try ShippedData.book()).run([scenario])
    #expect(report.failures.map(\.field) == ["given"])
    #expect(report.failures.first?.actual.contains("ZZ") == true)
  }

  @Test("a failing scenario read from YAML points at its file and line")
  func failureLocation() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "Rules/scenarios/wrong.yaml",
      """
      version: 1
      scenarios:
        - id: passes
          given: { state: TX, city: Houston }
          expect: { office: dallas, field_office: houston }
        - id: fails
          given: { state: TX, city: Houston, bases: [race] }
          expect: { jurisdiction: out_of_scope, field_office: null }
      """)
    let (scenarios, diagnostics) = ScenarioLoader(path: file, displayBase: folder.url).load()
    #expect(diagnostics.isEmpty)
    let report = ScenarioRunner(book: try ShippedData.book()).run(scenarios)
    #expect(report.failedScenarios == ["fails"])
    let failures = report.failures
    #expect(Set(failures.map(\.field)) == ["jurisdiction", "field_office"])
    #expect(failures.allSatisfy { $0.location == SourceLocation(file: "Rules/scenarios/wrong.yaml", line: 6, column: 9) })
  }

  @Test("scenario files with mistakes are reported with file, line and column")
  func loaderDiagnostics() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "scenarios/a.yaml",
      """
      version: 1
      scenarios:
        - id: one
          given: { state: TX }
          expect: { ofice: dallas }
        - id: one
          given: { parties_willing_to_meet: no }
          expect: {}
      """)
    let (_, diagnostics) = ScenarioLoader(path: folder.url.appendingPathComponent("scenarios"), displayBase: folder.url).load()
    let found = Set(diagnostics.map { "\($0.location) \($0.code)" })
    #expect(found.contains("scenarios/a.yaml:5:15 unknown-key"))
    #expect(found.contains("scenarios/a.yaml:7:39 boolean-trap"))
    #expect(found.contains("scenarios/a.yaml:6:9 duplicate-id"))
  }
}
