import Foundation
import IntakeCore
import IntakeEmbeddedData
import IntakeLoading
import IntakeTestSupport
import Testing

/// The rules and texts compiled into the binary are exactly the package's `Rules/` and
/// `Locales/` files the loaders read, and load as those folders do.
@Suite("Embedded data")
struct EmbeddedDataTests {
  /// The files the loaders read from a folder on disk, relative to it, with their bytes.
  static func files(_ folder: URL, subfolders: [String]) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for subfolder in [""] + subfolders {
      for relative in DataFolder.directory(folder).yamlFiles(in: subfolder) {
        files[relative] = try Data(contentsOf: folder.appendingPathComponent(relative))
      }
    }
    return files
  }

  @Test("Every YAML file of Rules/, Rules/rules, Rules/scenarios and Locales/ is embedded, byte for byte, and nothing else")
  func sameFiles() throws {
    for (embedded, folder, subfolders) in [
      (EmbeddedData.rules, PackagePaths.rules, ["rules", "scenarios"]), (EmbeddedData.locales, PackagePaths.locales, []),
    ] {
      let onDisk = try Self.files(folder, subfolders: subfolders)
      guard case .embedded(let name, let files) = embedded else {
        Issue.record("not embedded")
        continue
      }
      #expect(name == folder.lastPathComponent)
      #expect(files.paths == onDisk.keys.sorted())
      for (path, data) in onDisk { #expect(files.contents(path) == data, "\(name)/\(path) differs") }
    }
  }

  @Test("The embedded data loads as the folders do: same rules version, catalog and no problems")
  func loadsLikeTheFolders() {
    let embedded = IntakeData.load(rules: EmbeddedData.rules, locales: EmbeddedData.locales)
    #expect(embedded.diagnostics.isEmpty, "\(embedded.diagnostics.prefix(3))")
    #expect(embedded.ruleSet.version == ShippedData.loaded.ruleSet.version)
    #expect(embedded.catalog == ShippedData.loaded.catalog)
    #expect(embedded.ruleSet.rules.map(\.id) == ShippedData.loaded.ruleSet.rules.map(\.id))
    let (scenarios, diagnostics) = ScenarioLoader(folder: EmbeddedData.rules).load()
    #expect(diagnostics.isEmpty)
    #expect(scenarios.first?.location?.file.hasPrefix("Rules/scenarios/") == true)
  }

  @Test("A broken embedded file is reported as Rules/<file>:line:column, as on disk")
  func brokenEmbeddedFile() {
    let files = EmbeddedFiles(files: ["facts.yaml": Data("version: 1\nfacts: [\n".utf8)])
    let (_, diagnostics) = RulesLoader(folder: .embedded(name: "Rules", files: files)).load()
    #expect(diagnostics.contains { $0.code == .yamlSyntax && $0.location.description.hasPrefix("Rules/facts.yaml:3:") })
    #expect(diagnostics.contains { $0.code == .fileUnreadable && $0.arguments["path"] == "Rules/services.yaml" })
  }

  @Test("The cache key follows the embedded content: another byte, another key")
  func digest() {
    let one = EmbeddedFiles(files: ["a.yaml": Data("x".utf8)])
    let two = EmbeddedFiles(files: ["a.yaml": Data("y".utf8)])
    let base64 = EmbeddedFiles(base64: [(path: "a.yaml", base64: Data("x".utf8).base64EncodedString())])
    #expect(one.digest != two.digest)
    #expect(base64.contents("a.yaml") == Data("x".utf8))
    for folder in [EmbeddedData.rules, EmbeddedData.locales] {
      guard case .embedded(_, let shipped) = folder else {
        Issue.record("the shipped data is not embedded")
        continue
      }
      // Computed at build time by crs-intake-embed, so a start does not: the same value.
      #expect(shipped.digest == shipped.computedDigest && shipped.digest.count == 16)
    }
  }
}
