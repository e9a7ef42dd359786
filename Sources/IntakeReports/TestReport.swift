import Foundation
import IntakeCore

/// `crs-intake test --format json`: each scenario passed or failed with its differences, and
/// how many scenarios each rule held in.
public struct TestReport: JSONReport, Sendable {
  /// The shape and its version: a change that removes or renames a key gets a new one.
  public static let schema = "crs-intake-test/1"

  public struct ScenarioResult: Encodable, Sendable {
    public var id: String
    /// `file:line:column` of the scenario.
    public var location: String?
    public var passed: Bool
    public var differences: [Difference]
  }

  /// A field of the outcome that is not what the scenario expects, with the rules that
  /// decided it.
  public struct Difference: Encodable, Sendable {
    public var field, expected, actual: String
    public var rules: [TracedRule]
  }

  /// One rule of a difference's trace: whether it held (`true`, `false`, `unknown`), the
  /// condition that failed with the value seen, or the unknown facts it waits for.
  public struct TracedRule: Encodable, Sendable {
    public var rule, result: String
    public var failed: String?
    public var unknown: [String]?

    init(_ step: RuleTrace) {
      rule = step.rule
      result = step.result.description
      failed = step.failed?.description
      unknown = step.unknownFacts.isEmpty ? nil : step.unknownFacts
    }
  }

  public struct RuleCoverage: Encodable, Sendable {
    public var rule: String
    public var scenarios: Int
  }

  let schema = Self.schema
  public var passed: Int
  public var failed: Int
  public var scenarios: [ScenarioResult]
  public var coverage: [RuleCoverage]

  public init(scenarios: [Scenario], report: ScenarioRunner.Report) {
    let byScenario = Dictionary(grouping: report.failures, by: \.scenario)
    self.scenarios = scenarios.map { scenario in
      let differences = (byScenario[scenario.id] ?? []).map {
        Difference(field: $0.field, expected: $0.expected, actual: $0.actual, rules: $0.trace.map(TracedRule.init))
      }
      return ScenarioResult(
        id: scenario.id, location: scenario.location?.description, passed: differences.isEmpty, differences: differences)
    }
    failed = report.failedScenarios.count
    passed = scenarios.count - failed
    coverage = report.coverage.map { RuleCoverage(rule: $0.rule, scenarios: $0.count) }
  }

}
