import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Mistakes in Rules/: every one reported at once, each at its file, line and column.
@Suite("Rule diagnostics")
struct RuleDiagnosticsTests {
  @Test("a folder with many mistakes reports every one, at the right file, line and column")
  func everyMistakeReported() throws {
    let fixture = try BrokenRulesFixture()
    defer { fixture.remove() }
    let loaded = IntakeData.load(rules: fixture.rules, locales: PackagePaths.locales)
    #expect(loaded.book == nil)
    #expect(fixture.expected.count == 8)
    for expected in fixture.expected {
      let match = loaded.diagnostics.first {
        $0.code == expected.code && $0.location == SourceLocation(file: expected.file, line: expected.line, column: expected.column)
      }
      let sameCode = loaded.diagnostics.filter { $0.code == expected.code }.map(\.location.description)
      #expect(match != nil, "missing \(expected); \(expected.code) reported at \(sameCode)")
      #expect(match?.severity == .error, "\(expected)")
      for (key, value) in expected.arguments {
        #expect(match?.arguments[key] == value, "\(expected): \(key)")
      }
    }
    let spurious = loaded.diagnostics.filter { $0.severity == .error && !BrokenRulesFixture.allowedCodes.contains($0.code) }
    #expect(spurious.isEmpty, "\(spurious.map { "\($0.location) \($0.code) \($0.arguments)" })")
    let gaps = loaded.diagnostics.filter { $0.code == .localeGap }
    #expect(gaps.allSatisfy { $0.arguments["key"]?.hasPrefix("service.unused_service.") == true })
  }

  @Test("diagnostics come sorted by file, line and column")
  func sorted() throws {
    let fixture = try BrokenRulesFixture()
    defer { fixture.remove() }
    let diagnostics = IntakeData.load(rules: fixture.rules, locales: PackagePaths.locales).diagnostics
    let keys = diagnostics.map { ($0.location.file, $0.location.line, $0.location.column) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test("invalid UTF-8 in a rules file is reported at its line and column, not a crash")
  func invalidUTF8() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    let file = rules.appendingPathComponent("rules/urgency.yaml")
    let original = try Data(contentsOf: file)
    try (Data("# Khẩn cấp ".utf8) + Data([0xFF, 0xFE]) + Data("\n".utf8) + original).write(to: file)
    let loaded = IntakeData.load(rules: rules, locales: PackagePaths.locales)
    let diagnostic = loaded.diagnostics.first { $0.code == .fileNotUTF8 }
    #expect(diagnostic?.location == SourceLocation(file: "Rules/rules/urgency.yaml", line: 1, column: 12))
    #expect(diagnostic?.severity == .error)
    #expect(loaded.book == nil)
  }

  @Test("invalid UTF-8 further down a file points at that line")
  func invalidUTF8Later() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    let file = rules.appendingPathComponent("referrals.yaml")
    var bytes = [UInt8](try Data(contentsOf: file))
    bytes += Array("# ok line\n# bad: ab".utf8) + [0xC3, 0x28] + Array("\n".utf8)  // C3 28: a broken two-byte sequence
    try Data(bytes).write(to: file)
    let lines = String(decoding: try Data(contentsOf: PackagePaths.rules.appendingPathComponent("referrals.yaml")), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).count
    let diagnostic = IntakeData.load(rules: rules, locales: PackagePaths.locales).diagnostics.first { $0.code == .fileNotUTF8 }
    #expect(diagnostic?.location == SourceLocation(file: "Rules/referrals.yaml", line: lines + 1, column: 10))
  }

  @Test("missing files are reported, not a crash")
  func missingFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = folder.url.appendingPathComponent("Rules")
    try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
    let loaded = IntakeData.load(rules: rules, locales: PackagePaths.locales)
    #expect(loaded.book == nil)
    let codes = Set(loaded.diagnostics.map(\.code))
    #expect(codes.contains(.fileUnreadable))
    #expect(codes.contains(.noRules))
    #expect(loaded.diagnostics.contains { $0.location.file == "Rules/facts.yaml" })
  }

  @Test("loader-level mistakes: one action, missing keys, empty groups, unknown operators, mixed operands")
  func shapeMistakes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let text = """
      version: 1
      rules:
        - id: two-actions
          when: { fact: a, equals: true }
          recommend: s1
          refer: r1
        - id: no-when
          recommend: s1
        - id: empty-any
          when: { any: [] }
          recommend: s1
        - id: bad-operator
          when: { fact: days, equal: 3 }
          recommend: s1
        - id: mixed
          when: { fact: days, between: [1, two] }
          recommend: s1
        - id: fine
          when: { fact: a, equals: true }
          recommend: s1
      """
    let rules = try MiniRulesFolder.write(in: folder, rules: text)
    let (ruleSet, diagnostics) = RulesLoader(directory: rules).load()
    let found = Set(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" })
    #expect(found.contains("3:5 one-action"))
    #expect(found.contains("7:5 missing-key"))
    #expect(found.contains("10:18 empty-group"))
    #expect(found.contains("13:25 unknown-operator"))
    #expect(found.contains("16:34 mixed-operand"))
    #expect(diagnostics.first { $0.code == .unknownOperator }?.arguments["suggestion"] == "equals")
    #expect(ruleSet.rules.map(\.id).contains("fine"))
  }
}
