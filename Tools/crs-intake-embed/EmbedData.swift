import Foundation

/// Writes the Swift source that compiles the shipped `Rules/` and `Locales/` into the binary:
/// each file's bytes as Base64 text under its path relative to its folder, and a digest of each
/// folder's content. Run by the EmbedData build-tool plugin at every build where a data file
/// changed; it never judges the YAML (a broken file is embedded as it is, and `check` reports
/// it), so a rule author's mistake never fails the build.
///
/// Usage: `crs-intake-embed OUTPUT ROOT FOLDER/FILE...` (files relative to ROOT, e.g.
/// `Rules/facts.yaml`).
@main
struct EmbedData {
  static func main() throws {
    let arguments = CommandLine.arguments.dropFirst()
    guard arguments.count >= 2, let output = arguments.first else {
      FileHandle.standardError.write(Data("usage: crs-intake-embed OUTPUT ROOT FOLDER/FILE...\n".utf8))
      exit(64)
    }
    let root = URL(fileURLWithPath: arguments.dropFirst().first ?? ".")
    var folders: [String: [(path: String, data: Data)]] = [:]
    for relative in arguments.dropFirst(2) {
      guard let slash = relative.firstIndex(of: "/") else { continue }
      let folder = String(relative[..<slash])
      let path = String(relative[relative.index(after: slash)...])
      let data = try Data(contentsOf: root.appendingPathComponent(relative))
      folders[folder, default: []].append((path, data))
    }
    var source = """
      // Generated at build time by crs-intake-embed (the EmbedData plugin) from the package's
      // Rules/ and Locales/. Do not edit: edit the YAML files and build again.

      extension EmbeddedData {

      """
    for name in ["Rules", "Locales"] {
      let files = (folders[name] ?? []).sorted { $0.path < $1.path }
      let variable = name.lowercased()
      source += "  static let \(variable)Digest = \"\(digest(files))\"\n"
      source += "  static let \(variable)Files: [(path: String, base64: String)] = [\n"
      for file in files {
        source += "    (\(literal(file.path)), \"\(file.data.base64EncodedString())\"),\n"
      }
      source += "  ]\n"
    }
    source += "}\n"
    let url = URL(fileURLWithPath: output)
    // Rewritten only when it changed, so an unchanged data set recompiles nothing.
    if (try? Data(contentsOf: url)) != Data(source.utf8) {
      try Data(source.utf8).write(to: url, options: .atomic)
    }
  }

  /// FNV-1a over each file's path, a zero byte and its bytes, in path order: `1-` and sixteen
  /// hexadecimal digits, the key of the data cache for this build's data.
  static func digest(_ files: [(path: String, data: Data)]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    for file in files {
      for byte in Array(file.path.utf8) + [0] { mix(byte) }
      for byte in file.data { mix(byte) }
    }
    let hex = String(hash, radix: 16)
    return "1-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
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
