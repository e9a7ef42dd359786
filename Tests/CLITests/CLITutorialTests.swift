import Foundation
import IntakeTestSupport
import Testing

/// The tutorial in `Rules/README.md` ("adding a service, end to end"), run step by step on a
/// copy of the shipped data, so it never rots: each `<!-- tutorial: … -->` marker says what the
/// block after it is — text to append to or create a file with, a command to run with the exit
/// code and a line its output must hold, or the base copy to keep.
@Suite("Rules/README.md: the tutorial runs as written")
struct CLITutorialTests {
  /// One step of the walk-through.
  enum Step {
    case keepBase(String)
    case append(String, String)
    case create(String, String)
    case run([String], exit: Int32, expect: String)
  }

  /// The steps, in order: a marker line, then the fenced block after it.
  static func steps(_ readme: String) throws -> [Step] {
    var steps: [Step] = []
    let lines = readme.components(separatedBy: "\n")
    var i = 0
    while i < lines.count {
      let line = lines[i]
      i += 1
      guard line.hasPrefix("<!-- tutorial: "), line.hasSuffix(" -->") else { continue }
      let marker = String(line.dropFirst("<!-- tutorial: ".count).dropLast(" -->".count))
      // The fenced block right after the marker.
      guard i < lines.count, lines[i].hasPrefix("```") else { throw TestSetupError("no block after: \(line)") }
      var block: [String] = []
      i += 1
      while i < lines.count, lines[i] != "```" {
        block.append(lines[i])
        i += 1
      }
      i += 1
      let body = block.joined(separator: "\n") + "\n"
      let words = marker.split(separator: " ", maxSplits: 1).map(String.init)
      switch words.first {
      case "keep-base": steps.append(.keepBase(words[1]))
      case "append": steps.append(.append(words[1], body))
      case "create": steps.append(.create(words[1], body))
      case "run,":
        let exit = try #require(marker.firstMatch(of: /exit (\d+)/)).1
        let expect = try #require(marker.firstMatch(of: /expect "(.*)"/)).1
        let command = block.joined(separator: " ").split(separator: " ").map(String.init)
        guard command.first == "crs-intake" else { throw TestSetupError("not a crs-intake command: \(block)") }
        steps.append(.run(Array(command.dropFirst()), exit: Int32(exit) ?? -1, expect: String(expect)))
      default:
        throw TestSetupError("unknown tutorial marker: \(line)")
      }
    }
    return steps
  }

  @Test("every step of the tutorial does what the README says")
  func walkThrough() async throws {
    let readme = try String(contentsOf: PackagePaths.rules.appendingPathComponent("README.md"), encoding: .utf8)
    let steps = try Self.steps(readme)
    // The walk-through has its parts: edits, a check that fails, then check, test and diff.
    #expect(steps.count >= 10)
    let folder = try CLICheckRootCauseTests.copyOfShippedData()
    defer { folder.remove() }
    let manager = FileManager.default
    var ran = 0
    for step in steps {
      switch step {
      case .keepBase(let name):
        let base = folder.url.appendingPathComponent(name)
        try manager.createDirectory(at: base, withIntermediateDirectories: true)
        for data in ["Rules", "Locales"] {
          try manager.copyItem(at: folder.url.appendingPathComponent(data), to: base.appendingPathComponent(data))
        }
      case .append(let file, let text):
        let url = folder.url.appendingPathComponent(file)
        let old = try String(contentsOf: url, encoding: .utf8)
        try (old.hasSuffix("\n") ? old : old + "\n").appending(text).write(to: url, atomically: true, encoding: .utf8)
      case .create(let file, let text):
        #expect(!manager.fileExists(atPath: folder.url.appendingPathComponent(file).path), "\(file) exists already")
        _ = try folder.write(file, text)
      case .run(let arguments, let exit, let expect):
        ran += 1
        let result = try await CLI.run(
          arguments, rules: folder.url.appendingPathComponent("Rules"), locales: folder.url.appendingPathComponent("Locales"),
          directory: folder.url)
        let output = result.stdout + result.stderr
        #expect(result.status == exit, "crs-intake \(arguments.joined(separator: " ")):\n\(output)")
        #expect(output.contains(expect), "crs-intake \(arguments.joined(separator: " ")):\n\(output)")
      }
    }
    #expect(ran == 4)
  }
}
