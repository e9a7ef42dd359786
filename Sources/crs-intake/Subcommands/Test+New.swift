import ArgumentParser
import Foundation
import IntakeCore
import IntakeLoading
import IntakeScreening
import IntakeSessions

extension CRSIntake.Test {
  /// `crs-intake test --new NAME [--from FILE]`: a scenario pinning the outcome the rules give
  /// now for a request file's facts or the latest saved session's answers, written beside the
  /// other scenarios, never over an existing file or id.
  func writeNewScenario(book: RuleBook, catalog: MessageCatalog, console: Console) throws {
    let language = data.language
    guard let typed = newScenario, path == nil, filter.isEmpty, junit == nil, !coverage else {
      console.error(catalog.text("test.new-options", language))
      throw ExitCode(64)
    }
    let name = typed.hasSuffix(".yaml") ? String(typed.dropLast(5)) : typed
    guard ScenarioSkeleton.isValidName(name) else {
      console.error(catalog.problem("test.new-name", language, ["name": typed]))
      throw ExitCode(64)
    }
    let (folder, shown) = try scenariosFolder(name, catalog: catalog, console: console)
    let file = folder.appendingPathComponent(name + ".yaml")
    let shownFile = shown + "/" + name + ".yaml"
    if FileManager.default.fileExists(atPath: file.path) {
      console.error(catalog.text("test.new-exists", language, ["path": shownFile]))
      throw ExitCode(1)
    }
    let (facts, description) = try pinnedFacts(book: book, catalog: catalog, console: console)
    let existing = ScenarioLoader(path: folder, shownAs: shown).load().0
    if let same = existing.first(where: { $0.id == name }) {
      console.error(
        catalog.text("test.new-duplicate-id", language, ["id": name, "location": same.location?.description ?? ""]))
      throw ExitCode(1)
    }
    switch ScenarioSkeleton.make(id: name, description: description, facts: facts, book: book) {
    case .failure(let problems):
      for problem in problems.problems { console.error(ProblemText.render(problem, catalog, language)) }
      throw ExitCode(65)
    case .success(let skeleton):
      do throws(PrivateFiles.Failure) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try PrivateFiles.createAtomically(file, with: Data(skeleton.yaml.utf8))
      } catch {
        let key = error.exists ? "test.new-exists" : "test.new-failed"
        console.error(catalog.text(key, language, ["path": shownFile, "problem": error.reason]))
        throw ExitCode(error.exists ? 1 : 74)
      }
      console.print(catalog.text("test.new-written", language, ["id": name, "path": shownFile]))
      try console.finish(catalog, language)
    }
  }

  /// The scenarios folder of the rules given with `--rules`, else `Rules/scenarios` in the
  /// current folder (where an author runs the program from the package); with how to show it.
  private func scenariosFolder(_ name: String, catalog: MessageCatalog, console: Console) throws -> (URL, String) {
    let rules = data.rulesLocation.folder
    if case .directory(let url, _) = rules {
      return (url.appendingPathComponent("scenarios"), rules.displayPath("scenarios"))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: "Rules", isDirectory: &isDirectory), isDirectory.boolValue else {
      console.error(catalog.text("test.new-no-rules", data.language))
      throw ExitCode(64)
    }
    return (URL(fileURLWithPath: "Rules/scenarios"), "Rules/scenarios")
  }

  /// The facts to pin: the request file's with `--from`, else the latest saved session's
  /// answers; and the description saying where they came from.
  private func pinnedFacts(
    book: RuleBook, catalog: MessageCatalog, console: Console
  ) throws -> ([String: FactValue], String) {
    let language = data.language
    if let from {
      let request = try RequestFile.read(from, book: book, catalog: catalog, language: language, console: console)
      return (request.facts, catalog.text("test.new-from-request", language, ["path": SafeText.visible(from)]))
    }
    guard let record = CRSIntake.Sessions.store.list().records.first else {
      console.error(catalog.text("test.new-no-session", language))
      throw ExitCode(66)
    }
    return (record.answers, catalog.text("test.new-from-session", language, ["id": record.id]))
  }
}
