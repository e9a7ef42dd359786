import Foundation
import IntakeTestSupport
import Testing

/// Issue 11: rule and locale files are untrusted input to `check`: aliases, deep nesting and
/// characters that drive a terminal are refused at their file:line:column.
@Suite("Hardening: rule and locale files")
struct DataFileHardeningTests {
  /// A copy of the shipped data with `edit` applied to one file's text.
  private static func copy(
    _ folder: TemporaryFolder, editing relative: String, _ edit: (String) -> String
  ) throws -> (rules: URL, locales: URL) {
    let rules = try folder.copyOfShippedRules()
    let locales = folder.url.appendingPathComponent("Locales")
    try FileManager.default.copyItem(at: PackagePaths.locales, to: locales)
    let url = folder.url.appendingPathComponent(relative)
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    try edit(text).write(to: url, atomically: true, encoding: .utf8)
    return (rules, locales)
  }

  /// `check` run from the copy's folder on `Rules` and `Locales`: paths are shown as given.
  private static func check(_ data: (rules: URL, locales: URL)) async throws -> CLI.Result {
    try await CLI.run(["check", "--rules", "Rules", "--locales", "Locales"], directory: data.rules.deletingLastPathComponent())
  }

  @Test("An alias bomb in a rule file is refused at the anchor, in bounded time, with a few lines of report")
  func aliasBomb() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // Five levels of ten: 100,000 copies of the first list once expanded.
    var bomb = "version: 1\nrules:\n  - id: bomb\n    when: { fact: violence, equals: true }\n    recommend: consultation\n"
    bomb += "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...5 {
      bomb += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let data = try Self.copy(folder, editing: "Rules/rules/bomb.yaml") { _ in bomb }
    let result = try await Self.check(data)
    #expect(result.status == 65)
    #expect(result.stderrLines.contains { $0.hasPrefix("Rules/rules/bomb.yaml:6:5: error: ") }, "\(result.stderr.prefix(3000))")
    #expect(result.stderr.contains("alias") || result.stderr.contains("anchor"))
    #expect(result.stderrLines.count <= 12, "\(result.stderr)")
  }

  @Test("An anchor in a locale file is refused at file:line:column")
  func anchorInLocale() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = try Self.copy(folder, editing: "Locales/en.yaml") {
      $0.replacingOccurrences(of: "  screen.error-label: \"error\"", with: "  screen.error-label: &label \"error\"")
    }
    let text = try String(contentsOf: data.locales.appendingPathComponent("en.yaml"), encoding: .utf8)
    let at = try #require(position(of: "&label", in: text))
    let result = try await Self.check(data)
    #expect(result.status == 65)
    #expect(
      result.stderrLines.contains { $0.hasPrefix("Locales/en.yaml:\(at.line):\(at.column): error: ") }, "\(result.stderr.prefix(2000))")
  }

  @Test("Nesting deeper than 64 levels is refused at the first level too deep, without a crash")
  func deepNesting() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for depth in [100, 10_000] {
      let deep = "version: 1\nrules: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
      let data = try Self.copy(folder, editing: "Rules/rules/jurisdiction.yaml") { _ in deep }
      let result = try await Self.check(data)
      #expect(result.status == 65)
      if depth == 100 {
        // The root mapping is level 1 and `rules:` opens level 2: the 64th bracket is level 65.
        #expect(
          result.stderrLines.contains { $0.hasPrefix("Rules/rules/jurisdiction.yaml:2:71: error: ") && $0.contains("deep") },
          "\(result.stderr.prefix(2000))")
      } else {
        // So deep that libyaml's own limit (1,000) stops the scanner first.
        #expect(
          result.stderrLines.contains { $0.hasPrefix("Rules/rules/jurisdiction.yaml:2:") && $0.contains("nesting") },
          "\(result.stderr.prefix(2000))")
      }
      try FileManager.default.removeItem(at: folder.url.appendingPathComponent("Rules"))
      try FileManager.default.removeItem(at: folder.url.appendingPathComponent("Locales"))
    }
  }

  @Test("Escape and bidi characters in a rule or locale string are errors at their file:line:column")
  func controlCharacters() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // Raw ESC and RIGHT-TO-LEFT OVERRIDE in a locale text; an escaped one (\e) in another.
    var data = try Self.copy(folder, editing: "Locales/en.yaml") {
      $0.replacingOccurrences(of: "  check.summary: \"{errors} errors, ", with: "  check.summary: \"{errors} \u{1B}[2J errors, \u{202E}")
        .replacingOccurrences(of: "  screen.error-label: \"error\"", with: "  screen.error-label: \"err\\eor\"")
    }
    let text = try String(contentsOf: data.locales.appendingPathComponent("en.yaml"), encoding: .utf8)
    let esc = try #require(position(of: "\u{1B}", in: text))
    let rlo = try #require(position(of: "\u{202E}", in: text))
    let escaped = try #require(position(of: "\"err\\eor\"", in: text))
    var result = try await Self.check(data)
    #expect(result.status == 65)
    for at in [esc, rlo, escaped] {
      #expect(
        result.stderrLines.contains { $0.hasPrefix("Locales/en.yaml:\(at.line):\(at.column): error: ") },
        "\(at) \(result.stderr.prefix(2000))")
    }
    #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{202E}"))
    // A bidi isolate in a rule's source.
    let second = try TemporaryFolder()
    defer { second.remove() }
    data = try Self.copy(second, editing: "Rules/services.yaml") {
      $0.replacingOccurrences(of: "  - id: spcp\n    kind: program\n", with: "  - id: spcp\n    kind: pro\u{2066}gram\n")
    }
    let services = try String(contentsOf: data.rules.appendingPathComponent("services.yaml"), encoding: .utf8)
    let isolate = try #require(position(of: "\u{2066}", in: services))
    result = try await Self.check(data)
    #expect(result.status == 65)
    #expect(
      result.stderrLines.contains { $0.hasPrefix("Rules/services.yaml:\(isolate.line):\(isolate.column): error: ") },
      "\(result.stderr.prefix(2000))")
  }

  @Test("Zero-width characters in quoted input are made visible")
  func zeroWidthVisible() async throws {
    let request = #"{"schema":"crs-intake/1","id":"zw","facts":{"state":"W\u200bA","bases":["ra\u2060ce\ufeff"]}}"#
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: request + "\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("W\\u{200b}A"), "\(result.stderr)")
    #expect(result.stderr.contains("ra\\u{2060}ce\\u{feff}"), "\(result.stderr)")
    for hidden in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"] { #expect(!result.stderr.contains(hidden)) }
  }
}
