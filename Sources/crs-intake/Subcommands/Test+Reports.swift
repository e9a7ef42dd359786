import ArgumentParser
import Foundation
import IntakeCore
import IntakeSessions

extension CRSIntake.Test {
  /// The scenarios `--filter` selects (all without it). When none matches, says so with a
  /// few ids and the nearest one, and ends with exit 1, as a run with no scenario does.
  func selected(_ scenarios: [Scenario], catalog: MessageCatalog, console: Console) throws -> [Scenario] {
    let scenarioFilter = ScenarioFilter(patterns: filter)
    let chosen = scenarioFilter.apply(scenarios)
    guard chosen.isEmpty else { return chosen }
    let (ids, suggestion) = scenarioFilter.nearest(in: scenarios)
    let patterns = filter.map { "'\($0)'" }.joined(separator: ", ")
    console.error(
      catalog.problem(
        "test.no-match", data.language, ["patterns": patterns, "ids": ids.joined(separator: ", "), "suggestion": suggestion ?? ""]))
    throw ExitCode(1)
  }

  /// Writes the JUnit report of a run to `path`, atomically and readable only by its owner
  /// like every file the program writes; exit 74 with the reason when it cannot.
  func writeJUnit(
    to path: String, suite: String, _ scenarios: [Scenario], failures: [String: [ScenarioRunner.Failure]],
    catalog: MessageCatalog, console: Console
  ) throws {
    let cases = scenarios.map { scenario in
      JUnitReport.Case(
        id: scenario.id, location: scenario.location,
        failure: (failures[scenario.id] ?? []).flatMap { $0.lines(catalog, data.language) })
    }
    do throws(PrivateFiles.Failure) {
      try PrivateFiles.replace(URL(fileURLWithPath: path), with: Data(JUnitReport(name: suite, cases: cases).xml.utf8))
    } catch {
      console.error(
        catalog.text("test.junit-failed", data.language, ["path": SafeText.visible(path), "problem": error.reason]))
      throw ExitCode(74)
    }
  }
}
