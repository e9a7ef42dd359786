import Foundation
import IntakeTestSupport
import Testing

/// The command line describes itself: `--help` for every subcommand, `--version`, and the
/// completion scripts ArgumentParser writes for bash, zsh and fish.
@Suite("Help, version and completions")
struct CLIHelpTests {
  static let subcommands = ["interview", "check", "test", "screen", "explain", "draft", "offices", "sessions"]

  @Test(
    "--help names every subcommand and the exit codes; each subcommand has its own help", arguments: [[String]()] + subcommands.map { [$0] }
  )
  func help(_ subcommand: [String]) async throws {
    let result = try await CLI.run(subcommand + ["--help"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("USAGE: crs-intake"))
    if subcommand.isEmpty {
      for name in Self.subcommands { #expect(result.stdout.contains(name), "\(name)") }
      #expect(result.stdout.contains("74 output that could"))
    }
  }

  @Test("--version prints the version")
  func version() async throws {
    let result = try await CLI.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: ".").count == 3)
  }

  @Test("Completion scripts for bash, zsh and fish complete the subcommands", arguments: ["bash", "zsh", "fish"])
  func completions(_ shell: String) async throws {
    let result = try await CLI.run(["--generate-completion-script", shell])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("screen") && result.stdout.contains("offices"))
    #expect(result.stdout.contains("draft-lang"))
  }
}
