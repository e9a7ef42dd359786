import Foundation
import IntakeTestSupport
import Testing

/// `crs-intake check` and `test` on broken data: the root cause once, at its position, with no
/// follow-on errors, no raw message keys, no empty "Accepted:" list, paths as the author gave
/// them, and "did you mean" for a misspelled fact in a scenario.
@Suite("crs-intake check: the root cause, once")
struct CLICheckRootCauseTests {
  /// Every kind of data file, as a path below a folder holding `Rules/` and `Locales/`.
  static let dataFiles = [
    "Rules/facts.yaml", "Rules/services.yaml", "Rules/referrals.yaml", "Rules/questions.yaml", "Rules/offices.yaml",
    "Rules/places.yaml", "Rules/lexicon.yaml", "Rules/rules/urgency.yaml", "Rules/scenarios/spcp.yaml",
    "Locales/en.yaml", "Locales/vi.yaml",
  ]

  /// A copy of the shipped `Rules/` and `Locales/` in a new folder.
  static func copyOfShippedData() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    _ = try folder.copyOfShippedRules()
    try FileManager.default.copyItem(at: PackagePaths.locales, to: folder.url.appendingPathComponent("Locales"))
    return folder
  }

  /// Puts a YAML syntax error (an unclosed list) on the second line of `relative`.
  static func breakSyntax(_ relative: String, in folder: TemporaryFolder) throws {
    let url = folder.url.appendingPathComponent(relative)
    var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    let version = lines.firstIndex { $0.hasPrefix("version:") } ?? 0
    lines.insert("broken: [unclosed", at: version + 1)
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
  }

  /// What no report may contain: a message shown as its key with its arguments
  /// (`diagnostic.locale-gap key=… language=en`), a bare key, or an empty accepted list.
  static func expectNoLeaks(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let rawKey = #/[a-z]+\.[a-z][a-z-]* [a-z]+=/#
    #expect(output.firstMatch(of: rawKey) == nil, "raw key in:\n\(output)", sourceLocation: sourceLocation)
    #expect(!output.contains("diagnostic."), "\(output)", sourceLocation: sourceLocation)
    #expect(!output.contains("check.summary"), "\(output)", sourceLocation: sourceLocation)
    #expect(!output.contains("Accepted: ."), "\(output)", sourceLocation: sourceLocation)
    #expect(!output.contains("Accepted keys: ."), "\(output)", sourceLocation: sourceLocation)
  }

  @Test("a YAML syntax error is reported once, at file:line:column, and its dependents are skipped in one line", arguments: dataFiles)
  func syntaxError(_ relative: String) async throws {
    let folder = try Self.copyOfShippedData()
    defer { folder.remove() }
    try Self.breakSyntax(relative, in: folder)
    let result = try await CLI.run(
      ["check", "--rules", "Rules", "--locales", "Locales"], rules: folder.url.appendingPathComponent("Rules"),
      locales: folder.url.appendingPathComponent("Locales"), directory: folder.url)
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    let lines = result.stderrLines
    // The root cause, the one line about the skipped checks, the summary.
    #expect(lines.count <= 4, "\(result.stderr)")
    let cause = try Regex("^\(NSRegularExpression.escapedPattern(for: relative)):\\d+:\\d+: error: This is not valid YAML: ")
    #expect(lines.first?.firstMatch(of: cause) != nil, "\(result.stderr)")
    #expect(lines.filter { $0.contains(": error: ") }.count == 1, "\(result.stderr)")
    #expect(
      lines.contains { $0.hasPrefix("The checks that depend on '\(relative)' were skipped") }, "\(result.stderr)")
    #expect(lines.last == "1 errors, 0 warnings.", "\(result.stderr)")
    Self.expectNoLeaks(result.stderr)
  }

  @Test(
    "valid YAML laid out wrong (a list, one value, no main key) is one root cause too, and its dependents are skipped",
    arguments: ["Rules/facts.yaml", "Rules/lexicon.yaml", "Rules/rules/urgency.yaml", "Locales/en.yaml"])
  func wrongShape(_ relative: String) async throws {
    for content in ["- just\n- a list\n", "just one value\n", "version: 1\nsomething: else\n"] {
      let folder = try Self.copyOfShippedData()
      defer { folder.remove() }
      try content.write(to: folder.url.appendingPathComponent(relative), atomically: true, encoding: .utf8)
      let result = try await CLI.run(
        ["check", "--rules", "Rules", "--locales", "Locales", "--lang", "en"], rules: folder.url.appendingPathComponent("Rules"),
        locales: folder.url.appendingPathComponent("Locales"), directory: folder.url)
      #expect(result.status == 65)
      let lines = result.stderrLines
      #expect(lines.count <= 4, "\(content): \(result.stderr)")
      #expect(lines.first?.hasPrefix("\(relative):") == true, "\(result.stderr)")
      #expect(lines.first?.contains("This file is not laid out as expected") == true, "\(result.stderr)")
      #expect(lines.contains { $0.hasPrefix("The checks that depend on '\(relative)' were skipped") }, "\(result.stderr)")
      Self.expectNoLeaks(result.stderr)
    }
  }

  @Test("a broken locale file in Vietnamese: the cause and the skipped checks in Vietnamese, no key", arguments: ["en", "vi"])
  func brokenLocaleInVietnamese(_ language: String) async throws {
    let folder = try Self.copyOfShippedData()
    defer { folder.remove() }
    try Self.breakSyntax("Locales/\(language).yaml", in: folder)
    let result = try await CLI.run(
      ["check", "--lang", "vi", "--rules", "Rules", "--locales", "Locales"], directory: folder.url)
    #expect(result.status == 65)
    #expect(result.stderrLines.count <= 4, "\(result.stderr)")
    #expect(result.stderr.contains("Locales/\(language).yaml:"), "\(result.stderr)")
    #expect(result.stderr.contains("Đây không phải YAML hợp lệ"), "\(result.stderr)")
    #expect(result.stderr.contains("đã được bỏ qua"), "\(result.stderr)")
    Self.expectNoLeaks(result.stderr)
  }

  @Test("paths are shown as given: absolute, relative, with a trailing slash")
  func pathsAsGiven() async throws {
    let folder = try Self.copyOfShippedData()
    defer { folder.remove() }
    try Self.breakSyntax("Rules/facts.yaml", in: folder)
    let rules = folder.url.appendingPathComponent("Rules").path
    let absolute = try await CLI.run(["check", "--rules", rules, "--locales", PackagePaths.locales.path])
    #expect(absolute.stderrLines.first?.hasPrefix(rules + "/facts.yaml:") == true, "\(absolute.stderr)")
    let relative = try await CLI.run(["check", "--rules", "./Rules/"], directory: folder.url)
    #expect(relative.stderrLines.first?.hasPrefix("./Rules/facts.yaml:") == true, "\(relative.stderr)")
    // The environment variable is a way of giving it too.
    let variable = try await CLI.run(["check"], rules: folder.url.appendingPathComponent("Rules"))
    #expect(variable.stderrLines.first?.hasPrefix(rules + "/facts.yaml:") == true, "\(variable.stderr)")
  }

  @Test("a misspelled fact or value in a scenario: at its position, with 'did you mean', in check and test")
  func misspelledScenarioFact() async throws {
    let folder = try Self.copyOfShippedData()
    defer { folder.remove() }
    _ = try folder.write(
      "Rules/scenarios/typo.yaml",
      """
      version: 1
      scenarios:
        - id: typo
          given:
            request_goal: respnd
            immediat_danger: true
          expect:
            urgency: emergency

      """)
    let check = try await CLI.run(["check", "--rules", "Rules", "--locales", "Locales"], directory: folder.url)
    let test = try await CLI.run(["test", "--rules", "Rules", "--locales", "Locales"], directory: folder.url)
    let single = try await CLI.run(
      ["test", "--rules", "Rules", "--locales", "Locales", "Rules/scenarios/typo.yaml"], directory: folder.url)
    for result in [check, test, single] {
      #expect(result.status == 65, "\(result.stderr)")
      #expect(
        result.stderrLines.contains {
          $0.hasPrefix("Rules/scenarios/typo.yaml:6:7: error: Scenario 'typo' gives unknown fact 'immediat_danger'. Accepted: ")
            && $0.contains("immediate_danger, ") && $0.hasSuffix("Did you mean 'immediate_danger'?")
        }, "\(result.stderr)")
      #expect(
        result.stderrLines.contains {
          $0.hasPrefix("Rules/scenarios/typo.yaml:5:7: error: Scenario 'typo' gives 'request_goal' the value 'respnd'")
            && $0.hasSuffix("Did you mean 'respond'?")
        }, "\(result.stderr)")
      Self.expectNoLeaks(result.stderr)
    }
  }

  @Test("a scenario file given to test by an absolute path is shown as given")
  func scenarioPathAsGiven() async throws {
    let folder = try Self.copyOfShippedData()
    defer { folder.remove() }
    try Self.breakSyntax("Rules/scenarios/spcp.yaml", in: folder)
    let file = folder.url.appendingPathComponent("Rules/scenarios/spcp.yaml").path
    let result = try await CLI.run(["test", file])
    #expect(result.status == 65)
    #expect(result.stderrLines.first?.hasPrefix(file + ":") == true, "\(result.stderr)")
    Self.expectNoLeaks(result.stderr)
  }

  @Test("an empty catalogue never reads 'Accepted: .'")
  func emptyAcceptedList() async throws {
    let folder = try Self.copyOfShippedData()
    defer { folder.remove() }
    _ = try folder.write("Rules/referrals.yaml", "version: 1\nreferrals: []\n")
    let result = try await CLI.run(["check", "--rules", "Rules", "--locales", "Locales"], directory: folder.url)
    #expect(result.status == 65)
    #expect(result.stderr.contains("refers to unknown referral 'call_911'. Accepted: none yet"), "\(result.stderr)")
    Self.expectNoLeaks(result.stderr)
  }

  @Test("an unknown id under a scenario's expect is reported where it is written, with the nearest one and the list")
  func expectedIds() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try folder.write(
      "typos.yaml",
      """
      version: 1
      scenarios:
        - id: typos
          given: { immediate_danger: true }
          expect: { urgency: emergncy, services_include: [mediaton], referrals_include: [call911], region: wst }
      """)
    for (language, suggestion) in [("en", "Did you mean 'call_911'?"), ("vi", "Có phải ý quý vị là 'call_911'?")] {
      let result = try await CLI.run(["test", "typos.yaml", "--lang", language], directory: folder.url)
      #expect(result.status == 65)
      let lines = result.stderrLines
      #expect(lines.count == 4, "\(result.stderr)")
      #expect(
        lines.contains {
          $0.hasPrefix("typos.yaml:5:24: error:") && $0.contains("'emergncy'") && $0.contains("emergency, urgent, standard")
        })
      #expect(lines.contains { $0.contains("'call911'") && $0.hasSuffix(suggestion) }, "\(result.stderr)")
      #expect(lines.contains { $0.contains("'mediaton'") && $0.contains("'mediation'?") })
      #expect(lines.contains { $0.contains("'wst'") && $0.contains("'west'?") })
      Self.expectNoLeaks(result.stderr)
    }
  }
}
