import Foundation
import PackagePlugin

/// Compiles the package's `Rules/` and `Locales/` into the target it is applied to: at each
/// build it lists the YAML files the loaders read (`Locales/*.yaml`, `Rules/*.yaml`,
/// `Rules/rules/*.yaml`, `Rules/scenarios/*.yaml`) and has `crs-intake-embed` write them into
/// one generated Swift file, rerun whenever one of them changes.
@main
struct EmbedDataPlugin: BuildToolPlugin {
  /// The folders embedded, each with the subfolders whose YAML files are read too.
  static let folders: [(name: String, subfolders: [String])] = [
    ("Rules", ["rules", "scenarios"]),
    ("Locales", []),
  ]

  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let root = context.package.directoryURL
    var relatives: [String] = []
    for (name, subfolders) in Self.folders {
      for folder in [name] + subfolders.map({ name + "/" + $0 }) {
        relatives += Self.yamlFiles(root.appendingPathComponent(folder)).map { folder + "/" + $0 }
      }
    }
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding the Rules and Locales folders (\(relatives.count) files)",
        executable: try context.tool(named: "crs-intake-embed").url,
        arguments: [output.path, root.path] + relatives,
        inputFiles: relatives.map { root.appendingPathComponent($0) },
        outputFiles: [output])
    ]
  }

  /// The `.yaml` / `.yml` file names directly in a folder, sorted.
  static func yamlFiles(_ folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
  }
}
