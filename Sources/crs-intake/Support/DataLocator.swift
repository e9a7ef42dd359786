import Foundation
import IntakeLoading

/// Finds the rules or texts: a folder given by the option, else by the environment variable,
/// else the data compiled into the binary. There is no search of the current folder or of the
/// source tree, so an installed binary behaves the same wherever it runs; `swift run` rebuilds
/// first, so its built-in data is the package's current `Rules/` and `Locales/`.
struct DataLocator {
  /// The option that names the folder (`--rules`).
  let option: String
  /// The environment variable that names it when the option is not given (`CRS_INTAKE_RULES`).
  let variable: String
  /// A file every such folder has (`facts.yaml`): without it the folder is taken for a mistake.
  let requiredFile: String
  /// The built-in message when the folder is not there, and the one saying where data came from.
  let notFoundKey: String
  let fromKey: String

  static let rules = DataLocator(
    option: "--rules", variable: "CRS_INTAKE_RULES", requiredFile: "facts.yaml", notFoundKey: "data.rules-not-found",
    fromKey: "data.rules-from")
  static let locales = DataLocator(
    option: "--locales", variable: "CRS_INTAKE_LOCALES", requiredFile: "en.yaml", notFoundKey: "data.locales-not-found",
    fromKey: "data.locales-from")

  /// Where the data comes from: the folder and what named it, or nil for the built-in data.
  struct Location {
    let folder: DataFolder
    /// The option or variable that gave the folder; nil for the data compiled in.
    let origin: String?
    let path: String
  }

  func locate(explicit: String?, builtIn: @autoclosure () -> DataFolder) -> Location {
    if let explicit {
      return Location(folder: .directory(URL(fileURLWithPath: explicit), shownAs: explicit), origin: option, path: explicit)
    }
    if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty {
      return Location(folder: .directory(URL(fileURLWithPath: value), shownAs: value), origin: variable, path: value)
    }
    let folder = builtIn()
    return Location(folder: folder, origin: nil, path: folder.displayName)
  }

  /// Whether a located folder can be read at all: built-in data always, a folder when it is a
  /// folder holding `requiredFile`.
  func isPresent(_ location: Location) -> Bool {
    location.origin == nil || location.folder.exists(requiredFile)
  }
}
