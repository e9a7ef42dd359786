import Foundation
import IntakeTestSupport
import Testing

/// `crs-intake test --new NAME [--from FILE]`: a scenario skeleton pinning the outcome of a
/// request file or of the latest saved session, that passes `crs-intake test` as written.
@Suite("crs-intake test --new")
struct CLITestNewTests {
  static let request = """
    {"schema": "crs-intake/1", "facts": {"request_goal": "prevent", "bases": ["race"], "law_enforcement_involved": true,
     "longstanding_mistrust": true, "state": "WA", "city": "Seattle"}}
    """

  /// A temporary folder holding a copy of the shipped `Rules/` and `request.json`.
  static func folderWithRules() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    _ = try folder.copyOfShippedRules()
    try folder.write("request.json", request)
    return folder
  }

  @Test("--new from a request file writes a private skeleton that passes, and is never overwritten")
  func fromRequest() async throws {
    let folder = try Self.folderWithRules()
    defer { folder.remove() }
    let arguments = ["test", "--new", "pinned-police-trust", "--from", "request.json", "--rules", "Rules"]
    let written = try await CLI.run(arguments, directory: folder.url)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.contains("'pinned-police-trust' to Rules/scenarios/pinned-police-trust.yaml"))
    let file = folder.url.appendingPathComponent("Rules/scenarios/pinned-police-trust.yaml")
    #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("  - id: pinned-police-trust\n"))
    #expect(text.contains("      state: WA\n"))
    #expect(text.contains("      city: \"Seattle\"\n"))
    #expect(text.contains("      services: [spcp, "))
    #expect(text.contains("      office: seattle\n"))
    #expect(text.contains("      jurisdiction: in_scope\n"))

    let run = try await CLI.run(["test", "Rules/scenarios/pinned-police-trust.yaml", "--rules", "Rules"], directory: folder.url)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdoutLines.contains("PASS pinned-police-trust"))
    #expect(run.stdoutLines.last == "1 passed, 0 failed")
    let check = try await CLI.run(["check", "--rules", "Rules"], directory: folder.url)
    #expect(check.status == 0, "\(check.stderr)")

    let again = try await CLI.run(arguments, directory: folder.url)
    #expect(again.status == 1)
    #expect(again.stderr.contains("'Rules/scenarios/pinned-police-trust.yaml' already exists and is never replaced"))
    #expect(try String(contentsOf: file, encoding: .utf8) == text)
  }

  @Test("--new with the id of a scenario in another file is refused, naming where it is")
  func duplicateID() async throws {
    let folder = try Self.folderWithRules()
    defer { folder.remove() }
    let result = try await CLI.run(
      ["test", "--new", "spcp-police-mistrust-prevent", "--from", "request.json", "--rules", "Rules"], directory: folder.url)
    #expect(result.status == 1)
    #expect(result.stderr.contains("A scenario with the id 'spcp-police-mistrust-prevent' already exists at Rules/scenarios/spcp.yaml:"))
    #expect(
      !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Rules/scenarios/spcp-police-mistrust-prevent.yaml").path))
  }

  @Test("--new without --from takes the latest saved session's answers")
  func fromSession() async throws {
    let folder = try Self.folderWithRules()
    defer { folder.remove() }
    let state = folder.url.appendingPathComponent("state")
    for (id, stateCode, updated) in [
      ("20260101-100000-aaaa", "TX", "2026-01-01T10:00:00Z"), ("20260102-100000-bbbb", "NY", "2026-01-02T10:00:00Z"),
    ] {
      try folder.write(
        "state/crs-intake/sessions/\(id).json",
        """
        {"format": "crs-intake-session", "version": 1, "id": "\(id)", "created": "\(updated)", "updated": "\(updated)",
         "language": "vi", "answers": {"request_goal": {"choice": "respond"}, "bases": {"set": ["religion"]},
         "state": {"choice": "\(stateCode)"}}}
        """)
    }
    let result = try await CLI.run(
      ["test", "--new", "from-session", "--rules", "Rules"], environment: ["XDG_STATE_HOME": state.path], directory: folder.url)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOf: folder.url.appendingPathComponent("Rules/scenarios/from-session.yaml"), encoding: .utf8)
    #expect(text.contains("Pinned from session 20260102-100000-bbbb"))
    #expect(text.contains("      state: \"NY\"\n") || text.contains("      state: NY\n"))
    #expect(text.contains("      office: new_york\n"))
    let run = try await CLI.run(["test", "Rules/scenarios/from-session.yaml", "--rules", "Rules"], directory: folder.url)
    #expect(run.status == 0, "\(run.stdout)")
  }

  @Test("--new without --from and without a saved session: a clear message, nothing written")
  func noSession() async throws {
    let folder = try Self.folderWithRules()
    defer { folder.remove() }
    let state = folder.url.appendingPathComponent("state")
    let english = try await CLI.run(
      ["test", "--new", "latest", "--rules", "Rules"], environment: ["XDG_STATE_HOME": state.path], directory: folder.url)
    #expect(english.status == 66)
    #expect(english.stderr.contains("There is no saved session to take the answers from: give a request file with --from FILE"))
    let vietnamese = try await CLI.run(
      ["test", "--new", "latest", "--rules", "Rules", "--lang", "vi"], environment: ["XDG_STATE_HOME": state.path],
      directory: folder.url)
    #expect(vietnamese.status == 66)
    #expect(vietnamese.stderr.contains("Không có phiên đã lưu nào để lấy câu trả lời"))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Rules/scenarios/latest.yaml").path))
  }

  @Test("--new refuses a name that is not a safe file name, and options that do not go with it", arguments: ["../escape", "a b", "_x", ""])
  func badName(_ name: String) async throws {
    let folder = try Self.folderWithRules()
    defer { folder.remove() }
    let result = try await CLI.run(["test", "--new", name, "--rules", "Rules"], directory: folder.url)
    #expect(result.status == 64)
    #expect(result.stderr.contains("cannot name a scenario: use letters, digits, '-' and '_'"))
    let mixed = try await CLI.run(["test", "--new", "ok", "--filter", "spcp", "--rules", "Rules"], directory: folder.url)
    #expect(mixed.status == 64)
    #expect(mixed.stderr.contains("--new NAME takes only --from FILE"))
  }
}
