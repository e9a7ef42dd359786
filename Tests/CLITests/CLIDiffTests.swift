import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// `crs-intake diff`, end to end: what an edit of the rules changes, as text and JSON, against
/// a folder or a git revision, and how broken rules and bad arguments are reported.
@Suite("crs-intake diff")
struct CLIDiffTests {
  /// The one-line edit: an event becomes urgent a week ahead, no longer two.
  static let urgencyEdit = ("rules/urgency.yaml", "event_in_days, at_most: 14", "event_in_days, at_most: 7")
  /// The one-line edit: SPCP for mistrust asks for no mistrust, so it stops holding.
  static let serviceEdit = (
    "rules/services.yaml", "longstanding_mistrust, equals: true }\n    recommend: spcp",
    "longstanding_mistrust, equals: false }\n    recommend: spcp"
  )

  /// Three requests: two with an event ten days ahead (urgent before the edit, not after), one
  /// with an event three days ahead (urgent either way).
  static let requests = """
    {"schema":"crs-intake/1","id":"march","facts":{"planned_event":true,"event_in_days":10,"state":"WA"}}
    {"schema":"crs-intake/1","id":"rally","facts":{"planned_event":true,"event_in_days":12,"state":"TX"}}
    {"schema":"crs-intake/1","id":"vigil","facts":{"planned_event":true,"event_in_days":3,"state":"WA"}}

    """

  /// A copy of the shipped data (`Rules/`, `Locales/`) with `edit` made in the rules and, when
  /// `scenarios` is false, no scenarios (so only the requests given are screened).
  static func workingCopy(_ edit: (String, String, String)? = nil, scenarios: Bool = true) throws -> TemporaryFolder {
    let folder = try CLICheckRootCauseTests.copyOfShippedData()
    if let (file, old, new) = edit {
      let url = folder.url.appendingPathComponent("Rules").appendingPathComponent(file)
      let text = try String(contentsOf: url, encoding: .utf8)
      guard let range = text.range(of: old) else { throw TestSetupError("'\(old)' not in \(file)") }
      try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
    if !scenarios {
      try FileManager.default.removeItem(at: folder.url.appendingPathComponent("Rules/scenarios"))
      try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Rules/scenarios"), withIntermediateDirectories: true)
    }
    return folder
  }

  /// Runs `diff` in `folder` with its `Rules/` and `Locales/` as the working data.
  static func diff(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String] = [:]) async throws -> CLI.Result {
    try await CLI.run(
      ["diff", "--rules", "Rules", "--locales", "Locales"] + arguments, rules: folder.url.appendingPathComponent("Rules"),
      locales: folder.url.appendingPathComponent("Locales"), environment: environment, directory: folder.url)
  }

  @Test("the same rules: exit 0 and one 'no change' line counting every scenario")
  func noChange() async throws {
    let folder = try Self.workingCopy()
    defer { folder.remove() }
    let scenarios = ScenarioLoader(folder: .directory(PackagePaths.rules)).load().0.count
    #expect(scenarios > 50)
    let result = try await Self.diff(["--base", PackagePaths.rules.path], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let text = result.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(
      text.hasPrefix("No change: the \(scenarios) requests screened (\(scenarios) scenarios) have the same outcome"), "\(result.stdout)")
    #expect(result.stderr.isEmpty)
  }

  @Test("a one-line urgency edit: exit 1, the requests it changes counted under the edited rule")
  func urgencyEdit() async throws {
    let folder = try Self.workingCopy(Self.urgencyEdit, scenarios: false)
    defer { folder.remove() }
    try folder.write("requests.jsonl", Self.requests)
    let result = try await Self.diff(["--base", PackagePaths.rules.path, "requests.jsonl"], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let lines = result.stdoutLines
    #expect(lines.first?.hasPrefix("2 of 3 requests screened (3 from files) change between the base rules") == true, "\(result.stdout)")
    #expect(lines.contains("Requests: 2 · urgency.event-within-two-weeks (edited): held → did not hold"), "\(result.stdout)")
    #expect(lines.contains("  urgency: urgent → standard ×2"), "\(result.stdout)")
    #expect(lines.contains("    requests.jsonl:1 ('march'): urgency urgent → standard"), "\(result.stdout)")
    #expect(lines.contains("    requests.jsonl:2 ('rally'): urgency urgent → standard"), "\(result.stdout)")
    #expect(!result.stdout.contains("vigil"))
  }

  @Test("a one-line service edit on the shipped scenarios: SPCP removed, under the rule that stopped holding")
  func serviceEdit() async throws {
    let folder = try Self.workingCopy(Self.serviceEdit)
    defer { folder.remove() }
    let result = try await Self.diff(["--base", PackagePaths.rules.path], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let lines = result.stdoutLines
    let header = try #require(lines.firstIndex { $0.hasSuffix("· spcp.police-mistrust (edited): held → did not hold") }, "\(result.stdout)")
    let count = try #require(Int(lines[header].dropFirst("Requests: ".count).prefix { $0.isNumber }))
    #expect(count > 0)
    // Each request of the group lost SPCP or had it fall back to a lower place.
    let group = lines[header...].prefix { !$0.isEmpty }
    #expect(group.contains { $0.hasPrefix("  services: ") && ($0.contains("−spcp ×") || $0.contains("reordered ×")) }, "\(group)")
    #expect(group.contains { $0.hasPrefix("    scenario '") }, "\(group)")
  }

  @Test("--format json: the documented shape, versioned, with the rule, the change and its count")
  func json() async throws {
    let folder = try Self.workingCopy(Self.urgencyEdit, scenarios: false)
    defer { folder.remove() }
    try folder.write("requests.jsonl", Self.requests)
    let result = try await Self.diff(["--base", PackagePaths.rules.path, "--format", "json", "requests.jsonl"], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    #expect(report["schema"] as? String == "crs-intake-diff/1")
    #expect((report["working"] as? [String: Any])?["rules"] as? String == "Rules")
    #expect(report["screened"] as? Int == 3)
    #expect(report["changed"] as? Int == 2)
    #expect(report["rejected"] as? Int == 0)
    #expect((report["sources"] as? [String: Int]) == ["scenarios": 0, "records": 3, "sessions": 0, "generated": 0])
    let groups = try #require(report["groups"] as? [[String: Any]])
    #expect(groups.count == 1)
    let group = try #require(groups.first)
    let rules = try #require(group["rules"] as? [[String: Any]])
    #expect(rules.count == 1)
    #expect(rules.first?["rule"] as? String == "urgency.event-within-two-weeks")
    #expect(rules.first?["base"] as? String == "held")
    #expect(rules.first?["working"] as? String == "failed")
    #expect(rules.first?["edited"] as? Bool == true)
    #expect(group["requests"] as? Int == 2)
    let changes = try #require(group["changes"] as? [[String: Any]])
    let urgency = try #require(changes.first { $0["field"] as? String == "urgency" })
    #expect(urgency["change"] as? String == "changed")
    #expect(urgency["before"] as? String == "urgent")
    #expect(urgency["after"] as? String == "standard")
    #expect(urgency["requests"] as? Int == 2)
    let examples = try #require(group["examples"] as? [[String: Any]])
    let source = try #require(examples.first?["source"] as? [String: Any])
    #expect(source["kind"] as? String == "record")
    #expect(source["file"] as? String == "requests.jsonl")
    #expect(source["line"] as? Int == 1)
    #expect(source["id"] as? String == "march")
  }

  @Test("--base-rev reads the base from a git revision, in a private folder removed afterwards")
  func baseRevision() async throws {
    let folder = try Self.workingCopy(scenarios: false)
    defer { folder.remove() }
    try folder.write("requests.jsonl", Self.requests)
    try Self.git(["init", "-q", "."], in: folder)
    try Self.git(["add", "-A"], in: folder)
    try Self.git(
      ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "base"], in: folder)
    let temporary = try TemporaryFolder()
    defer { temporary.remove() }
    let environment = ["TMPDIR": temporary.url.path]
    // The committed rules against themselves: no change.
    let same = try await Self.diff(["--base-rev", "HEAD", "requests.jsonl"], in: folder, environment: environment)
    #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
    #expect(same.stdout.hasPrefix("No change: the 3 requests screened (3 from files)"), "\(same.stdout)")
    // The edit, made after the commit: HEAD is the base.
    let file = folder.url.appendingPathComponent("Rules/rules/urgency.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: Self.urgencyEdit.1, with: Self.urgencyEdit.2).write(to: file, atomically: true, encoding: .utf8)
    let result = try await Self.diff(["--base-rev", "HEAD", "requests.jsonl"], in: folder, environment: environment)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.replacingOccurrences(of: "\n", with: " ").contains("the base rules (HEAD:Rules) and the working rules (Rules)"))
    #expect(result.stdoutLines.contains("Requests: 2 · urgency.event-within-two-weeks (edited): held → did not hold"), "\(result.stdout)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).isEmpty)
    let unknown = try await Self.diff(["--base-rev", "no-such-branch"], in: folder)
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("The git repository has no revision 'no-such-branch'."), "\(unknown.stderr)")
    let vietnamese = try await Self.diff(["--base-rev", "no-such-branch", "--lang", "vi"], in: folder)
    #expect(vietnamese.stderr.contains("Kho git không có phiên bản 'no-such-branch'."), "\(vietnamese.stderr)")
  }

  @Test("--base-rev outside a git repository: exit 64 and what to do instead")
  func notARepository() async throws {
    let folder = try Self.workingCopy()
    defer { folder.remove() }
    let result = try await Self.diff(
      ["--base-rev", "HEAD~1"], in: folder, environment: ["GIT_CEILING_DIRECTORIES": folder.url.deletingLastPathComponent().path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("This folder is not in a git repository, so revision 'HEAD~1' cannot be read"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("a broken base rule file: exit 65, which rule set, and the root cause at file:line:column")
  func brokenBase() async throws {
    let folder = try Self.workingCopy()
    defer { folder.remove() }
    let base = try TemporaryFolder()
    defer { base.remove() }
    try FileManager.default.copyItem(at: folder.url.appendingPathComponent("Rules"), to: base.url.appendingPathComponent("Base/Rules"))
    try CLICheckRootCauseTests.breakSyntax("Base/Rules/facts.yaml", in: base)
    let result = try await Self.diff(["--base", base.url.appendingPathComponent("Base").path], in: folder)
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    let lines = result.stderrLines
    #expect(lines.first?.hasPrefix("The base rules (") == true, "\(result.stderr)")
    #expect(lines.first?.hasSuffix("Base/Rules) have errors, so nothing was compared:") == true, "\(result.stderr)")
    // facts.yaml line 2 after the version line: the unclosed list.
    #expect(lines.contains { $0.contains("Base/Rules/facts.yaml:") && $0.contains(": error: ") }, "\(result.stderr)")
    #expect(lines.count <= 5, "\(result.stderr)")
    #expect(!result.stderr.contains("working rules"))
    CLICheckRootCauseTests.expectNoLeaks(result.stderr)
  }

  @Test("a broken working rule file: reported as the working rules")
  func brokenWorking() async throws {
    let folder = try Self.workingCopy()
    defer { folder.remove() }
    try CLICheckRootCauseTests.breakSyntax("Rules/rules/urgency.yaml", in: folder)
    let result = try await Self.diff(["--base", PackagePaths.rules.path], in: folder)
    #expect(result.status == 65)
    #expect(result.stderrLines.first == "The working rules (Rules) have errors, so nothing was compared:", "\(result.stderr)")
    #expect(result.stderr.contains("Rules/rules/urgency.yaml:"))
  }

  @Test(
    "bad arguments: exit 64 with a message that says what to give",
    arguments: [
      ([String](), "Say which rules to compare with: --base DIR"),
      (["--base", "Rules", "--base-rev", "HEAD"], "Give either --base or --base-rev, not both."),
      (["--base", "Rules", "--generate", "0"], "--generate takes a number of requests from 1 to 1000000, not '0'."),
      (["--base", "Rules", "--seed", "4"], "--seed is used only with --generate N."),
      (["--base", "Rules", "--examples", "2000"], "--examples takes a number from 0 to 1000, not '2000'."),
    ])
  func badArguments(_ arguments: [String], _ message: String) async throws {
    let folder = try Self.workingCopy()
    defer { folder.remove() }
    let result = try await Self.diff(arguments, in: folder)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("a base folder without rules: exit 65 naming it")
  func baseNotFound() async throws {
    let folder = try Self.workingCopy()
    defer { folder.remove() }
    let result = try await Self.diff(["--base", "Nowhere", "--lang", "vi"], in: folder)
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("Thư mục gốc 'Nowhere' không có quy tắc"), "\(result.stderr)")
  }

  @Test("--generate N --seed S: the same requests for the same seed, counted as generated")
  func generated() async throws {
    let folder = try Self.workingCopy(Self.urgencyEdit, scenarios: false)
    defer { folder.remove() }
    let first = try await Self.diff(["--base", PackagePaths.rules.path, "--generate", "400", "--seed", "5"], in: folder)
    let again = try await Self.diff(["--base", PackagePaths.rules.path, "--generate", "400", "--seed", "5"], in: folder)
    let other = try await Self.diff(["--base", PackagePaths.rules.path, "--generate", "400", "--seed", "6"], in: folder)
    #expect(first.status == 1, "\(first.stdout)\(first.stderr)")
    #expect(first.stdout == again.stdout)
    #expect(first.stdout != other.stdout)
    #expect(first.stdout.contains("of 400 requests screened (400 generated)"), "\(first.stdout)")
    #expect(first.stdoutLines.contains { $0.hasSuffix("· urgency.event-within-two-weeks (edited): held → did not hold") })
    #expect(first.stdoutLines.contains { $0.hasPrefix("    generated request ") })
  }

  @Test("a folder of saved sessions and a saved draft: their requests are screened too")
  func sessionsAndDrafts() async throws {
    let folder = try Self.workingCopy(Self.urgencyEdit, scenarios: false)
    defer { folder.remove() }
    try folder.write(
      "saved/20250101-120000-abcd.json",
      """
      {"format":"crs-intake-session","version":1,"id":"20250101-120000-abcd","created":"2025-01-01T12:00:00Z",
       "updated":"2025-01-01T12:05:00Z","language":"vi","rules_version":"x","history":[],"skipped":[],"contact":{},
       "completed":true,"answers":{"planned_event":{"bool":true},"event_in_days":{"integer":9},"state":{"choice":"WA"}}}
      """)
    try folder.write(
      "saved/crs-request-draft.json",
      """
      {
        "schema": "crs-intake/1",
        "id": "draft-1",
        "facts": { "planned_event": true, "event_in_days": 11, "state": "OR" },
        "contact": {}
      }
      """)
    let result = try await Self.diff(["--base", PackagePaths.rules.path, "saved"], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("(1 from files, 1 saved sessions)"), "\(result.stdout)")
    #expect(result.stdoutLines.contains("  urgency: urgent → standard ×2"), "\(result.stdout)")
    #expect(result.stdoutLines.contains("    session 20250101-120000-abcd: urgency urgent → standard"), "\(result.stdout)")
    #expect(result.stdoutLines.contains("    saved/crs-request-draft.json:1 ('draft-1'): urgency urgent → standard"), "\(result.stdout)")
  }

  @Test("an invalid record reported with its line, a file that cannot be read with exit 66, after the report")
  func invalidRecord() async throws {
    let folder = try Self.workingCopy(scenarios: false)
    defer { folder.remove() }
    try folder.write("requests.jsonl", "{\"schema\":\"crs-intake/1\",\"facts\":{\"state\":\"WA\"}}\n{not json}\n")
    let result = try await Self.diff(["--base", PackagePaths.rules.path, "requests.jsonl", "missing.jsonl"], in: folder)
    #expect(result.status == 66)
    #expect(result.stderr.contains("requests.jsonl:2: error: "), "\(result.stderr)")
    #expect(result.stderr.contains("Cannot read 'missing.jsonl'."), "\(result.stderr)")
    #expect(result.stdout.hasPrefix("No change: the 1 requests screened (1 from files)"), "\(result.stdout)")
  }

  /// Runs git in `folder`, failing the test setup when it fails.
  static func git(_ arguments: [String], in folder: TemporaryFolder) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = folder.url
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw TestSetupError("git \(arguments.joined(separator: " ")) failed") }
  }
}
