import Foundation
import IntakeCore
import IntakeFuzzing
import IntakeSessions
import IntakeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Saved sessions: written atomically with private permissions, resumed, listed, deleted,
/// and never lost when the program is killed.
@Suite("Sessions")
struct SessionTests {
  static let answers: KeyValuePairs<String, String> = [
    "in your own words": "",
    "Is anyone in danger right now?": "no",
    "Has something already happened": "respond",
    "Which state or territory": "Texas",
    "What is the tension about?": "religion",
    "What happened?": "threats",
    "How many days ago": "2",
    "Was there violence": "yes",
    "Are the police (including": "no",
    "long-standing mistrust": "no",
    "Where is this happening?": "place of worship",
    "Is a march, rally": "no",
    "What is your role?": "faith leader",
    "What kind of help": "training",
    "Are the sides willing": "unsure",
    "Are police and community leaders willing": "yes",
    "Which city or town": "Houston",
  ]

  static func sessions(_ home: URL) -> URL { home.appendingPathComponent("state/crs-intake/sessions") }

  static func onlySession(_ home: URL) throws -> (URL, [String: Any]) {
    let folder = sessions(home)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
    #expect(files.count == 1, "\(files)")
    let url = folder.appendingPathComponent(try #require(files.first))
    let data = try Data(contentsOf: url)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (url, object)
  }

  @Test("After every answer the session is saved, 0600 in a 0700 folder")
  func savedWithPrivatePermissions() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let terminal = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    terminal.line("no")
    try terminal.waitFor("Has something already happened")
    let (url, object) = try Self.onlySession(home.url)
    let answers = try #require(object["answers"] as? [String: Any])
    #expect((answers["immediate_danger"] as? [String: Bool])?["bool"] == false)
    #expect(object["language"] as? String == "en")
    #expect((object["rules_version"] as? String)?.hasPrefix("1-") == true)
    #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
    let folderMode = try FileManager.default.attributesOfItem(atPath: Self.sessions(home.url).path)[.posixPermissions] as? Int
    #expect(folderMode == 0o700)
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
  }

  @Test("--no-save keeps nothing on disk: no session, no history, no data cache")
  func noSave() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let cache = home.url.appendingPathComponent("cache")
    let terminal = try PseudoTerminal.atFirstQuestion(
      ["--lang", "en", "--no-save"], environment: ["XDG_CACHE_HOME": cache.path], home: home.url)
    try terminal.waitFor("Is anyone in danger right now?")
    terminal.line("no")
    try terminal.waitFor("Has something already happened")
    terminal.line(":review")
    try terminal.waitFor("Your answers so far")
    terminal.press(.controlD)
    #expect(try terminal.waitForExit() == 0)
    #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("state/crs-intake").path))
    #expect(!FileManager.default.fileExists(atPath: cache.path))
  }

  @Test("--resume continues where the interview stopped, keeping the answers")
  func resume() throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let first = try PseudoTerminal.atFirstQuestion(["--lang", "en"], home: home.url)
    try first.waitFor("Is anyone in danger right now?")
    first.line("no")
    try first.waitFor("Has something already happened")
    first.line("respond")
    try first.waitFor("Which state or territory")
    first.press(.controlC)
    try first.waitFor("Do you want to stop the interview?")
    first.line("yes")
    #expect(try first.waitForExit() == 130)

    let second = try PseudoTerminal(["--resume"], home: home.url)
    let opening = try second.waitFor("Which state or territory")
    #expect(opening.contains("(2 answers kept)"))
    #expect(opening.contains("Question 3"))
    try second.waitFor("> ")
    second.line(":review")
    let review = try second.waitFor("> ")
    #expect(review.contains("Respond: an incident has happened"))
    second.press(.controlD)
    #expect(try second.waitForExit() == 0)
  }

  @Test("A session saved with older rules resumes: answers to removed questions are reported and dropped")
  func resumeAfterRulesChange() async throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let rules = try home.copyOfShippedRules()
    // The new rules no longer ask `wants`.
    let questions = rules.appendingPathComponent("questions.yaml")
    var text = try String(contentsOf: questions, encoding: .utf8)
    text = text.replacingOccurrences(of: "  - id: wants\n    fact: wants\n", with: "")
    try text.write(to: questions, atomically: true, encoding: .utf8)
    let record = SessionRecord(
      id: "20261101-120000-abcd", created: Date(timeIntervalSince1970: 1_700_000_000),
      updated: Date(timeIntervalSince1970: 1_700_000_100), language: .en, rulesVersion: "1-old",
      answers: ["immediate_danger": .bool(false), "request_goal": .choice("prevent"), "wants": .set(["training"])],
      history: ["immediate_danger", "request_goal", "wants"])
    try SessionStore(directory: Self.sessions(home.url)).save(record)
    let result = try await CLI.run(
      ["--resume", "20261101-120000-abcd"], stdin: Data(), rules: rules,
      environment: ["XDG_STATE_HOME": home.url.appendingPathComponent("state").path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Continuing session 20261101-120000-abcd (2 answers kept)."))
    #expect(result.stdout.contains("These answers no longer fit the current rules and were dropped: wants."))
    #expect(result.stdout.contains("Which state or territory"))
  }

  @Test("A corrupt session file is reported by name and skipped; list, show, delete and purge work")
  func listShowDeletePurge() async throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let state = ["XDG_STATE_HOME": home.url.appendingPathComponent("state").path]
    let store = SessionStore(directory: Self.sessions(home.url))
    let record = SessionRecord(
      id: "20261120-080000-wxyz", created: Date(timeIntervalSince1970: 1_763_000_000),
      updated: Date(timeIntervalSince1970: 1_763_000_500), language: .vi, rulesVersion: "1-x",
      answers: ["state": .choice("CA"), "city": .text("San José"), "request_goal": .choice("prevent")],
      history: ["request_goal", "state", "city"])
    try store.save(record)
    try Data("{ not json".utf8).write(to: Self.sessions(home.url).appendingPathComponent("20261121-000000-bad1.json"))

    let list = try await CLI.run(["sessions", "list"], environment: state)
    #expect(list.status == 0)
    #expect(list.stdout.contains("20261120-080000-wxyz"))
    #expect(list.stdout.contains("San José, CA"))
    #expect(list.stderr.contains("20261121-000000-bad1.json"))

    let show = try await CLI.run(["sessions", "show", "20261120-080000-wxyz"], environment: state)
    #expect(show.status == 0)
    #expect(show.stdout.contains("Prevent: nothing has happened yet"))
    #expect(show.stdout.contains("Los Angeles Regional Office"))

    let missing = try await CLI.run(["sessions", "show", "nope"], environment: state)
    #expect(missing.status == 66)  // EX_NOINPUT
    #expect(missing.stderr.contains("There is no saved session 'nope'"))

    let cancelled = try await CLI.run(["sessions", "purge"], stdin: Data("no\n".utf8), environment: state)
    #expect(cancelled.stdout.contains("Nothing was deleted."))
    #expect(store.list().records.count == 1)

    let deleted = try await CLI.run(["sessions", "delete", "20261120-080000-wxyz"], environment: state)
    #expect(deleted.status == 0)
    #expect(store.list().records.isEmpty)

    try store.save(record)
    let purged = try await CLI.run(["sessions", "purge"], stdin: Data("yes\n".utf8), environment: state)
    // The unreadable file goes too: purge removes every saved session file.
    #expect(purged.stdout.contains("Delete all 2 saved sessions?"))
    #expect(purged.stdout.contains("Deleted 2 sessions."))
    #expect(store.list().records.isEmpty)
  }

  /// Kills the interview with SIGKILL at random points, 50 times: every answer confirmed on
  /// screen before the kill is in the session file, and the file is always valid JSON. The
  /// points come from a seed printed with any failure; `KILL_TEST_SEED=<n>` replays it.
  @Test("Nothing confirmed is lost when the process is killed (50 runs, seeded)")
  func killAtRandomPoints() throws {
    let seed = ProcessInfo.processInfo.environment["KILL_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
    var generator = SeededGenerator(seed: seed)
    for run in 0..<50 {
      let home = try TemporaryFolder()
      defer { home.remove() }
      let terminal = try PseudoTerminal(["--lang", "en"], home: home.url)
      let stopAfter = Int.random(in: 0...8, using: &generator)
      var confirmed = 0
      var typed = 0
      var answered = 0
      // Answer questions; an answer is confirmed once the next prompt appears after it.
      // (The opening invitation is passed with Enter and is not an answer.)
      while typed <= stopAfter {
        let text: String
        do {
          // The first prompt may wait for the data cache on a loaded machine.
          text = try terminal.waitFor("> ", timeout: typed == 0 ? 60 : 15)
        } catch {
          Issue.record("KILL_TEST_SEED=\(seed), run \(run): \(error)")
          return
        }
        confirmed = answered
        guard let answer = Self.answers.first(where: { text.contains($0.key) })?.value else { break }
        terminal.line(answer)
        typed += 1
        if !answer.isEmpty { answered += 1 }
      }
      usleep(UInt32.random(in: 0...15_000, using: &generator))
      kill(terminal.pid, SIGKILL)
      _ = try terminal.waitForExit()
      let folder = Self.sessions(home.url)
      let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".json") } ?? []
      if confirmed == 0 && files.isEmpty { continue }
      #expect(files.count == 1, "KILL_TEST_SEED=\(seed), run \(run): \(files)")
      guard let name = files.first else { continue }
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      #expect(object != nil, "KILL_TEST_SEED=\(seed), run \(run): the session file is not valid JSON")
      let history = object?["history"] as? [String] ?? []
      #expect(history.count >= confirmed, "KILL_TEST_SEED=\(seed), run \(run): \(confirmed) answers confirmed, \(history.count) saved")
    }
  }
}
