import Foundation
import IntakeCore
import IntakeSessions
import IntakeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files the program did not write are untrusted, and failures are reported, never hidden:
/// a session file cannot send writes outside its folder or escape codes to the terminal, a
/// planted link is never followed, a folder that is a link or someone else's is refused, a
/// draft that could not be written whole is not left behind, and output that could not be
/// written ends the command with exit 74.
@Suite("Untrusted files and failed writes")
struct UntrustedFilesTests {
  /// Runs `script` with /bin/sh, `$CRS` set to the built binary.
  static func shell(_ script: String, stdin: String = "", environment: [String: String] = [:]) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    guard let binary = CLI.binary else { throw TestSetupError("crs-intake binary not found") }
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    var env = [
      "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": folder.url.path, "CRS": binary.path,
      "CRS_INTAKE_RULES": PackagePaths.rules.path, "CRS_INTAKE_LOCALES": PackagePaths.locales.path,
    ]
    env.merge(environment) { _, new in new }
    process.environment = env
    // Scratch files the script writes stay in its own folder.
    process.currentDirectoryURL = folder.url
    let input = try folder.write("stdin", stdin)
    process.standardInput = try FileHandle(forReadingFrom: input)
    let out = folder.url.appendingPathComponent("out")
    let err = folder.url.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
  }

  static func sessionJSON(id: String, rulesVersion: String = "1") -> String {
    """
    {"format":"crs-intake-session","version":1,"id":"\(id)","created":"2026-11-01T00:00:00Z","updated":"2026-11-01T00:00:00Z",
     "language":"en","rules_version":"\(rulesVersion)","history":["immediate_danger"],"skipped":[],"contact":{},"completed":false,
     "answers":{"immediate_danger":{"bool":false}}}
    """
  }

  @Test("A session file whose id is a path is refused: --resume writes nothing outside the state folder")
  func sessionIDIsNotAPath() async throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let sessions = home.url.appendingPathComponent("state/crs-intake/sessions")
    try home.write("state/crs-intake/sessions/20261101-000000-abcd.json", Self.sessionJSON(id: "../../../escaped"))
    let result = try await CLI.run(
      ["--lang", "en", "--resume", "20261101-000000-abcd"], stdin: Data("respond\n".utf8),
      environment: ["XDG_STATE_HOME": home.url.appendingPathComponent("state").path])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("20261101-000000-abcd.json"))
    let everything = FileManager.default.enumerator(atPath: home.url.path)?.allObjects as? [String] ?? []
    #expect(!everything.contains { $0.contains("escaped") }, "\(everything)")
    #expect((try FileManager.default.contentsOfDirectory(atPath: sessions.path)) == ["20261101-000000-abcd.json"])
  }

  @Test("What a session file says is printed as plain text: escape codes in its rules version are made visible")
  func sessionTextIsVisible() async throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    try home.write(
      "state/crs-intake/sessions/20261101-000000-abcd.json",
      Self.sessionJSON(id: "20261101-000000-abcd", rulesVersion: "\\u001b]0;pwned\\u0007"))
    let result = try await CLI.run(
      ["sessions", "show", "20261101-000000-abcd"], environment: ["XDG_STATE_HOME": home.url.appendingPathComponent("state").path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1b}"))
    #expect(result.stdout.contains("\\u{1b}]0;pwned\\u{7}"))
    // A session that does not exist: EX_NOINPUT.
    let missing = try await CLI.run(
      ["sessions", "show", "20990101-000000-zzzz"], environment: ["XDG_STATE_HOME": home.url.appendingPathComponent("state").path])
    #expect(missing.status == 66)
  }

  @Test("A planted link at the session's temporary name is replaced, never followed")
  func plantedLinkNotFollowed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let victim = try folder.write("victim.txt", "keep me")
    let sessions = folder.url.appendingPathComponent("sessions")
    try PrivateFiles.ensureDirectory(sessions)
    let target = sessions.appendingPathComponent("s.json")
    let temporary = sessions.appendingPathComponent(".s.json.\(getpid()).tmp")
    try FileManager.default.createSymbolicLink(at: temporary, withDestinationURL: victim)
    try PrivateFiles.writeAtomically(Data("{}".utf8), to: target)
    #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
    #expect(try String(contentsOf: target, encoding: .utf8) == "{}")
  }

  @Test("A state folder that is a symbolic link is refused with the reason; nothing is written through it")
  func linkedStateFolderRefused() async throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let elsewhere = home.url.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: home.url.appendingPathComponent("state"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: home.url.appendingPathComponent("state/crs-intake"), withDestinationURL: elsewhere)
    let result = try await CLI.run(
      ["--lang", "en"], stdin: Data("\nno\nrespond\n".utf8), environment: ["XDG_STATE_HOME": home.url.appendingPathComponent("state").path])
    #expect(result.status == 0)
    #expect(result.stdout.contains("The session could not be saved"))
    #expect(result.stdout.contains("symbolic link"))
    #expect((try FileManager.default.contentsOfDirectory(atPath: elsewhere.path)).isEmpty)
  }

  @Test("A cache folder that is a symbolic link is left alone: nothing in it is deleted or written, and the command works")
  func linkedCacheFolderLeftAlone() async throws {
    let home = try TemporaryFolder()
    defer { home.remove() }
    let victim = home.url.appendingPathComponent("victim")
    try home.write("victim/data-precious.bin", "keep me")
    try FileManager.default.createDirectory(at: home.url.appendingPathComponent("cache"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: home.url.appendingPathComponent("cache/crs-intake"), withDestinationURL: victim)
    let result = try await CLI.run(["offices", "WA"], environment: ["XDG_CACHE_HOME": home.url.appendingPathComponent("cache").path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Seattle"))
    #expect((try FileManager.default.contentsOfDirectory(atPath: victim.path)) == ["data-precious.bin"])
  }

  @Test(
    "Output that cannot be written (a full disk) ends the command with exit 74 and says so",
    arguments: [
      "\"$CRS\" offices > /dev/full", "\"$CRS\" screen --format table < requests > /dev/full", "\"$CRS\" check > /dev/full",
    ])
  func fullDisk(command: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("requests", String(repeating: #"{"facts":{"state":"WA"}}"# + "\n", count: 2000))
    let result = try Self.shell("cd '\(folder.url.path)' && " + command)
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("The output could not be written (No space left on device)"))
  }

  @Test("screen into a closed pipe with SIGPIPE ignored stops at once with exit 74, even on endless input")
  func closedPipe() throws {
    // The input never ends: only stopping at the first failed write ends the command.
    let result = try Self.shell(
      #"trap '' PIPE; { yes '{"facts":{"state":"WA"}}' | timeout 120 "$CRS" screen 2>screen.err; echo $? > screen.status; } | head -c 100 > /dev/null; cat screen.status screen.err"#
    )
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "74", "\(result.stdout)")
    #expect(result.stdout.contains("The output could not be written (Broken pipe)"))
  }

  @Test("A draft that cannot be written whole is not left under its name, and the person is told")
  func failedDraftLeavesNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let drafts = folder.url.appendingPathComponent("drafts")
    try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
    // Files may not grow past 2 KiB (the draft is larger); the signal is ignored so the write fails.
    let answers = [
      "", "no", "respond", "Washington", "race", "police use of force", "3", "no", "yes", "yes", "neighborhood", "no",
      "dialogue, mediation", "yes", "Seattle", "", "", "", "", "", "yes",
    ]
    // The limit is set in the program's own shell; its output goes through a pipe, not a file.
    let result = try Self.shell(
      "(trap '' XFSZ; ulimit -f 2; exec \"$CRS\" --lang en --no-save --out '\(drafts.path)') | cat",
      stdin: answers.joined(separator: "\n") + "\n")
    #expect(result.stdout.contains("The draft could not be saved:"), "\(result.stdout.suffix(400))")
    #expect(result.stdout.contains("crs-request-"))
    #expect((try FileManager.default.contentsOfDirectory(atPath: drafts.path)).isEmpty)
  }
}
