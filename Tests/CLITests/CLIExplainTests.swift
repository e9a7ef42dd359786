import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// `crs-intake explain`, end to end: the trace and "why not".
@Suite("crs-intake explain")
struct CLIExplainTests {
  static let request = #"""
    {"id": "explain-me", "facts": {"state": "WA", "bases": ["race"], "request_goal": "respond",
     "wants": ["mediation"], "parties_willing_to_meet": "no", "settings": ["k12_school"],
     "incident_types": ["school_conflict"]}}
    """#

  static func write(_ text: String, in folder: TemporaryFolder) throws -> URL {
    try folder.write("request.json", text)
  }

  @Test("the trace has a ✓, ✗ or ? line for every rule, with the failing condition and the value seen")
  func trace() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = try await CLI.run(["explain", try Self.write(Self.request, in: folder).path])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdoutLines
    #expect(lines.first == "Outcome for explain-me")
    #expect(lines.contains("Jurisdiction: in_scope (title_x)"))
    #expect(lines.contains("  school_spirit ← school-spirit.k12-incident"))
    #expect(lines.contains("  facilitated_dialogue ← dialogue.community-tension, dialogue.parties-unsure"))
    let traceLines = lines.filter { $0.hasPrefix("  ✓ ") || $0.hasPrefix("  ✗ ") || $0.hasPrefix("  ? ") }
    #expect(traceLines.count == ShippedData.loaded.ruleSet.rules.count)
    #expect(traceLines.contains("  ✓ jurisdiction.title-x"))
    #expect(traceLines.contains("  ✗ mediation.requested: parties_willing_to_meet in [yes, unsure] did not hold; the value was no"))
    #expect(traceLines.contains("  ? jurisdiction.shepard-byrd-violent: undecided, unknown violence"))
    #expect(traceLines.contains("  ✗ jurisdiction.outside-us: state equals outside_us did not hold; the value was WA"))
    // A `not` that failed is shown as such, with the set value seen.
    #expect(
      traceLines.contains {
        $0.hasPrefix("  ✗ jurisdiction.no-protected-basis: not (bases includes_any [race,") && $0.hasSuffix("the value was [race]")
      })
    #expect(lines.contains { $0.hasPrefix("Still unknown and could change the outcome: ") && $0.contains("violence") })
  }

  @Test("explain lists what one more answer would bring, and flags an unconfirmed office")
  func possible() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let request =
      #"{"facts": {"state": "CA", "city": "San Jose", "bases": ["religion"], "request_goal": "respond", "incident_types": ["bias_incident"]}}"#
    let result = try await CLI.run(["explain", try Self.write(request, in: folder).path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.contains("Would also fit if one unknown fact were so:"))
    #expect(result.stdoutLines.contains("  ppow_forum ← settings = place_of_worship"))
    #expect(result.stdoutLines.contains("The office routing is an inference, not confirmed by a CRS source."))
    #expect(result.stdoutLines.contains("Jurisdiction: assess"))
  }

  @Test("--why-not names each failing condition of the service's rules and the value it saw")
  func whyNot() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = try await CLI.run(["explain", try Self.write(Self.request, in: folder).path, "--why-not", "mediation"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdoutLines.prefix(3) == [
        "Why not 'mediation':",
        "  ✗ mediation.requested: parties_willing_to_meet in [yes, unsure] did not hold; the value was no",
        "  ✗ mediation.after-police-incident: incident_types includes_any [police_use_of_force, police_misconduct] did not hold; the value was [school_conflict]",
      ])
  }

  @Test("--why-not for an undecided rule names the unknown facts")
  func whyNotUndecided() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = try await CLI.run(["explain", try Self.write(Self.request, in: folder).path, "--why-not", "spcp"])
    #expect(result.stdout.contains("? spcp.police-mistrust: undecided, unknown longstanding_mistrust, law_enforcement_involved"))
    #expect(result.stdout.contains("✗ spcp.prevention-partnership: request_goal equals prevent did not hold; the value was respond"))
  }

  @Test("--why-not for a service that is recommended says so")
  func whyNotRecommended() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = try await CLI.run(["explain", try Self.write(Self.request, in: folder).path, "--why-not", "school_spirit"])
    #expect(result.stdoutLines.first == "'school_spirit' is recommended.")
    #expect(result.stdout.contains("✓ school-spirit.k12-incident"))
  }

  @Test("--why-not with an unknown service is a usage error with a suggestion")
  func whyNotUnknownService() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = try await CLI.run(["explain", try Self.write(Self.request, in: folder).path, "--why-not", "mediaton"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Did you mean 'mediation'?"))
  }

  @Test("--why-not takes a service's name in either language, any case, with or without diacritics, or its short name")
  func whyNotByName() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try Self.write(Self.request, in: folder).path
    let byID = try await CLI.run(["explain", file, "--why-not", "mediation"])
    for name in ["Mediation", "hòa giải", "HOA GIAI"] {
      let result = try await CLI.run(["explain", file, "--why-not", name])
      #expect(result.status == 0, "\(name): \(result.stderr)")
      #expect(result.stdout == byID.stdout, "\(name)")
    }
    let spcp = try await CLI.run(["explain", file, "--why-not", "SPCP"])
    #expect(spcp.stdout == (try await CLI.run(["explain", file, "--why-not", "spcp"])).stdout)
    // Words that fit several services name them all and ask for one.
    let several = try await CLI.run(["explain", file, "--why-not", "training"])
    #expect(several.status == 64)
    #expect(several.stderr.contains("'training' names several services: "))
    #expect(several.stderr.contains("training_hate_crimes") && several.stderr.contains("training_transgender"))
  }

  @Test("explain reads stdin with -")
  func stdin() async throws {
    let result = try await CLI.run(["explain", "-"], stdin: Self.request)
    #expect(result.status == 0)
    #expect(result.stdoutLines.first == "Outcome for explain-me")
  }

  @Test("a request with an invalid value: exit 65 and the problem with its line")
  func invalidRequest() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try Self.write("\n" + #"{"facts": {"state": "Wash"}}"#, in: folder)
    let result = try await CLI.run(["explain", file.path])
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("\(file.path):2: "))
    #expect(result.stderr.contains("'Wash'"))
  }

  @Test("a file with two requests is refused: explain reads one")
  func twoRequests() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try Self.write(#"{"facts": {}}"# + "\n" + #"{"facts": {}}"#, in: folder)
    let result = try await CLI.run(["explain", file.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("holds 2 requests"))
  }

  @Test("a missing file is reported")
  func missingFile() async throws {
    let result = try await CLI.run(["explain", "/nonexistent/request.json"])
    #expect(result.status == 66)  // EX_NOINPUT
    #expect(result.stderr.contains("/nonexistent/request.json"))
  }
}
