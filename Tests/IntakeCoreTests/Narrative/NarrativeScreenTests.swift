import Foundation
import IntakeTestSupport
import Testing

/// Staff screening requests that have only a narrative, or a narrative and some facts, and
/// `check` on a lexicon with mistakes.
@Suite("Narratives in screening and checking")
struct NarrativeScreenTests {
  @Test("A narrative-only request is screened: extracted facts are reported as such, and what is missing")
  func narrativeOnly() async throws {
    let request =
      #"{"schema":"crs-intake/1","id":"n1","narrative":"Chùa chúng tôi ở Hiu-xtơn nhận được thư đe dọa tuần trước. Không có ai bị thương."}"#
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: Data((request + "\n").utf8))
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let extracted = try #require(object["extracted"] as? [String: Any])
    #expect(extracted["settings"] as? [String] == ["place_of_worship"])
    #expect(extracted["state"] as? String == "TX")
    #expect(extracted["city"] as? String == "Houston")
    #expect(extracted["incident_days_ago"] as? Int == 7)
    #expect(extracted["violence"] as? Bool != true)
    let office = try #require(object["office"] as? [String: Any])
    #expect(office["office"] as? String == "dallas")
    let missing = try #require(object["missing"] as? [String])
    #expect(missing.contains("bases"))
    #expect(!missing.contains("state"))
  }

  @Test("Stated facts win over the narrative, and are not listed as extracted")
  func statedFactsWin() async throws {
    let request = #"{"schema":"crs-intake/1","facts":{"state":"WA"},"narrative":"Our mosque in Dallas, Texas got threats."}"#
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: Data((request + "\n").utf8))
    let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let extracted = try #require(object["extracted"] as? [String: Any])
    #expect(extracted["state"] == nil)
    #expect((object["office"] as? [String: Any])?["office"] as? String == "seattle")
  }

  @Test("check reports a lexicon's unknown fact, wrong value and conflicting phrase with file:line:column")
  func lexiconMistakes() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    let lexicon = rules.appendingPathComponent("lexicon.yaml")
    // The entries go at the end of `entries:`, which `states:` follows in the file.
    let original = try String(contentsOf: lexicon, encoding: .utf8)
    let split = try #require(original.range(of: "\nstates:"))
    let entries = """

        - id: zz-unknown
          phrases: ["zzz one"]
          set: { colour: true }
        - id: zz-value
          phrases: ["zzz two"]
          set: { settings: [castle] }
        - id: zz-conflict-a
          phrases: ["zzz three"]
          set: { violence: true }
        - id: zz-conflict-b
          phrases: ["ZZZ Three"]
          set: { violence: false }
      """
    let text = String(original[..<split.lowerBound]) + entries + String(original[split.lowerBound...])
    try text.write(to: lexicon, atomically: true, encoding: .utf8)
    let result = try await CLI.run(["check", "--rules", rules.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("Rules/lexicon.yaml:"))
    #expect(result.stderr.contains("Lexicon entry 'zz-unknown' states unknown fact 'colour'."))
    #expect(result.stderr.contains("Lexicon entry 'zz-value' gives 'settings' the value 'castle'"))
    #expect(result.stderr.contains("The phrase 'zzz three' says two different things about 'violence'"))
  }
}
