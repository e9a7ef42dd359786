import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// `crs-intake screen`, end to end: formats, rejected requests, line numbers, exit codes.
@Suite("crs-intake screen")
struct CLIScreenTests {
  /// Five requests: good, malformed JSON, good, an invalid fact value, good.
  static let batch =
    [
      #"{"id":"ok-1","facts":{"state":"WA","bases":["race"],"request_goal":"respond","wants":["mediation"],"parties_willing_to_meet":"yes"}}"#,
      #"{"id":"broken","facts":{"state":"TX""#,
      #"{"id":"ok-2","facts":{"state":"TX","city":"Houston","bases":["other"]}}"#,
      #"{"id":"bad-value","facts":{"state":"Washington","bases":["race"]}}"#,
      #"{"id":"ok-3","facts":{"state":"PR","immediate_danger":true}}"#,
    ].joined(separator: "\n") + "\n"

  @Test("JSONL with bad lines: exit 1, stderr names the lines, one record per input line in order")
  func jsonlWithRejections() async throws {
    let result = try await CLI.run(["screen", "--format", "jsonl"], stdin: Self.batch)
    #expect(result.status == 1)
    let records = try CLI.jsonLines(result.stdout)
    #expect(records.count == 5)
    #expect(records.map { $0["line"] as? Int } == [1, 2, 3, 4, 5])
    #expect(records.map { $0["id"] as? String } == ["ok-1", nil, "ok-2", "bad-value", "ok-3"])
    for index in [1, 3] {
      let errors = records[index]["errors"] as? [[String: Any]]
      #expect(errors?.isEmpty == false)
      #expect(records[index]["jurisdiction"] == nil)
    }
    #expect((records[1]["errors"] as? [[String: Any]])?.first?["code"] as? String == "malformed-json")
    #expect((records[3]["errors"] as? [[String: Any]])?.first?["code"] as? String == "invalid-value")
    for index in [0, 2, 4] { #expect(records[index]["errors"] == nil && records[index]["jurisdiction"] != nil) }
    #expect(result.stderrLines.contains { $0.hasPrefix("<stdin>:2: error: ") })
    #expect(result.stderrLines.contains { $0.hasPrefix("<stdin>:4: error: ") && $0.contains("Washington") })
    #expect(!result.stderrLines.contains { $0.hasPrefix("<stdin>:1:") || $0.hasPrefix("<stdin>:3:") || $0.hasPrefix("<stdin>:5:") })
    #expect(result.stderr.contains("3 screened, 2 rejected."))
  }

  @Test("outcomes carry schema v1: jurisdiction, urgency, services with reasons, referrals, office, missing")
  func outcomeSchema() async throws {
    let result = try await CLI.run(["screen"], stdin: Self.batch)
    let records = try CLI.jsonLines(result.stdout)
    let first = records[0]
    let jurisdiction = first["jurisdiction"] as? [String: Any]
    #expect(jurisdiction?["status"] as? String == "in_scope")
    #expect(jurisdiction?["bases"] as? [String] == ["title_x"])
    #expect(first["urgency"] as? String == "standard")
    let services = first["services"] as? [[String: Any]]
    #expect(services?.first?["id"] as? String == "mediation")
    let because = services?.first?["because"] as? [[String: Any]]
    #expect(because?.first?["rule"] as? String == "mediation.requested")
    #expect((because?.first?["reason"] as? String)?.isEmpty == false)
    let office = first["office"] as? [String: Any]
    #expect(office?["region"] as? String == "west")
    #expect(office?["office"] as? String == "seattle")
    #expect(office?["field_office"] is NSNull)
    #expect(office?["confirmed"] as? Bool == true)
    // A field office chosen by county is an inference, flagged as such, with the county.
    let houston = (records[2]["office"] as? [String: Any])
    #expect(houston?["field_office"] as? String == "houston")
    #expect(houston?["confirmed"] as? Bool == false)
    #expect(houston?["county"] as? String == "Harris")
    #expect((first["missing"] as? [String])?.contains("violence") == true)
    // Out of scope with no protected basis: no services, and not the Civil Rights Division but
    // where such disputes go.
    #expect((records[2]["jurisdiction"] as? [String: Any])?["status"] as? String == "out_of_scope")
    #expect((records[2]["services"] as? [Any])?.isEmpty == true)
    #expect((records[2]["referrals"] as? [[String: Any]])?.map { $0["id"] as? String } == ["community_mediation"])
    // What one more answer would bring, with the fact it depends on.
    let possible = try #require(first["possible_services"] as? [[String: Any]])
    #expect(possible.contains { $0["id"] as? String == "city_spirit" && $0["if"] as? [String] == ["settings"] })
    #expect(
      possible.contains {
        $0["id"] as? String == "spcp" && ($0["when"] as? [[String: Any]])?.first?["incident_types"] as? [String] == ["police_use_of_force"]
      })
    // Someone in danger: emergency, call 911; PR routes to New York and San Juan.
    #expect(records[4]["urgency"] as? String == "emergency")
    #expect((records[4]["referrals"] as? [[String: Any]])?.first?["id"] as? String == "call_911")
    #expect((records[4]["office"] as? [String: Any])?["field_office"] as? String == "san_juan")
  }

  @Test("--format json is one valid JSON array even with rejected requests")
  func jsonArray() async throws {
    let result = try await CLI.run(["screen", "--format", "json"], stdin: Self.batch)
    #expect(result.status == 1)
    let array = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
    #expect(array.count == 5)
    #expect(array.map { $0["line"] as? Int } == [1, 2, 3, 4, 5])
    #expect(array.filter { $0["errors"] != nil }.count == 2)
  }

  @Test("--format json with no requests at all is an empty array")
  func emptyJSON() async throws {
    let result = try await CLI.run(["screen", "--format", "json"], stdin: "")
    #expect(result.status == 0)
    #expect(try JSONSerialization.jsonObject(with: result.stdoutData) as? [Any] != nil)
  }

  @Test("a JSON array input is screened element by element")
  func arrayInput() async throws {
    let input = """
      [
        {"id": "a", "facts": {"state": "TX"}},
        {"id": "b", "facts": {"state": "outside_us"}}
      ]
      """
    let result = try await CLI.run(["screen"], stdin: input)
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CLI.jsonLines(result.stdout)
    #expect(records.map { $0["id"] as? String } == ["a", "b"])
    #expect(records.map { $0["line"] as? Int } == [2, 3])
    #expect((records[1]["jurisdiction"] as? [String: Any])?["status"] as? String == "out_of_scope")
    #expect((records[1]["office"] as? [String: Any])?["office"] as? String == "headquarters")
  }

  @Test("a pretty-printed single object from a file works")
  func prettyObject() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "request.json",
      """
      {
        "schema": "crs-intake/1",
        "id": "pretty",
        "language": "vi",
        "facts": {
          "state": "CA",
          "bases": ["gender_identity"],
          "violence": false,
          "law_enforcement_involved": true
        },
        "narrative": "Cảnh sát và cộng đồng người chuyển giới"
      }
      """)
    let result = try await CLI.run(["screen", file.path])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CLI.jsonLines(result.stdout)
    #expect(records.count == 1)
    #expect(records.first?["id"] as? String == "pretty")
    #expect((records.first?["services"] as? [[String: Any]])?.contains { $0["id"] as? String == "training_transgender" } == true)
  }

  @Test("several files: line numbers restart, stderr names the file")
  func severalFiles() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let one = try folder.write("one.jsonl", #"{"id":"1a","facts":{"state":"WA"}}"# + "\n")
    let two = try folder.write("two.jsonl", #"{"id":"2a","facts":{"state":"WA"}}"# + "\n" + #"{"facts":{"stat":"WA"}}"# + "\n")
    let result = try await CLI.run(["screen", one.path, two.path])
    #expect(result.status == 1)
    let records = try CLI.jsonLines(result.stdout)
    #expect(records.map { $0["line"] as? Int } == [1, 1, 2])
    #expect(result.stderrLines.contains { $0.hasPrefix("\(two.path):2: error: ") && $0.contains("'state'") })
  }

  @Test("an unreadable file: exit 66 (EX_NOINPUT), the rest is still screened")
  func unreadableFile() async throws {
    let result = try await CLI.run(["screen", "/nonexistent/requests.jsonl", "-"], stdin: #"{"facts":{"state":"WA"}}"#)
    #expect(result.status == 66)
    #expect(result.stderr.contains("/nonexistent/requests.jsonl"))
    #expect(try CLI.jsonLines(result.stdout).count == 1)
  }

  @Test("invalid UTF-8 in a request is rejected on its line, not a crash")
  func invalidUTF8() async throws {
    var input = Data(#"{"id":"fine","facts":{"state":"WA"}}"#.utf8) + Data("\n".utf8)
    input += Data(#"{"id":"bad","narrative":""#.utf8) + Data([0xFF, 0xFE]) + Data("\"}\n".utf8)
    input += Data(#"{"id":"after","facts":{"state":"TX"}}"#.utf8) + Data("\n".utf8)
    let result = try await CLI.run(["screen"], stdin: input)
    #expect(result.status == 1)
    let records = try CLI.jsonLines(result.stdout)
    #expect(records.map { $0["line"] as? Int } == [1, 2, 3])
    #expect(records[1]["errors"] != nil)
    #expect(records[2]["id"] as? String == "after")
  }

  @Test("--format csv: a header, then one row per request, rejected ones included")
  func csv() async throws {
    let result = try await CLI.run(["screen", "--format", "csv"], stdin: Self.batch)
    #expect(result.status == 1)
    let rows = CSV.parse(result.stdout)
    #expect(
      rows.first == [
        "line", "id", "status", "jurisdiction", "bases", "urgency", "services", "referrals", "region", "office",
        "field_office", "missing", "extracted", "error", "file",
      ])
    #expect(rows.count == 6)
    #expect(rows.dropFirst().allSatisfy { $0.count == 15 && $0[14] == "<stdin>" })
    #expect(rows.dropFirst().map { $0[0] } == ["1", "2", "3", "4", "5"])
    #expect(rows.dropFirst().map { $0[2] } == ["ok", "error", "ok", "error", "ok"])
    #expect(rows[1][6] == "mediation;consultation")
    #expect(rows[3][3] == "out_of_scope")
    #expect(rows[5][9] == "new_york" && rows[5][10] == "san_juan")
    #expect(rows[4][13].contains("Washington"))  // an error message with commas, quoted
  }

  @Test("--format csv neutralizes formulas and shows escape characters instead of passing them through")
  func csvInjection() async throws {
    let batch = [
      #"{"id":"=HYPERLINK(\"http://x\",\"click\")","facts":{"state":"WA"}}"#, #"{"id":"+1","facts":{"state":"WA"}}"#,
      #"{"id":"@SUM(A1)","facts":{"state":"WA"}}"#, #"{"id":"-2","facts":{"state":"WA"}}"#,
      #"{"id":"\u001b[31mred","facts":{"state":"WA"}}"#,
    ].joined(separator: "\n")
    let result = try await CLI.run(["screen", "--format", "csv"], stdin: batch)
    #expect(result.status == 0, "\(result.stderr)")
    let ids = CSV.parse(result.stdout).dropFirst().map { $0[1] }
    #expect(ids == ["'=HYPERLINK(\"http://x\",\"click\")", "'+1", "'@SUM(A1)", "'-2", "\\u{1b}[31mred"])
    #expect(!result.stdout.contains("\u{1b}"))
  }

  @Test(
    "--format table: aligned columns that fit the terminal, cells wrapped and never cut, a referrals column, rejected requests marked",
    arguments: [80, 120])
  func table(width: Int) async throws {
    let result = try await CLI.run(["screen", "--format", "table"], stdin: Data(Self.batch.utf8), environment: ["COLUMNS": String(width)])
    #expect(result.status == 1)
    let lines = result.stdoutLines
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "a line is wider than \(width)")
    let header = try #require(lines.first)
    let columns = ["LINE", "ID", "JURISDICTION", "URGENCY", "OFFICE", "MISSING", "REFERRALS", "SERVICES"]
    let starts = try columns.map { column in
      try #require(header.range(of: column).map { header.distance(from: header.startIndex, to: $0.lowerBound) }, "\(column)")
    }
    #expect(starts == starts.sorted())
    // A row is its first line and the lines under it with a blank line column.
    var rows: [[String]] = []
    for line in lines.dropFirst() {
      if line.first == " ", !rows.isEmpty { rows[rows.count - 1].append(line) } else { rows.append([line]) }
    }
    #expect(rows.count == 5)
    /// A column's text over all the lines of a row, its pieces joined again.
    func cell(_ row: [String], _ column: Int) -> String {
      row.map { line -> String in
        let characters = Array(line)
        let end = column + 1 < starts.count ? starts[column + 1] : characters.count
        guard starts[column] < characters.count else { return "" }
        return String(characters[starts[column]..<min(end, characters.count)]).trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }.reduce("") { joined, piece in
        joined.isEmpty ? piece : joined + (joined.hasSuffix(",") ? " " : "") + piece
      }
    }
    let outcomes = try CLI.jsonLines((try await CLI.run(["screen"], stdin: Self.batch)).stdout)
    for (index, outcome) in outcomes.enumerated() where outcome["errors"] == nil {
      let row = rows[index]
      #expect(cell(row, 0) == String(index + 1))
      #expect(cell(row, 1) == outcome["id"] as? String)
      #expect(cell(row, 2) == (outcome["jurisdiction"] as? [String: Any])?["status"] as? String)
      for (column, key) in [(5, "missing"), (6, "referrals"), (7, "services")] {
        let values: [String] =
          key == "missing"
          ? outcome[key] as? [String] ?? [] : (outcome[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(cell(row, column) == (values.isEmpty ? "-" : values.joined(separator: ", ")), "\(key) of row \(index + 1)")
      }
    }
    #expect(rows[1][0].hasPrefix("2 ") && rows[1][0].contains("✗"))
    #expect(rows[3][0].hasPrefix("4 ") && rows[3].joined(separator: " ").contains("Washington"))
  }

  @Test("Several files: each record names its file, in JSON, CSV and the table")
  func filesNamed() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let one = try folder.write("day1.jsonl", #"{"id":"1a","facts":{"state":"WA"}}"# + "\n")
    let two = try folder.write("day2.jsonl", #"{"id":"2a","facts":{"state":"TX"}}"# + "\n" + #"{"facts":{"stat":"WA"}}"# + "\n")
    let json = try CLI.jsonLines((try await CLI.run(["screen", one.path, two.path])).stdout)
    #expect(json.map { $0["file"] as? String } == [one.path, two.path, two.path])
    let single = try CLI.jsonLines((try await CLI.run(["screen", one.path])).stdout)
    #expect(single.first?["file"] == nil)
    let csv = CSV.parse((try await CLI.run(["screen", "--format", "csv", one.path, two.path])).stdout)
    #expect(csv.dropFirst().map { $0.last } == [one.path, two.path, two.path])
    let table = (try await CLI.run(["screen", "--format", "table", one.path, two.path])).stdoutLines
    #expect(table.filter { $0.hasPrefix("── ") } == ["── " + one.path, "── " + two.path])
  }

  @Test("A slow producer sees each outcome as soon as its request is read")
  func streams() throws {
    guard let binary = CLI.binary else { throw TestSetupError("crs-intake binary not found") }
    let process = Process()
    process.executableURL = binary
    process.arguments = ["screen"]
    process.environment = [
      "CRS_INTAKE_RULES": PackagePaths.rules.path, "CRS_INTAKE_LOCALES": PackagePaths.locales.path, "LC_ALL": "C.UTF-8",
    ]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    input.fileHandleForWriting.write(Data((#"{"id":"first","facts":{"state":"WA"}}"# + "\n").utf8))
    // The first outcome arrives while the input is still open.
    var received = Data()
    let deadline = Date().addingTimeInterval(20)
    while !received.contains(0x0A), Date() < deadline {
      received += output.fileHandleForReading.availableData
    }
    #expect(String(decoding: received, as: UTF8.self).contains("\"id\":\"first\""))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  @Test("--trace adds the rule trace to JSON outcomes")
  func trace() async throws {
    let result = try await CLI.run(["screen", "--trace"], stdin: #"{"facts":{"state":"WA","bases":["race"]}}"#)
    let record = try #require(try CLI.jsonLines(result.stdout).first)
    let trace = try #require(record["trace"] as? [[String: Any]])
    #expect(trace.count == ShippedData.loaded.ruleSet.rules.count)
    #expect(trace.contains { $0["rule"] as? String == "jurisdiction.title-x" && $0["result"] as? String == "true" })
    #expect(trace.contains { $0["result"] as? String == "unknown" && $0["unknown"] != nil })
    #expect(trace.contains { $0["result"] as? String == "false" && ($0["failed"] as? String)?.isEmpty == false })
  }

  @Test("screening the same batch twice prints the same bytes")
  func deterministic() async throws {
    let first = try await CLI.run(["screen", "--format", "json"], stdin: Self.batch)
    let second = try await CLI.run(["screen", "--format", "json"], stdin: Self.batch)
    #expect(first.stdoutData == second.stdoutData)
    #expect(first.stderr == second.stderr)
  }

  @Test("an unknown format is a usage error (exit 64)")
  func badFormat() async throws {
    let result = try await CLI.run(["screen", "--format", "xml"], stdin: "")
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
  }

  @Test("invalid rules stop screening with exit 65")
  func invalidRules() async throws {
    let fixture = try BrokenRulesFixture()
    defer { fixture.remove() }
    let result = try await CLI.run(["screen", "--rules", fixture.rules.path], stdin: Self.batch)
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Rules/rules/referrals.yaml:"))
  }
}

/// A small RFC 4180 reader for checking CSV output.
enum CSV {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character?
    while let character = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if character == "\"" {
          if let next = iterator.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\n", "\r\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default: field.append(character)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
