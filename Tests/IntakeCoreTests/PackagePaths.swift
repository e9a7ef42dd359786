import Foundation

/// Where the package and its data live, found from this file's path so tests run from any
/// working directory.
enum PackagePaths {
  /// The package root: three levels above this file (Tests/IntakeCoreTests/PackagePaths.swift).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let rules = root.appendingPathComponent("Rules")
  static let locales = root.appendingPathComponent("Locales")
  static let scenarios = rules.appendingPathComponent("scenarios")
}
