import Foundation
import IntakeCore

/// `crs-intake check --format json`: every problem found, and what the data holds when valid.
public struct CheckReport: JSONReport, Sendable {
  /// The shape and its version: a change that removes or renames a key gets a new one.
  public static let schema = "crs-intake-check/1"

  /// One problem, with its message in the session's language.
  public struct Problem: Encodable, Sendable {
    public var severity: String
    public var file: String
    public var line: Int
    public var column: Int
    /// The stable kind of problem (`unknown-fact`, `yaml-syntax`…).
    public var code: String
    public var message: String
    /// The values the message names.
    public var arguments: [String: String]
  }

  /// What a valid rule set holds.
  public struct Counts: Encodable, Sendable {
    public var facts, rules, services, referrals, offices, states: Int
  }

  let schema = Self.schema
  public var valid: Bool
  public var errors: Int
  public var warnings: Int
  public var problems: [Problem]
  /// Files that could not be read or parsed: the checks that depend on them were skipped.
  public var unreadFiles: [String]
  /// Nil when the data is not valid.
  public var counts: Counts?

  /// - Parameters:
  ///   - strict: warnings count as errors (`check --strict`).
  ///   - message: a problem's message in the session's language.
  public init(diagnostics: [Diagnostic], ruleSet: RuleSet, strict: Bool, message: (Diagnostic) -> String) {
    errors = diagnostics.filter { $0.severity == .error }.count
    warnings = diagnostics.count - errors
    valid = errors == 0 && !(strict && warnings > 0)
    problems = diagnostics.map {
      Problem(
        severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line, column: $0.location.column,
        code: $0.code.rawValue, message: message($0), arguments: $0.arguments)
    }
    unreadFiles = diagnostics.unreadFiles
    counts =
      valid
      ? Counts(
        facts: ruleSet.facts.count, rules: ruleSet.rules.count, services: ruleSet.services.count,
        referrals: ruleSet.referrals.count, offices: ruleSet.offices.offices.count, states: ruleSet.offices.states.count)
      : nil
  }

}
