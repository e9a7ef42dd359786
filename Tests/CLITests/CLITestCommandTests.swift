import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// `crs-intake test`, end to end: the scenarios and the coverage report.
@Suite("crs-intake test")
struct CLITestCommandTests {
  @Test("the shipped scenarios pass with full rule coverage")
  func shipped() async throws {
    let result = try await CLI.run(["test"])
    #expect(result.status == 0, "\(result.stdout.split(separator: "\n").filter { !$0.hasPrefix("PASS") })")
    let rules = ShippedData.loaded.ruleSet.rules.count
    #expect(result.stdout.contains("Rule coverage: \(rules) of \(rules) rules"))
    #expect(result.stdoutLines.last?.hasSuffix(" passed, 0 failed") == true)
    #expect(!result.stdout.contains("FAIL"))
  }

  @Test("a wrong expectation fails with exit 1, naming the field, the expected and the actual value")
  func failing() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "wrong.yaml",
      """
      version: 1
      scenarios:
        - id: right
          given: { state: WA }
          expect: { office: seattle }
        - id: wrong
          given: { state: WA, bases: [race] }
          expect: { office: boston }
      """)
    let result = try await CLI.run(["test", file.path])
    #expect(result.status == 1)
    #expect(result.stdoutLines.contains("PASS right"))
    #expect(result.stdoutLines.contains { $0.hasPrefix("FAIL wrong (") })
    #expect(result.stdoutLines.contains("     office: expected boston, got seattle"))
    #expect(result.stdoutLines.last == "1 passed, 1 failed")
    #expect(result.stdout.contains("not covered:"))
  }

  @Test("a scenario file with a mistake: exit 65 with its position")
  func invalidFile() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "bad.yaml",
      """
      version: 1
      scenarios:
        - id: x
          given: { state: WA }
          expect: { offise: seattle }
      """)
    let result = try await CLI.run(["test", file.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains(":5:15: error: "))
  }
}
