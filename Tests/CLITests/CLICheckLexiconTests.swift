import Foundation
import IntakeTestSupport
import Testing

/// `crs-intake check` on the narrative lexicon: a phrase that, typed without marks, reads like
/// an everyday word is flagged (facts and values are checked in `NarrativeScreenTests`).
@Suite("crs-intake check: the lexicon")
struct CLICheckLexiconTests {
  /// A copy of the shipped rules with `entries` added at the top of the lexicon's entries.
  static func rules(adding entries: String, in folder: TemporaryFolder) throws -> URL {
    let rules = try folder.copyOfShippedRules()
    let file = rules.appendingPathComponent("lexicon.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("\nentries:\n"))
    try text.replacingOccurrences(of: "\nentries:\n", with: "\nentries:\n" + entries).write(to: file, atomically: true, encoding: .utf8)
    return rules
  }

  @Test("a bare 'chùa', or the part 'bắn' of a phrase with a gap, is flagged; under accented: it is not")
  func foldCollisions() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try Self.rules(
      adding: """
          - id: test-pagoda
            phrases: ["chùa", "ngôi chùa"]
            set: { settings: [place_of_worship] }
          - id: test-shooting
            phrases: ["cảnh sát … bắn"]
            set: { incident_types: [police_use_of_force] }
          - id: test-temple
            phrases: ["đền thờ"]
            accented: ["đền"]
            set: { settings: [place_of_worship] }

        """, in: folder)
    let result = try await CLI.run(["check", "--rules", "Rules"], directory: folder.url)
    let warnings = result.stderrLines.filter { $0.contains(": warning: ") }
    #expect(
      warnings.contains {
        $0.hasPrefix("Rules/lexicon.yaml:")
          && $0.contains("Typed without marks, 'chùa' (in the phrase 'chùa' of 'test-pagoda') reads like the everyday word 'chưa'")
          && $0.contains("accented:")
      }, "\(result.stderr)")
    #expect(warnings.contains { $0.contains("'bắn' (in the phrase 'cảnh sát … bắn' of 'test-shooting')") }, "\(result.stderr)")
    // A longer phrase, and a word kept under accented:, are fine.
    #expect(!warnings.contains { $0.contains("'ngôi chùa'") || $0.contains("test-temple") }, "\(result.stderr)")
    #expect(warnings.count == 2, "\(result.stderr)")
    let vietnamese = try await CLI.run(["check", "--rules", rules.path, "--lang", "vi"])
    #expect(vietnamese.stderr.contains("Khi gõ không dấu, 'chùa' (trong cụm từ 'chùa' của 'test-pagoda') trùng với từ thông dụng 'chưa'"))
  }

  @Test("the shipped lexicon has no phrase that folds onto an everyday word, and lists the words it guards against")
  func shippedIsClean() async throws {
    let result = try await CLI.run(["check", "--strict"])
    #expect(result.status == 0, "\(result.stderr)")
    let lexicon = try String(contentsOf: PackagePaths.rules.appendingPathComponent("lexicon.yaml"), encoding: .utf8)
    for word in ["chưa", "bán", "bạn", "đến", "tháng sáu", "thấy"] {
      #expect(lexicon.contains("\"\(word)\""), "the everyday list lacks \(word)")
    }
  }
}
