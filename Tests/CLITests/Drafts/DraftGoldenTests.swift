import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// Golden drafts: `crs-intake draft` for six situations in English, Vietnamese and both,
/// compared with stored Markdown (record with RECORD_SNAPSHOTS=1).
@Suite("Draft requests")
struct DraftGoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let inputs = ["spcp-seattle", "school-houston", "worship-garden-grove", "out-of-scope", "emergency-rally", "campus-pride"]
  static let variants: [(name: String, arguments: [String])] = [
    ("en", ["--draft-lang", "en"]), ("vi", ["--draft-lang", "vi"]), ("bilingual", ["--draft-lang", "both"]),
  ]

  static var cases: [String] {
    inputs.flatMap { input in variants.map { "\(input).\($0.name)" } }
  }

  @Test("The draft matches its golden Markdown", arguments: cases)
  func golden(_ name: String) async throws {
    let parts = name.split(separator: ".")
    let input = Self.folder.appendingPathComponent("Inputs/\(parts[0]).json")
    let variant = try #require(Self.variants.first { $0.name == parts[1] })
    let result = try await CLI.run(["draft", input.path, "--date", "2026-11-25"] + variant.arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let golden = Self.folder.appendingPathComponent("Golden/\(name).md")
    // The rules version changes with every edit of Rules/: it is checked apart.
    let version = try #require(ShippedData.loaded.ruleSet.version.isEmpty ? nil : ShippedData.loaded.ruleSet.version)
    #expect(result.stdout.contains(version))
    let actual = result.stdout.replacingOccurrences(of: version, with: "RULES-VERSION")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(actual.utf8).write(to: golden)
      return
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    if expected != actual {
      let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
      Issue.record("\(name): first difference at line \(line + 1):\n- \(line < a.count ? a[line] : "")\n+ \(line < b.count ? b[line] : "")")
    }
  }

  @Test("Typed text cannot break the Markdown: markup is escaped, control characters removed")
  func typedTextIsEscaped() async throws {
    let input = Self.folder.appendingPathComponent("Inputs/out-of-scope.json")
    let result = try await CLI.run(["draft", input.path, "--date", "2026-11-25", "--lang", "en"])
    #expect(result.stdout.contains(#"\<script\>alert(1)\</script\>"#))
    #expect(result.stdout.contains(#"rent increases \| "#))
    let campus = try await CLI.run(["draft", Self.folder.appendingPathComponent("Inputs/campus-pride.json").path, "--lang", "en"])
    #expect(!campus.stdout.contains("\u{7}"))
    #expect(campus.stdout.contains("attacked near campus; students"))
  }

  @Test("A draft's JSON screens back to the same outcome", arguments: inputs)
  func roundTrip(_ input: String) async throws {
    let file = Self.folder.appendingPathComponent("Inputs/\(input).json")
    let direct = try await CLI.run(["screen", "--format", "jsonl", file.path])
    let draft = try await CLI.run(["draft", file.path, "--format", "json", "--date", "2026-11-25"])
    #expect(draft.status == 0)
    let again = try await CLI.run(["screen", "--format", "jsonl", "-"], stdin: draft.stdoutData)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(direct.stdout == again.stdout)
    #expect(!direct.stdout.isEmpty)
  }

  @Test("The draft holds the restructuring note and the national fallback in every language", arguments: ["en", "vi"])
  func restructuringNote(_ language: String) async throws {
    let file = Self.folder.appendingPathComponent("Inputs/spcp-seattle.json")
    let result = try await CLI.run(["draft", file.path, "--lang", language])
    #expect(result.stdout.contains("askcrs@usdoj.gov"))
    #expect(result.stdout.contains("202-305-2935"))
    #expect(result.stdout.contains(language == "en" ? "restructured in 2025" : "tái cơ cấu vào năm 2025"))
  }
}
