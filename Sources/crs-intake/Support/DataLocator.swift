import Foundation

/// Finds the Rules/ and Locales/ folders so `swift run crs-intake` works from the package
/// root, an installed binary works with environment variables, and tests can point anywhere.
enum DataLocator {
  /// The explicit option, then the environment variable, then `folder` in the current
  /// directory, then the package's own folder (known from this source file's path).
  static func locate(explicit: String?, variable: String, folder: String) -> URL {
    if let explicit { return URL(fileURLWithPath: explicit) }
    if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty {
      return URL(fileURLWithPath: value)
    }
    let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(folder)
    if FileManager.default.fileExists(atPath: local.appendingPathComponent(folder == "Rules" ? "facts.yaml" : "en.yaml").path) {
      return local
    }
    return packageRoot.appendingPathComponent(folder)
  }

  /// The package root: three levels above this file (Sources/crs-intake/Support/).
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }
}
