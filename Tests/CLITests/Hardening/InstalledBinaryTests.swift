import Foundation
import IntakeTestSupport
import Testing

/// Issue 11, "Install anywhere": the built binary copied to an empty folder, with no
/// CRS_INTAKE_* variables, an empty home and cache, and that folder as the current folder,
/// works with the rules and texts built into it; a missing `--rules` folder gets a message built
/// into the program; `make install-only` installs the binary, man page and completions.
@Suite("Hardening: an installed binary")
struct InstalledBinaryTests {
  /// A copy of the built binary in a fresh folder, run with nothing from the source tree.
  struct Installed {
    let folder: TemporaryFolder
    let binary: URL

    init() throws {
      guard let built = CLI.binary else { throw CLIError("crs-intake binary not found; build with `swift build --build-tests`") }
      folder = try TemporaryFolder()
      binary = folder.url.appendingPathComponent("bin/crs-intake")
      try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
      // Copied by cp, not by this process: a file this process held open for writing would be
      // inherited by a child another test forks at that moment, and running the copy would fail
      // with "Text file busy" (seen in CI).
      let copy = Process()
      copy.executableURL = URL(fileURLWithPath: "/bin/cp")
      copy.arguments = [built.resolvingSymlinksInPath().path, binary.path]
      try copy.run()
      copy.waitUntilExit()
      guard copy.terminationStatus == 0 else { throw CLIError("could not copy the binary to \(binary.path)") }
      try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("home"), withIntermediateDirectories: true)
    }

    /// Only PATH, a UTF-8 locale, and a home, cache and state folder that are empty.
    var environment: [String: String] {
      let home = folder.url.appendingPathComponent("home").path
      return [
        "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": home, "XDG_CACHE_HOME": home + "/cache",
        "XDG_STATE_HOME": home + "/state",
      ]
    }

    func run(_ arguments: [String], stdin: Data = Data()) async throws -> CLI.Result {
      try await CLI.execute(binary, arguments, stdin: stdin, environment: environment, directory: folder.url)
    }
  }

  static let request =
    #"{"schema":"crs-intake/1","id":"r1","facts":{"request_goal":"prevent","bases":["race"],"law_enforcement_involved":true,"longstanding_mistrust":true,"state":"WA"}}"#

  @Test("A copied binary routes a state, screens a request, checks its data and runs the interview, with no source tree")
  func copiedBinary() async throws {
    let installed = try Installed()
    defer { installed.folder.remove() }

    let offices = try await installed.run(["offices", "WA", "--lang", "en"])
    #expect(offices.status == 0, "\(offices.stderr)")
    #expect(offices.stdout.contains("Seattle Regional Office"))
    #expect(offices.stderr.isEmpty, "\(offices.stderr)")
    // The built-in data was cached under the empty cache folder, and read back the second time.
    let cache = installed.folder.url.appendingPathComponent("home/cache/crs-intake")
    let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("data-") }
    #expect(cached.count == 1)
    let again = try await installed.run(["offices", "WA", "--lang", "en"])
    #expect(again.stdout == offices.stdout)

    let screened = try await installed.run(["screen", "--format", "jsonl", "-"], stdin: Data((Self.request + "\n").utf8))
    #expect(screened.status == 0, "\(screened.stderr)")
    #expect(screened.stdout.contains(#""id":"r1""#) && screened.stdout.contains(#""id":"spcp""#), "\(screened.stdout)")
    #expect(screened.stdout.contains(#""office":"seattle""#), "\(screened.stdout)")

    let check = try await installed.run(["check", "--strict", "--lang", "en"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.hasPrefix("Rules and Locales are valid:"), "\(check.stdout)")

    let test = try await installed.run(["test", "--lang", "en"])
    #expect(test.status == 0, "\(test.stderr)")
    #expect(test.stdout.contains("0 failed"), "\(test.stdout)")

    let interview = try await installed.run(["--lang", "en"], stdin: InterviewAnswers.typed(InterviewAnswers.english))
    #expect(interview.status == 0, "\(interview.stderr)")
    #expect(interview.stdout.contains("Is anyone in danger right now?"))
    #expect(interview.stdout.contains("═══ Your result ═══"))
    #expect(interview.stdout.contains("Seattle Regional Office"))
  }

  /// Whether this machine lets us make a private mount namespace (root in a container usually
  /// can; many CI runners cannot).
  static let unshareWorks: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = ["-m", "sh", "-c", "mount -t tmpfs none /mnt"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  @Test(
    "With a tmpfs mounted over the package, so the source tree is really gone, the copied binary still works",
    .enabled(
      if: unshareWorks, "unshare -m (or mount) is refused here, so the source tree cannot be hidden; the test above still runs without it"))
  func hiddenSourceTree() async throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let root = PackagePaths.root.path
    let script = """
      mount -t tmpfs none "$1" || exit 90
      test -e "$1/Package.swift" && exit 91
      "$2" offices WA --lang en && "$2" check --lang en
      """
    let hidden = try await CLI.execute(
      URL(fileURLWithPath: "/usr/bin/unshare"), ["-m", "sh", "-c", script, "sh", root, installed.binary.path],
      environment: installed.environment, directory: installed.folder.url)
    #expect(hidden.status == 0, "status \(hidden.status): \(hidden.stderr)")
    #expect(hidden.stdout.contains("Seattle Regional Office"))
    #expect(hidden.stdout.contains("Rules and Locales are valid:"))
  }

  @Test("A --rules folder that is not there gets the built-in message, naming --rules and CRS_INTAKE_RULES, exit 65")
  func missingRulesFolder() async throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let missing = installed.folder.url.appendingPathComponent("no-such-rules").path
    let english = try await installed.run(["offices", "WA", "--rules", missing, "--lang", "en"])
    #expect(english.status == 65)
    #expect(english.stdout.isEmpty)
    #expect(
      english.stderr
        == "The rules folder '\(missing)' (given by --rules) does not exist or holds no facts.yaml. Give the folder that holds facts.yaml with --rules DIR or CRS_INTAKE_RULES=DIR, or give neither to use the rules built into crs-intake.\n"
    )
    let vietnamese = try await installed.run(["check", "--rules", missing, "--lang", "vi"])
    #expect(vietnamese.status == 65)
    #expect(vietnamese.stderr.hasPrefix("Không tìm thấy thư mục quy tắc '\(missing)' (chỉ định bằng --rules)"), "\(vietnamese.stderr)")
    #expect(vietnamese.stderr.contains("Xin quý vị chỉ định thư mục có facts.yaml bằng --rules DIR hoặc CRS_INTAKE_RULES=DIR"))
    for result in [english, vietnamese] {
      #expect(!result.stderr.contains("data.") && !result.stderr.contains("diagnostic.") && !result.stderr.contains("cli."))
    }
  }

  @Test("A CRS_INTAKE_LOCALES folder whose texts do not load: every problem and the summary still read as sentences")
  func brokenLocalesFolder() async throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let locales = try installed.folder.write("Locales/en.yaml", "version: 1\nmessages: [\n").deletingLastPathComponent()
    try installed.folder.write("Locales/vi.yaml", "version: 1\nmessages: [\n")
    var environment = installed.environment
    environment["CRS_INTAKE_LOCALES"] = locales.path
    let result = try await CLI.execute(
      installed.binary, ["offices", "WA", "--lang", "en"], environment: environment, directory: installed.folder.url)
    #expect(result.status == 65)
    // The root cause, not the texts its absence leaves missing.
    #expect(result.stderr.contains("Locales/en.yaml:3:1: error: This is not valid YAML:"), "\(result.stderr)")
    #expect(!result.stderr.contains("is missing in 'en'"), "\(result.stderr)")
    #expect(result.stderr.contains("The checks that depend on "), "\(result.stderr)")
    #expect(result.stderr.contains("errors; run 'crs-intake check' to see them all."))
    #expect(
      result.stderrLines.last
        == "The texts were read from '\(locales.path)' (given by CRS_INTAKE_LOCALES); with neither --locales nor CRS_INTAKE_LOCALES, crs-intake uses the texts built into it."
    )
    let check = try await CLI.execute(
      installed.binary, ["check", "--lang", "vi"], environment: environment, directory: installed.folder.url)
    #expect(check.status == 65)
    #expect(check.stderr.contains("Locales/en.yaml:3:1: error: Đây không phải YAML hợp lệ:"), "\(check.stderr)")
    #expect(!check.stderr.contains("diagnostic.") && !check.stderr.contains("check.summary"))
  }

  /// `make`, when it is installed.
  static let make: URL? = ["/usr/bin/make", "/bin/make"].map(URL.init(fileURLWithPath:)).first {
    FileManager.default.isExecutableFile(atPath: $0.path)
  }

  @Test(
    "make install-only installs the binary, the man page and three completion scripts; uninstall removes them",
    .enabled(if: make != nil, "make is not installed"))
  func makeInstall() async throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let manual = try installed.folder.write("crs-intake.1", ".Dd\n.Dt CRS-INTAKE 1\n.Sh NAME\n.Nm crs-intake\n")
    let prefix = "/opt/crs"
    let stage = installed.folder.url.appendingPathComponent("stage")
    let arguments = [
      "-C", PackagePaths.root.path, "PREFIX=\(prefix)", "DESTDIR=\(stage.path)", "BINARY=\(installed.binary.path)",
      "MANPAGE=\(manual.path)",
    ]
    let install = try await CLI.execute(
      try #require(Self.make), arguments + ["install-only"], environment: installed.environment, directory: installed.folder.url)
    #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
    let root = stage.appendingPathComponent(String(prefix.dropFirst()))
    let files = [
      "share/man/man1/crs-intake.1": ".Nm crs-intake",
      "share/bash-completion/completions/crs-intake": "crs-intake", "share/zsh/site-functions/_crs-intake": "#compdef crs-intake",
      "share/fish/vendor_completions.d/crs-intake.fish": "complete -c 'crs-intake'",
    ]
    for (path, needle) in files {
      let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
      #expect(data != nil, "\(path) not installed")
      #expect(String(decoding: data ?? Data(), as: UTF8.self).contains(needle), "\(path) lacks '\(needle)'")
    }
    let binary = root.appendingPathComponent("bin/crs-intake")
    #expect(FileManager.default.isExecutableFile(atPath: binary.path))
    #expect(FileManager.default.contentsEqual(atPath: binary.path, andPath: installed.binary.path))
    let offices = try await CLI.execute(
      root.appendingPathComponent("bin/crs-intake"), ["offices", "WA", "--lang", "en"], environment: installed.environment,
      directory: installed.folder.url)
    #expect(offices.status == 0 && offices.stdout.contains("Seattle Regional Office"), "\(offices.stderr)")

    let uninstall = try await CLI.execute(
      try #require(Self.make), arguments + ["uninstall"], environment: installed.environment, directory: installed.folder.url)
    #expect(uninstall.status == 0, "\(uninstall.stderr)")
    for path in ["bin/crs-intake"] + files.keys {
      #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path) left")
    }
  }

  /// ArgumentParser's generate-manual tool, when `swift package plugin generate-manual` has
  /// built it into the same build folder (`.ci/run` does).
  static let manualTool: URL? = CLI.binary.map {
    $0.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("generate-manual-tool")
  }.flatMap { FileManager.default.isExecutableFile(atPath: $0.path) ? $0 : nil }

  @Test(
    "The man page generate-manual writes names every subcommand and the data options",
    .enabled(
      if: manualTool != nil, "generate-manual is not built here: run `swift package plugin generate-manual --configuration debug` first"))
  func manualPage() async throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let output = installed.folder.url.appendingPathComponent("man")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let generated = try await CLI.execute(
      try #require(Self.manualTool), [installed.binary.path, "--output-directory", output.path], environment: installed.environment,
      directory: installed.folder.url)
    #expect(generated.status == 0, "\(generated.stderr)")
    let page = String(
      decoding: FileManager.default.contents(atPath: output.appendingPathComponent("crs-intake.1").path) ?? Data(), as: UTF8.self)
    for word in ["interview", "check", "screen", "offices", "sessions", "rules", "CRS_INTAKE_RULES", "built into"] {
      #expect(page.contains(word), "the man page lacks '\(word)'")
    }
  }
}
