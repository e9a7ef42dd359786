import ArgumentParser
import Foundation
import IntakeCore
import IntakeImpact
import IntakeLoading

/// The rules and texts `diff` compares the working ones with: a folder (`--base DIR`, a
/// Rules/ folder or a folder holding Rules/ and Locales/) or a git revision (`--base-rev`,
/// exported to a private temporary folder that `remove()` deletes).
struct BaseRules {
  let rules: DataFolder
  let locales: DataFolder
  /// The exported revision, removed when the command ends.
  private let export: RevisionExport?

  /// The base named by `--base DIR`: DIR holds facts.yaml (its texts then from a Locales/
  /// beside it), or DIR/Rules does (texts from DIR/Locales); texts not found are the working ones.
  static func folder(_ path: String, working: DataFolder, texts: MessageCatalog, language: Language, console: Console) throws
    -> BaseRules
  {
    let given = URL(fileURLWithPath: path)
    let manager = FileManager.default
    for (rules, locales, shown) in [
      (given, given.deletingLastPathComponent().appendingPathComponent("Locales"), path),
      (given.appendingPathComponent("Rules"), given.appendingPathComponent("Locales"), joined(path, "Rules")),
    ] where manager.fileExists(atPath: rules.appendingPathComponent("facts.yaml").path) {
      let hasTexts = manager.fileExists(atPath: locales.appendingPathComponent("en.yaml").path)
      let shownLocales = shown == path ? joined(path, "../Locales") : joined(path, "Locales")
      return BaseRules(
        rules: .directory(rules, shownAs: shown), locales: hasTexts ? .directory(locales, shownAs: shownLocales) : working, export: nil)
    }
    console.error(texts.text("diff.base-not-found", language, ["path": SafeText.visible(path)]))
    throw ExitCode(65)
  }

  /// The base at git revision `revision`: the working rules' and texts' folders as they were
  /// then (`Rules` and `Locales` from the current folder when the built-in data is used).
  static func revision(
    _ revision: String, rulesPath: String, localesPath: String, texts: MessageCatalog, language: Language, console: Console
  ) throws -> BaseRules {
    do throws(RevisionExport.Failure) {
      let export = try RevisionExport.export(revision: revision, paths: [rulesPath, localesPath])
      return BaseRules(
        rules: .directory(export.folders[0], shownAs: revision + ":" + rulesPath),
        locales: .directory(export.folders[1], shownAs: revision + ":" + localesPath), export: export)
    } catch {
      let shown = SafeText.visible(revision)
      switch error {
      case .gitUnavailable(let problem):
        console.error(texts.text("diff.git-unavailable", language, ["problem": SafeText.visible(problem)]))
      case .notARepository:
        console.error(texts.text("diff.not-git", language, ["revision": shown]))
      case .unknownRevision:
        console.error(texts.text("diff.unknown-revision", language, ["revision": shown]))
      case .missingFolder(let path):
        console.error(texts.text("diff.revision-no-folder", language, ["revision": shown, "path": SafeText.visible(path)]))
        throw ExitCode(65)
      case .failed(let problem):
        console.error(texts.text("diff.git-failed", language, ["problem": SafeText.visible(problem)]))
        throw ExitCode(1)
      }
      throw ExitCode(64)
    }
  }

  /// Deletes the exported revision, if any.
  func remove() {
    export?.remove()
  }

  private static func joined(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
