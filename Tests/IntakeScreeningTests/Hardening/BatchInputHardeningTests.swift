import Foundation
import IntakeTestSupport
import Testing

/// Issue 11: whatever a batch holds, every request in it is screened or reported, one record at
/// a time, in bounded time and memory.
@Suite("Hardening: batch input")
struct BatchInputHardeningTests {
  private static func records(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
      guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        throw CLIError("not an object: \(line)")
      }
      return record
    }
  }

  private static func request(_ id: String, _ state: String = "WA") -> String {
    #"{"schema":"crs-intake/1","id":"\#(id)","facts":{"state":"\#(state)","bases":["race"]}}"#
  }

  @Test("Arrays one after another (cat day1.json day2.json), then objects and JSON lines: every request is screened")
  func concatenatedArrays() async throws {
    let day1 = "[\n  \(Self.request("d1-a")),\n  \(Self.request("d1-b"))\n]\n"
    let day2 = "[\(Self.request("d2-a")), \(Self.request("d2-b", "TX"))]"
    let more = "[]\n\(Self.request("jsonl-1"))\n{\n  \"id\": \"pretty\",\n  \"facts\": {\"state\": \"CA\"}\n}\n[\(Self.request("d3-a"))]\n"
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: day1 + day2 + more)
    let records = try Self.records(result.stdout)
    #expect(records.map { $0["id"] as? String } == ["d1-a", "d1-b", "d2-a", "d2-b", "jsonl-1", "pretty", "d3-a"], "\(result.stderr)")
    #expect(records.allSatisfy { $0["jurisdiction"] != nil })
    #expect(records.map { $0["line"] as? Int } == [2, 3, 5, 5, 6, 7, 11])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test("Bytes after an array that are no request are reported with their line, never dropped")
  func garbageAfterArray() async throws {
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: "[\(Self.request("a"))]\nnot json\n\(Self.request("b"))\n")
    let records = try Self.records(result.stdout)
    #expect(records.map { $0["id"] as? String } == ["a", nil, "b"])
    #expect(records.map { $0["line"] as? Int } == [1, 2, 3])
    #expect(result.status == 1)
    #expect(result.stderrLines.contains { $0.hasPrefix("<stdin>:2: error: ") })
  }

  @Test("A request over 1 MiB is refused with its line and the limit; the rest of the batch is screened")
  func oversizedRecord() async throws {
    let huge = #"{"id":"huge","narrative":""# + String(repeating: "x", count: 1_200_000) + #"","facts":{"state":"WA"}}"#
    let stdin = [Self.request("before"), huge, Self.request("after")].joined(separator: "\n") + "\n"
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: stdin)
    let records = try Self.records(result.stdout)
    #expect(records.map { $0["line"] as? Int } == [1, 2, 3])
    #expect(records[0]["id"] as? String == "before" && records[2]["id"] as? String == "after")
    let errors = try #require(records[1]["errors"] as? [[String: Any]])
    #expect(errors.map { $0["code"] as? String } == ["record-too-large"])
    let message = try #require(errors.first?["message"] as? String)
    #expect(message.contains("1 MiB") && message.contains("line 2"), "\(message)")
    #expect(result.stderrLines.contains { $0.hasPrefix("<stdin>:2: error: ") && $0.contains("1 MiB") })
    #expect(result.stdoutData.count < 20_000)
    // The same in an array, and in Vietnamese.
    let array = "[\(Self.request("before")),\n\(huge),\n\(Self.request("after"))]"
    let vi = try await CLI.run(["screen", "--format", "jsonl", "--lang", "vi"], stdin: array)
    let viRecords = try Self.records(vi.stdout)
    #expect(viRecords.map { $0["id"] as? String } == ["before", nil, "after"])
    #expect(vi.stderr.contains("1 MiB") && vi.stderr.contains("quý vị"), "\(vi.stderr)")
  }

  @Test("A request with 60,000 unknown keys or facts: a handful named, the rest counted")
  func manyUnknownKeys() async throws {
    var keys = (0..<60_000).map { #""k\#($0)":0"# }.joined(separator: ",")
    let fields = #"{"schema":"crs-intake/1",\#(keys)}"#
    keys = (0..<60_000).map { #""f\#($0)":true"# }.joined(separator: ",")
    let facts = #"{"schema":"crs-intake/1","facts":{\#(keys)}}"#
    let stdin = [fields, facts, Self.request("after")].joined(separator: "\n") + "\n"
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: stdin)
    let records = try Self.records(result.stdout)
    #expect(records.map { $0["line"] as? Int } == [1, 2, 3])
    #expect(records[2]["jurisdiction"] != nil)
    #expect(result.stderrLines.filter { $0.hasPrefix("<stdin>:1:") }.count <= 6)
    #expect(result.stderrLines.filter { $0.hasPrefix("<stdin>:2:") }.count <= 6)
    #expect(result.stderr.contains("59995 more") || result.stderr.contains("59,995 more"), "\(result.stderr.prefix(2000))")
    #expect(result.stderr.utf8.count < 10_000 && result.stdoutData.count < 10_000)
  }
}
