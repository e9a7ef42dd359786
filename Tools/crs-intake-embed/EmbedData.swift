import Foundation

/// Writes the Swift source that compiles the shipped `Rules/` and `Locales/` into the binary:
/// each YAML file's bytes as Base64 text under its path relative to its top folder. Run by the
/// EmbedData build-tool plugin whenever a data file changed; it never judges the YAML (a broken
/// file is embedded as it is, and `check` reports it), so a rule author's mistake never fails
/// the build.
///
/// Usage: `crs-intake-embed OUTPUT ROOT FOLDER...` (folders relative to ROOT, e.g. `Rules`,
/// `Rules/rules`; the files of each are listed here, so a file added since SwiftPM planned the
/// build is embedded too).
@main
struct EmbedData {
  static func main() throws {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count >= 2 else {
      FileHandle.standardError.write(Data("usage: crs-intake-embed OUTPUT ROOT FOLDER...\n".utf8))
      exit(64)
    }
    let root = URL(fileURLWithPath: arguments[1])
    var folders: [String: [(path: String, data: Data)]] = [:]
    for folder in arguments.dropFirst(2) {
      let top = String(folder.prefix { $0 != "/" })
      let inner = folder.dropFirst(top.count).drop { $0 == "/" }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        // A file that cannot be read is left out; the loaders then report it missing.
        guard let data = try? Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name)) else { continue }
        folders[top, default: []].append((inner.isEmpty ? name : inner + "/" + name, data))
      }
    }
    var source = """
      // Generated at build time by crs-intake-embed (the EmbedData plugin) from the package's
      // Rules/ and Locales/. Do not edit: edit the YAML files and build again.

      extension EmbeddedData {

      """
    for name in ["Rules", "Locales"] {
      let files = (folders[name] ?? []).sorted { $0.path < $1.path }
      source += "  static let \(name.lowercased())Files: [(path: String, base64: String)] = [\n"
      for file in files {
        source += "    (\(literal(file.path)), \"\(file.data.base64EncodedString())\"),\n"
      }
      source += "  ]\n"
      source += "  static let \(name.lowercased())Digest = \"\(digest(files))\"\n"
    }
    source += "}\n"
    let url = URL(fileURLWithPath: arguments[0])
    // Rewritten only when it changed, so an unchanged data set recompiles nothing.
    if (try? Data(contentsOf: url)) != Data(source.utf8) {
      try Data(source.utf8).write(to: url, options: .atomic)
    }
  }

  /// The content digest `EmbeddedFiles.digest` gives for these files (the data cache's key),
  /// computed here so that a start does not: FNV-1a over each path, a zero byte and its Base64
  /// text, in path order.
  static func digest(_ files: [(path: String, data: Data)]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
    for file in files {
      mix(file.path.utf8)
      mix(CollectionOfOne(0))
      mix(file.data.base64EncodedString().utf8)
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
  }

  /// A path as a Swift string literal (paths are plain file names; quotes and backslashes are
  /// escaped all the same).
  static func literal(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\\u{\(String(scalar.value, radix: 16))}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return "\"" + escaped + "\""
  }
}
