import Foundation

/// Where the package and its data live, found from this file's path so tests run from any
/// working directory.
public enum PackagePaths {
  /// The package root: four levels above this file (Tests/Support/IntakeTestSupport/PackagePaths.swift).
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The shipped `Rules/` folder.
  public static let rules = root.appendingPathComponent("Rules")
  /// The shipped `Locales/` folder.
  public static let locales = root.appendingPathComponent("Locales")
  /// The shipped scenarios, `Rules/scenarios/`.
  public static let scenarios = rules.appendingPathComponent("scenarios")
}
