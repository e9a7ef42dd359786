import Foundation

/// Where the loaders read a data folder (`Rules/` or `Locales/`) from: a folder on disk, or the
/// files compiled into the binary. Both are read through the same loaders, so embedded data gets
/// the same diagnostics (paths such as `Rules/facts.yaml`) and the same cache as a folder.
public enum DataFolder: Sendable {
  /// A folder on disk; diagnostics name its files after `shownAs`, the path as the person gave
  /// it (`--rules /tmp/x/Rules` shows `/tmp/x/Rules/facts.yaml`), or after the folder's own name
  /// when none is given.
  case directory(URL, shownAs: String? = nil)
  /// Files held in memory, by path relative to the folder (`facts.yaml`, `rules/urgency.yaml`),
  /// shown in diagnostics under `name` (`Rules`).
  case embedded(name: String, files: EmbeddedFiles)

  /// The folder's name as diagnostics show it (`Rules`, `Locales`).
  public var displayName: String {
    switch self {
    case .directory(let url, let shownAs):
      guard let shownAs, !shownAs.isEmpty else { return url.lastPathComponent }
      // `Rules/` and `Rules` name the same folder; `/` stays itself.
      var trimmed = Substring(shownAs)
      while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
      return String(trimmed)
    case .embedded(let name, _): return name
    }
  }

  /// The folder's own name (`Rules`), however it was given: what the rules version is computed
  /// over, so the same files give the same version wherever they are.
  public var ownName: String {
    switch self {
    case .directory(let url, _): return url.lastPathComponent
    case .embedded(let name, _): return name
    }
  }

  /// The bytes of the file at `relative`, or nil when it does not exist or cannot be read.
  public func contents(_ relative: String) -> Data? {
    switch self {
    case .directory(let url, _): return FileBytes.contents(of: url.appendingPathComponent(relative).path)
    case .embedded(_, let files): return files.contents(relative)
    }
  }

  /// Whether a file exists at `relative`.
  public func exists(_ relative: String) -> Bool {
    switch self {
    case .directory(let url, _): return FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
    case .embedded(_, let files): return files.paths.contains(relative)
    }
  }

  /// The relative paths of the `.yaml` / `.yml` files directly in `subfolder` (`""` for the
  /// folder itself), sorted by name so file order is stable.
  public func yamlFiles(in subfolder: String) -> [String] {
    let prefix = subfolder.isEmpty ? "" : subfolder + "/"
    let names: [String]
    switch self {
    case .directory(let url, _):
      let folder = subfolder.isEmpty ? url : url.appendingPathComponent(subfolder)
      names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    case .embedded(_, let files):
      names = files.paths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.filter { !$0.contains("/") }
    }
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { prefix + $0 }
  }

  /// The path diagnostics show for the file at `relative`: `Rules/facts.yaml`.
  public func displayPath(_ relative: String) -> String {
    displayName == "/" ? "/" + relative : displayName + "/" + relative
  }
}
