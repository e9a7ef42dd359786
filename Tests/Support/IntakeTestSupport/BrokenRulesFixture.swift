import Foundation
import IntakeCore

/// A copy of the shipped Rules/ with many mistakes made at once, and where each must be
/// reported. Shared by the loader tests and the `check` command tests.
public struct BrokenRulesFixture {
  /// One diagnostic the fixture must cause: where, which code, with which arguments.
  public struct Expected: CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var code: DiagnosticCode
    public var arguments: [String: String]

    public var description: String { "\(file):\(line):\(column) \(code)" }
  }

  /// Where a diagnostic must point: the `occurrence`-th match of `text` in the edited file,
  /// `offset` scalars further.
  struct Anchor {
    var text: String
    var occurrence = 1
    var offset = 0
    var code: DiagnosticCode
    var arguments: [String: String] = [:]
  }

  /// The temporary folder holding the copy.
  public let folder: TemporaryFolder
  /// `<folder>/Rules`.
  public let rules: URL
  /// Every diagnostic the mistakes must cause, in the order they were made.
  public private(set) var expected: [Expected] = []

  /// Copies the shipped Rules/ and makes the mistakes in it.
  public init() throws {
    folder = try TemporaryFolder()
    rules = try folder.copyOfShippedRules()

    try edit("rules/referrals.yaml") { text in
      // An unknown fact, with a near miss.
      try text.replaceOnce(
        "- { fact: immediate_danger, equals: true }\n        - any:",
        with: "- { fact: immediat_danger, equals: true }\n        - any:")
      // An unknown value, with a near miss.
      try text.replaceOnce("{ fact: wants, includes: report_crime }", with: "{ fact: wants, includes: report_crim }")
      // A duplicate rule id: the second one is reported.
      try text.replaceOnce("  - id: refer.crd-complaint\n", with: "  - id: refer.fbi-hate-crime\n")
      // A newer file version than the program reads.
      try text.replaceOnce("\nversion: 1\n", with: "\nversion: 2\n")
      return [
        Anchor(
          text: "{ fact: immediat_danger", code: .unknownFact, arguments: ["fact": "immediat_danger", "suggestion": "immediate_danger"]),
        Anchor(
          text: "{ fact: wants, includes: report_crim }", code: .unknownValue,
          arguments: ["value": "report_crim", "suggestion": "report_crime"]),
        Anchor(text: "refer.fbi-hate-crime", occurrence: 2, code: .duplicateID, arguments: ["id": "refer.fbi-hate-crime"]),
        Anchor(text: "version: 2", offset: "version: ".count, code: .versionUnsupported, arguments: ["version": "2"]),
      ]
    }
    try edit("rules/services.yaml") { text in
      // The YAML 1.1 boolean trap: an unquoted `no`.
      try text.replaceOnce(
        "{ fact: parties_willing_to_meet, equals: \"yes\" }\n    recommend: mediation\n    weight: 70",
        with: "{ fact: parties_willing_to_meet, equals: no }\n    recommend: mediation\n    weight: 70")
      // An unknown key, with a near miss.
      try text.replaceOnce("    recommend: consultation\n    weight: 40", with: "    recommend: consultation\n    wieght: 40")
      // An operator on the wrong kind of fact.
      try text.replaceOnce("- { fact: settings, includes: citywide }", with: "- { fact: state, includes: WA }")
      return [
        Anchor(text: "equals: no }", offset: "equals: ".count, code: .booleanTrap, arguments: ["value": "no"]),
        Anchor(text: "wieght", code: .unknownKey, arguments: ["key": "wieght", "suggestion": "weight"]),
        Anchor(
          text: "{ fact: state, includes: WA }", code: .operatorKind,
          arguments: ["operator": "includes", "fact": "state", "kind": "choice"]),
      ]
    }
    // A YAML syntax error is not among these mistakes: it skips the checks of the rule set as a
    // whole (CLICheckRootCauseTests shows each kind of file not parsing on its own).
    try edit("services.yaml") { text in
      // A service no rule recommends.
      text += "  - id: unused_service\n    kind: service\n    source: https://example.org\n"
      return [Anchor(text: "id: unused_service", code: .serviceUnreachable, arguments: ["service": "unused_service"])]
    }
  }

  /// Removes the copy.
  public func remove() { folder.remove() }

  /// The codes the fixture's mistakes may cause; anything else is a spurious error.
  public static let allowedCodes: Set<DiagnosticCode> = [
    .unknownFact, .unknownValue, .duplicateID, .versionUnsupported, .booleanTrap, .unknownKey,
    .operatorKind, .yamlSyntax, .serviceUnreachable,
    // The new service has no texts in Locales/.
    .localeGap,
  ]

  private mutating func edit(_ relative: String, _ body: (inout String) throws -> [Anchor]) throws {
    let url = rules.appendingPathComponent(relative)
    var text = try String(contentsOf: url, encoding: .utf8)
    let anchors = try body(&text)
    try Data(text.utf8).write(to: url)
    // Positions are computed on the final text, after every edit of the file.
    for anchor in anchors {
      guard let at = position(of: anchor.text, in: text, occurrence: anchor.occurrence) else {
        throw TestSetupError("anchor '\(anchor.text)' not found in \(relative)")
      }
      expected.append(
        Expected(
          file: "Rules/\(relative)", line: at.line, column: at.column + anchor.offset, code: anchor.code,
          arguments: anchor.arguments))
    }
  }
}

extension String {
  /// Replaces the one occurrence of `target`, failing when it is absent or not unique.
  public mutating func replaceOnce(_ target: String, with replacement: String) throws {
    let parts = components(separatedBy: target)
    guard parts.count == 2 else {
      throw TestSetupError("expected exactly one '\(target.prefix(60))', found \(parts.count - 1)")
    }
    self = parts.joined(separator: replacement)
  }
}
