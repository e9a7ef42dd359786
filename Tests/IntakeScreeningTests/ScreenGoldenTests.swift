import Foundation
import IntakeTestSupport
import Testing

/// `crs-intake screen` byte for byte: standard output, standard error and the exit code of the
/// built binary for a fixed generated batch and for hand-made broken and odd records, in every
/// output format, compared with what the program wrote before screening was made fast
/// (`ScreenGolden/Golden`; record again with RECORD_SNAPSHOTS=1 only for a change meant to
/// show). The inputs are in `ScreenGolden/Inputs`: `batch.jsonl` is `crs-intake-bench generate
/// 1000 2026`; `edge.jsonl` holds malformed JSON, wrong types, unknown fields and facts,
/// escapes and surrogate pairs, huge numbers, duplicate keys, nested junk, blank lines, CRLF
/// line ends, invalid UTF-8, a pretty-printed object and an array inside JSON Lines;
/// `array.json` is a JSON array with CRLF line ends and a byte-order mark, followed by more.
@Suite("crs-intake screen: golden outputs")
struct ScreenGoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ScreenGolden")

  /// One run of `screen`: its arguments, the input file fed on stdin if any, and its exit code.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var stdin: String? = nil
    var status: Int32
    var environment: [String: String] = [:]

    var testDescription: String { name }
  }

  static let formats = ["jsonl", "json", "csv", "table"]

  static let cases: [Case] =
    formats.map { Case(name: "batch.\($0)", arguments: ["--format", $0, "batch.jsonl"], status: 0) }
    + formats.map { Case(name: "edge.\($0)", arguments: ["--format", $0, "edge.jsonl"], status: 1) }
    + formats.map { Case(name: "several.\($0)", arguments: ["--format", $0, "array.json", "edge.jsonl"], status: 1) }
    + [
      Case(name: "edge.vi.jsonl", arguments: ["--lang", "vi", "--format", "jsonl", "edge.jsonl"], status: 1),
      Case(name: "edge.vi.table", arguments: ["--lang", "vi", "--format", "table", "edge.jsonl"], status: 1),
      Case(name: "edge.stdin.jsonl", arguments: ["--format", "jsonl"], stdin: "edge.jsonl", status: 1),
      Case(name: "edge.wide.table", arguments: ["--format", "table", "edge.jsonl"], status: 1, environment: ["COLUMNS": "150"]),
      Case(name: "array.jsonl", arguments: ["--format", "jsonl", "-"], stdin: "array.json", status: 1),
      Case(name: "array.trace.json", arguments: ["--trace", "--format", "json", "array.json"], status: 1),
      Case(name: "edge.trace.jsonl", arguments: ["--trace", "--format", "jsonl", "edge.jsonl"], status: 1),
    ]

  @Test("screen writes exactly what it wrote before", arguments: cases)
  func golden(_ run: Case) async throws {
    let inputs = Self.folder.appendingPathComponent("Inputs")
    let stdin = try run.stdin.map { try Data(contentsOf: inputs.appendingPathComponent($0)) } ?? Data()
    let arguments = ["screen"] + (run.arguments.contains("--lang") ? [] : ["--lang", "en"]) + run.arguments
    let result = try await CLI.run(arguments, stdin: stdin, environment: run.environment, directory: inputs)
    let golden = Self.folder.appendingPathComponent("Golden")
    let stdoutFile = golden.appendingPathComponent("\(run.name).stdout")
    let stderrFile = golden.appendingPathComponent("\(run.name).stderr")
    let stderr = Data(result.stderr.utf8)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
      try result.stdoutData.write(to: stdoutFile)
      try stderr.write(to: stderrFile)
    }
    #expect(result.status == run.status, "\(run.name): exit \(result.status)\n\(result.stderr.prefix(2000))")
    Self.compare(result.stdoutData, try Data(contentsOf: stdoutFile), "\(run.name) stdout")
    Self.compare(stderr, try Data(contentsOf: stderrFile), "\(run.name) stderr")
  }

  /// Records an issue naming the first line that differs, if the bytes differ at all.
  static func compare(_ actual: Data, _ expected: Data, _ what: String) {
    guard actual != expected else { return }
    let a = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
    let b = actual.split(separator: 0x0A, omittingEmptySubsequences: false)
    let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    func text(_ lines: [Data], _ i: Int) -> String { i < lines.count ? String(decoding: lines[i].prefix(600), as: UTF8.self) : "(none)" }
    Issue.record(
      "\(what): \(actual.count) bytes, expected \(expected.count); first difference on line \(line + 1):\n- \(text(a, line))\n+ \(text(b, line))"
    )
  }
}
