import Foundation
import PackagePlugin

/// Compiles the package's `Rules/` and `Locales/` into the target it is applied to: a build
/// command runs `crs-intake-embed`, which writes the YAML files the loaders read
/// (`Locales/*.yaml`, `Rules/*.yaml`, `Rules/rules/*.yaml`, `Rules/scenarios/*.yaml`) into one
/// generated Swift file whenever one of them, or the list of them, changed.
@main
struct EmbedDataPlugin: BuildToolPlugin {
  /// The folders embedded, relative to the package: each is read for `.yaml` / `.yml` files.
  static let folders = ["Rules", "Rules/rules", "Rules/scenarios", "Locales"]

  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let root = context.package.directoryURL
    let folders = Self.folders.map { root.appendingPathComponent($0) }
    // The files, so an edit reruns the command; the folders, so an added or removed file does
    // (a folder's modification time changes then). The tool lists the folders itself.
    let files = folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appendingPathComponent($0) }
    }
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding the Rules and Locales folders",
        executable: try context.tool(named: "crs-intake-embed").url,
        arguments: [output.path, root.path] + Self.folders,
        inputFiles: folders + files,
        outputFiles: [output])
    ]
  }
}
