import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `crs-intake test` for CI and for people: `--junit`, `--filter`, and the rule trace under a
/// failing scenario.
@Suite("crs-intake test: JUnit, filter, trace")
struct CLITestReportsTests {
  /// One scenario that passes, one whose urgency is wrong, and one whose id needs escaping.
  static let cases = """
    version: 1
    scenarios:
      - { id: calm, given: { immediate_danger: false, state: NY }, expect: { urgency: standard, region: atlantic_north } }
      - { id: danger, given: { immediate_danger: true, state: NY }, expect: { urgency: standard } }
      - { id: "odd <&\\"'> id", given: { state: TX }, expect: { office: dallas } }
    """

  @Test("--junit writes a private JUnit report: counts, one test case per scenario, a failure with the differences")
  func junit() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("cases.yaml", Self.cases)
    let before = try FileManager.default.attributesOfItem(atPath: folder.url.path)[.posixPermissions] as? Int
    let result = try await CLI.run(["test", "cases.yaml", "--junit", "report.xml"], directory: folder.url)
    #expect(result.status == 1)
    let report = folder.url.appendingPathComponent("report.xml")
    let attributes = try FileManager.default.attributesOfItem(atPath: report.path)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    // The folder the report is written into keeps its mode.
    #expect(try FileManager.default.attributesOfItem(atPath: folder.url.path)[.posixPermissions] as? Int == before)

    let document = try XMLDocument(contentsOf: report)
    let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
    #expect(suite.attribute(forName: "tests")?.stringValue == "3")
    #expect(suite.attribute(forName: "failures")?.stringValue == "1")
    #expect(suite.attribute(forName: "name")?.stringValue == "cases.yaml")
    let testCases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
    #expect(testCases.compactMap { $0.attribute(forName: "name")?.stringValue } == ["calm", "danger", "odd <&\"'> id"])
    #expect(testCases.allSatisfy { $0.attribute(forName: "classname")?.stringValue == "cases" })
    let failures = try document.nodes(forXPath: "//testcase[@name='danger']/failure").compactMap { $0 as? XMLElement }
    #expect(failures.count == 1)
    #expect(failures.first?.attribute(forName: "message")?.stringValue == "urgency: expected standard, got emergency")
    // The body holds the difference and the rule that decided it.
    #expect(failures.first?.stringValue?.contains("urgency: expected standard, got emergency") == true)
    #expect(failures.first?.stringValue?.contains("✓ urgency.immediate-danger") == true)
    #expect(try document.nodes(forXPath: "//testcase[@name='calm']/failure").isEmpty)
  }

  @Test("--junit to a place that cannot be written: a clear message and exit 74, in either language")
  func junitUnwritable() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("cases.yaml", Self.cases)
    let english = try await CLI.run(["test", "cases.yaml", "--junit", "missing/report.xml"], directory: folder.url)
    #expect(english.status == 74)
    #expect(english.stderr.contains("The JUnit report could not be written to 'missing/report.xml' ("))
    let vietnamese = try await CLI.run(["test", "cases.yaml", "--junit", "missing/report.xml", "--lang", "vi"], directory: folder.url)
    #expect(vietnamese.status == 74)
    #expect(vietnamese.stderr.contains("Không ghi được báo cáo JUnit vào 'missing/report.xml' ("))
  }

  @Test("--filter runs only the scenarios whose id or file name contains a pattern, in any case")
  func filter() async throws {
    let all = ScenarioLoader(folder: .directory(PackagePaths.rules)).load().0
    let expected = all.filter { $0.id.contains("spcp-police") || $0.location?.file.hasSuffix("/worship.yaml") == true }.map(\.id)
    #expect(!expected.isEmpty && expected.count < all.count)
    let result = try await CLI.run(["test", "--filter", "SPCP-Police", "--filter", "worship.YAML"])
    #expect(result.status == 0, "\(result.stdout)")
    let ran = result.stdoutLines.filter { $0.hasPrefix("PASS ") }.map { String($0.dropFirst(5)) }
    #expect(Set(ran) == Set(expected))
    #expect(result.stdoutLines.last == "\(expected.count) passed, 0 failed")
    #expect(!result.stdout.contains("not covered:"))
  }

  @Test("--filter that matches nothing: a few ids, the nearest one, and exit 1")
  func filterNoMatch() async throws {
    let result = try await CLI.run(["test", "--filter", "spcp-polise-mistrust-prevent"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("No scenario id or file name contains 'spcp-polise-mistrust-prevent'. Some of the ids: "))
    #expect(result.stderr.contains("Did you mean 'spcp-police-mistrust-prevent'?"))
    let vietnamese = try await CLI.run(["test", "--filter", "zzzz", "--lang", "vi"])
    #expect(vietnamese.status == 1)
    #expect(vietnamese.stderr.contains("Không có tình huống nào có mã hoặc tên tập tin chứa 'zzzz'. Một vài mã hiện có: "))
  }

  @Test("a failing scenario shows the trace of the rules that decided the difference, and only those")
  func trace() async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "late.yaml",
      """
      version: 1
      scenarios:
        - id: event-in-a-month
          given: { request_goal: prevent, planned_event: true, event_in_days: 30, bases: [race], state: WA }
          expect: { urgency: urgent, services_include: [mediation] }
      """)
    let result = try await CLI.run(["test", "late.yaml"], directory: folder.url)
    #expect(result.status == 1)
    let lines = result.stdoutLines
    let urgency = try #require(lines.firstIndex(of: "     urgency: expected urgent, got standard"))
    #expect(lines[urgency + 1].hasPrefix("       "))
    #expect(lines.contains("       ✗ urgency.event-within-two-weeks: event_in_days at_most 14 did not hold; the value was 30"))
    #expect(lines.contains("       ? mediation.requested: undecided, unknown parties_willing_to_meet, wants"))
    // Rules that decide neither the urgency nor mediation are left out.
    let trace = lines.filter { $0.hasPrefix("       ") }
    #expect(trace.allSatisfy { $0.contains(" urgency.") || $0.contains(" mediation.") }, "\(trace)")
  }
}
