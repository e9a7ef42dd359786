import Foundation
import IntakeTestSupport
import Testing

/// `--format json` on `check`, `test`, `explain` and `offices`: one JSON object on standard
/// output, named and versioned, with the same facts the text shows and the same exit codes.
@Suite("crs-intake --format json: machine-readable reports")
struct CLIJSONReportsTests {
  static func object(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let parsed = try JSONSerialization.jsonObject(with: result.stdoutData)
    return try #require(parsed as? [String: Any], "not one object: \(result.stdout)", sourceLocation: sourceLocation)
  }

  @Test("check: valid shipped data gives counts and no problems")
  func checkValid() async throws {
    let result = try await CLI.run(["check", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try Self.object(result)
    #expect(report["schema"] as? String == "crs-intake-check/1")
    #expect(report["valid"] as? Bool == true)
    #expect((report["problems"] as? [Any])?.isEmpty == true)
    let counts = try #require(report["counts"] as? [String: Int])
    #expect(counts["services"] == 13)
    #expect((counts["rules"] ?? 0) > 40)
  }

  @Test("check: a broken file gives its problem with position, code and message, and exit 65")
  func checkBroken() async throws {
    let folder = try CLICheckRootCauseTests.copyOfShippedData()
    defer { folder.remove() }
    try CLICheckRootCauseTests.breakSyntax("Rules/services.yaml", in: folder)
    let result = try await CLI.run(
      ["check", "--rules", "Rules", "--locales", "Locales", "--format", "json"], rules: folder.url.appendingPathComponent("Rules"),
      locales: folder.url.appendingPathComponent("Locales"), directory: folder.url)
    #expect(result.status == 65)
    let report = try Self.object(result)
    #expect(report["valid"] as? Bool == false)
    #expect(report["counts"] == nil)
    let problems = try #require(report["problems"] as? [[String: Any]])
    let first = try #require(problems.first)
    #expect(first["file"] as? String == "Rules/services.yaml")
    #expect(first["severity"] as? String == "error")
    #expect((first["line"] as? Int ?? 0) >= 1)
    #expect((first["message"] as? String)?.contains("not valid YAML") == true, "\(first)")
    #expect(report["unread_files"] as? [String] == ["Rules/services.yaml"])
  }

  @Test("test: every scenario with passed, and coverage per rule; a failing one with its differences and exit 1")
  func testReport() async throws {
    let passing = try await CLI.run(["test", "--format", "json"])
    #expect(passing.status == 0, "\(passing.stderr)")
    let report = try Self.object(passing)
    #expect(report["schema"] as? String == "crs-intake-test/1")
    #expect(report["failed"] as? Int == 0)
    let scenarios = try #require(report["scenarios"] as? [[String: Any]])
    #expect(scenarios.count == report["passed"] as? Int)
    #expect(scenarios.allSatisfy { $0["passed"] as? Bool == true })
    #expect((report["coverage"] as? [[String: Any]])?.first?["scenarios"] is Int)

    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try folder.write(
      "wrong.yaml",
      """
      version: 1
      scenarios:
        - id: wrong-urgency
          given: { immediate_danger: true }
          expect: { urgency: standard }
      """)
    let failing = try await CLI.run(["test", "wrong.yaml", "--format", "json"], directory: folder.url)
    #expect(failing.status == 1, "\(failing.stderr)")
    let failed = try Self.object(failing)
    #expect(failed["failed"] as? Int == 1)
    let scenario = try #require((failed["scenarios"] as? [[String: Any]])?.first)
    #expect(scenario["id"] as? String == "wrong-urgency")
    #expect(scenario["passed"] as? Bool == false)
    let difference = try #require((scenario["differences"] as? [[String: Any]])?.first)
    #expect(difference["field"] as? String == "urgency")
    #expect(difference["expected"] as? String == "standard")
    #expect(difference["actual"] as? String == "emergency")
    let rules = try #require(difference["rules"] as? [[String: Any]])
    #expect(rules.contains { $0["result"] as? String == "true" && ($0["rule"] as? String)?.hasPrefix("urgency.") == true }, "\(rules)")
  }

  @Test("explain: the outcome as screen writes it, with the trace; --why-not: the service's rules")
  func explain() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try folder.write(
      "request.json", #"{"id":"r1","facts":{"state":"WA","incident_types":["hate_crime"],"violence":true,"bases":["religion"]}}"#)
    let result = try await CLI.run(["explain", "request.json", "--format", "json"], directory: folder.url)
    #expect(result.status == 0, "\(result.stderr)")
    let report = try Self.object(result)
    #expect(report["schema"] as? String == "crs-intake-explain/1")
    let outcome = try #require(report["outcome"] as? [String: Any])
    #expect(outcome["id"] as? String == "r1")
    #expect((outcome["jurisdiction"] as? [String: Any])?["status"] as? String == "in_scope")
    #expect((outcome["office"] as? [String: Any])?["region"] as? String == "west")
    let trace = try #require(outcome["trace"] as? [[String: Any]])
    #expect(trace.contains { $0["rule"] as? String == "jurisdiction.shepard-byrd-violent" && $0["result"] as? String == "true" })

    let whyNot = try await CLI.run(["explain", "request.json", "--format", "json", "--why-not", "mediation"], directory: folder.url)
    #expect(whyNot.status == 0, "\(whyNot.stderr)")
    let why = try #require(try Self.object(whyNot)["why_not"] as? [String: Any])
    #expect(why["service"] as? String == "mediation")
    #expect(why["recommended"] as? Bool == false)
    #expect((why["rules"] as? [[String: Any]])?.isEmpty == false)
  }

  @Test("offices: the directory by region; one state's routing with its offices")
  func offices() async throws {
    let all = try await CLI.run(["offices", "--format", "json"])
    #expect(all.status == 0, "\(all.stderr)")
    let directory = try Self.object(all)
    #expect(directory["schema"] as? String == "crs-intake-offices/1")
    let regions = try #require(directory["regions"] as? [[String: Any]])
    #expect(regions.contains { ($0["states"] as? [String])?.contains("WA") == true })
    #expect((directory["offices"] as? [Any])?.count == 24)

    let washington = try await CLI.run(["offices", "Washington", "--format", "json"])
    #expect(washington.status == 0, "\(washington.stderr)")
    let report = try Self.object(washington)
    let route = try #require(report["route"] as? [String: Any])
    #expect(route["state"] as? String == "WA")
    #expect(route["office"] as? String == "seattle")
    let office = try #require((report["offices"] as? [[String: Any]])?.first)
    #expect(office["name"] as? String == "Seattle Regional Office")
    #expect(office["phone"] as? String == "206-220-6700")
    #expect(report["regions"] == nil)

    let unknown = try await CLI.run(["offices", "Atlantis", "--format", "json"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("Atlantis"))
  }
}
