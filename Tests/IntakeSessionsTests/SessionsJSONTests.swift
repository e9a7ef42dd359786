import Foundation
import IntakeCore
import IntakeSessions
import IntakeTestSupport
import Testing

/// `crs-intake sessions list --format json`: where each saved session stands, and the files
/// that are not sessions, never the answers.
@Suite("crs-intake sessions list --format json")
struct SessionsJSONTests {
  @Test("each session with its place and progress; a corrupt file listed with its problem; no answers")
  func list() async throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let folder = SessionTests.sessions(home.url)
    let record = SessionRecord(
      id: "20261120-080000-wxyz", created: Date(timeIntervalSince1970: 1_763_000_000),
      updated: Date(timeIntervalSince1970: 1_763_000_500), language: .vi, rulesVersion: "1-x",
      answers: ["state": .choice("CA"), "city": .text("San José"), "request_goal": .choice("prevent")],
      history: ["request_goal", "state", "city"])
    try SessionStore(directory: folder).save(record)
    try Data("{ not json".utf8).write(to: folder.appendingPathComponent("20261121-000000-bad1.json"))

    let result = try await CLI.run(
      ["sessions", "list", "--format", "json"], environment: ["XDG_STATE_HOME": home.url.appendingPathComponent("state").path])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    #expect(report["schema"] as? String == "crs-intake-sessions/1")
    let session = try #require((report["sessions"] as? [[String: Any]])?.first)
    #expect(session["id"] as? String == "20261120-080000-wxyz")
    #expect(session["city"] as? String == "San José")
    #expect(session["state"] as? String == "CA")
    #expect(session["questions_answered"] as? Int == 3)
    #expect(session["completed"] as? Bool == false)
    #expect(session["language"] as? String == "vi")
    #expect(!result.stdout.contains("prevent"))
    let unreadable = try #require((report["unreadable"] as? [[String: String]])?.first)
    #expect(unreadable["file"] == "20261121-000000-bad1.json")
  }
}
