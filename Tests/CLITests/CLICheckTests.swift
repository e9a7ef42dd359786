import Foundation
import IntakeTestSupport
import Testing

/// `crs-intake check`, end to end.
@Suite("crs-intake check")
struct CLICheckTests {
  @Test("clean data: exit 0 and a summary on stdout")
  func clean() async throws {
    let result = try await CLI.run(["check"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Rules and Locales are valid"))
    #expect(result.stdout.contains("13 services"))
    #expect(result.stdout.contains("56 states and territories"))
    #expect(result.stderr.isEmpty)
  }

  @Test("--rules and --locales options work like the environment variables")
  func options() async throws {
    let result = try await CLI.run(
      ["check", "--rules", PackagePaths.rules.path, "--locales", PackagePaths.locales.path],
      environment: ["CRS_INTAKE_RULES": "/nonexistent", "CRS_INTAKE_LOCALES": "/nonexistent"])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test("broken data: exit 65 and a file:line:column: error: line for every mistake")
  func broken() async throws {
    let fixture = try BrokenRulesFixture()
    defer { fixture.remove() }
    // Paths are shown as given: the rules folder by its name from the folder that holds it.
    let result = try await CLI.run(
      ["check", "--rules", "Rules", "--locales", PackagePaths.locales.path], directory: fixture.folder.url)
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    for expected in fixture.expected {
      let prefix = "\(expected.file):\(expected.line):\(expected.column): error: "
      #expect(result.stderrLines.contains { $0.hasPrefix(prefix) }, "no line starting \(prefix)\n\(result.stderr)")
    }
    // Messages are words from Locales/, with the near misses suggested.
    #expect(result.stderr.contains("Did you mean 'immediate_danger'?"))
    #expect(result.stderr.contains("Did you mean 'report_crime'?"))
    #expect(result.stderr.contains("Did you mean 'weight'?"))
    #expect(result.stderr.contains("\"no\""))
    #expect(!result.stderr.contains("diagnostic."))
    // Every line but the summary has the compiler form.
    let pattern = try NSRegularExpression(pattern: #"^Rules/[a-z/]+\.yaml:\d+:\d+: (error|warning): \S"#)
    let diagnosticLines = result.stderrLines.dropLast()
    for line in diagnosticLines {
      #expect(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil, "\(line)")
    }
    #expect(result.stderrLines.last?.range(of: #"^\d+ errors, \d+ warnings\.$"#, options: .regularExpression) != nil)
  }

  @Test("knowledge mistakes are warned about: a service out of scope, a U.S. referral abroad, an empty office field")
  func knowledgeWarnings() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    func append(_ relative: String, _ text: String) throws {
      let url = rules.appendingPathComponent(relative)
      try (try String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }
    // A recommendation without a jurisdiction test, and an FBI referral with no care for the state.
    try append(
      "rules/services.yaml",
      "\n  - id: dialogue.any-request\n    when: { fact: wants, includes: dialogue }\n    recommend: facilitated_dialogue\n")
    try append(
      "rules/referrals.yaml", "\n  - id: refer.fbi-always\n    when: { fact: incident_types, includes: threats }\n    refer: fbi_tips\n")
    let offices = rules.appendingPathComponent("offices.yaml")
    let text = try String(contentsOf: offices, encoding: .utf8)
    try text.replacingOccurrences(of: "    phone: \"206-220-6700\"", with: "    phone: \"\"").write(
      to: offices, atomically: true, encoding: .utf8)
    let result = try await CLI.run(
      ["check", "--rules", "Rules", "--locales", PackagePaths.locales.path], directory: folder.url)
    let warnings = result.stderrLines.filter { $0.contains(": warning: ") }
    #expect(
      warnings.contains {
        $0.hasPrefix("Rules/rules/services.yaml:")
          && $0.contains(
            "Rule 'dialogue.any-request' can recommend 'facilitated_dialogue' when the situation is outside CRS's jurisdiction")
      }, "\(result.stderr)")
    #expect(
      warnings.contains {
        $0.hasPrefix("Rules/rules/referrals.yaml:")
          && $0.contains(
            "Rule 'refer.fbi-always' can refer to 'fbi_tips', a U.S. office or number, for a situation outside the United States")
      })
    #expect(warnings.contains { $0.hasPrefix("Rules/offices.yaml:") && $0.contains("The field 'phone' of office 'seattle' is empty") })
    // The shipped rules have none of these mistakes.
    let clean = try await CLI.run(["check"])
    #expect(!clean.stderr.contains("warning"))
  }

  @Test("invalid UTF-8 in a rules file: exit 65 with its position, no crash")
  func invalidUTF8() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    let file = rules.appendingPathComponent("rules/urgency.yaml")
    try (Data("# Khẩn cấp ".utf8) + Data([0xFF]) + Data("\n".utf8) + Data(contentsOf: file)).write(to: file)
    let result = try await CLI.run(["check", "--rules", "Rules"], directory: folder.url)
    #expect(result.status == 65)
    #expect(result.stderrLines.contains { $0.hasPrefix("Rules/rules/urgency.yaml:1:12: error: ") })
  }

  @Test("messages follow --lang vi")
  func vietnamese() async throws {
    let fixture = try BrokenRulesFixture()
    defer { fixture.remove() }
    let result = try await CLI.run(["check", "--lang", "vi", "--rules", fixture.rules.path])
    #expect(result.status == 65)
    #expect(result.stderrLines.last?.contains("lỗi") == true)
    let english = try await CLI.run(["check", "--rules", fixture.rules.path])
    #expect(result.stderr != english.stderr)
  }

  @Test("--strict turns warnings into a failure")
  func strict() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    let file = rules.appendingPathComponent("rules/referrals.yaml")
    var text = try String(contentsOf: file, encoding: .utf8)
    try text.replaceOnce("    refer: call_911\n", with: "    refer: call_911\n    weight: 3\n")
    try Data(text.utf8).write(to: file)
    let lenient = try await CLI.run(["check", "--rules", rules.path])
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("warning:"))
    let strict = try await CLI.run(["check", "--strict", "--rules", rules.path])
    #expect(strict.status == 65)
  }
}
