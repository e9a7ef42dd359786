import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

/// The private cache of checked rules and texts: the same data as the YAML, invalidated by
/// any edit, ignored when damaged, and only ever holding data without errors.
@Suite("Data cache")
struct DataCacheTests {
  @Test("Data read back from the cache screens every scenario the same and has the same texts")
  func sameAsYAML() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let cache = DataCache(directory: folder.url.appendingPathComponent("cache"))
    let first = cache.load(rules: PackagePaths.rules, locales: PackagePaths.locales)
    let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
    #expect(files.count == 1 && files[0].hasPrefix("data-"))
    let mode =
      try FileManager.default.attributesOfItem(atPath: cache.directory.appendingPathComponent(files[0]).path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let cached = cache.load(rules: PackagePaths.rules, locales: PackagePaths.locales)
    #expect(cached.diagnostics.isEmpty)
    #expect(cached.catalog == first.catalog)
    #expect(cached.ruleSet.version == first.ruleSet.version)
    #expect(cached.ruleSet.rules.map(\.id) == first.ruleSet.rules.map(\.id))
    #expect(cached.ruleSet.offices.states.map(\.office) == first.ruleSet.offices.states.map(\.office))
    #expect(!first.fromCache && cached.fromCache)
    #expect(cached.lexicon.entries.map(\.phrases) == first.lexicon.entries.map(\.phrases))
    #expect(cached.lexicon.entries.map(\.accented) == first.lexicon.entries.map(\.accented))
    #expect(cached.lexicon.implications.map(\.add) == first.lexicon.implications.map(\.add))
    #expect(cached.lexicon.negationAccented == first.lexicon.negationAccented)
    #expect(cached.lexicon.everyday == first.lexicon.everyday)
    let book = try #require(cached.book)
    let (scenarios, _) = ScenarioLoader(path: PackagePaths.scenarios, displayBase: PackagePaths.root).load()
    let report = ScenarioRunner(book: book).run(scenarios)
    #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    #expect(report.uncoveredRules.isEmpty)
  }

  @Test("Editing a rules file makes the cache miss, and the edit is seen")
  func editInvalidates() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    let cache = DataCache(directory: folder.url.appendingPathComponent("cache"))
    let before = cache.load(rules: rules, locales: PackagePaths.locales)
    #expect(before.book?.services.first?.id == "spcp")
    let file = rules.appendingPathComponent("services.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    // Move consultation to the top of the catalogue.
    let edited = text.replacingOccurrences(of: "  - id: consultation\n", with: "  - id: consultation_tmp\n")
      .replacingOccurrences(of: "services:\n", with: "services:\n  - id: consultation\n    kind: service\n    source: x\n")
      .replacingOccurrences(of: "  - id: consultation_tmp\n    kind: service\n    source: http://www.usdoj.gov/crs/about/faq\n", with: "")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let after = cache.load(rules: rules, locales: PackagePaths.locales)
    #expect(after.book?.services.first?.id == "consultation", "\(after.diagnostics.prefix(3))")
  }

  @Test("A damaged cache file is ignored and replaced")
  func damagedCache() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let cache = DataCache(directory: folder.url.appendingPathComponent("cache"))
    _ = cache.load(rules: PackagePaths.rules, locales: PackagePaths.locales)
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).first)
    try Data([1, 2, 3, 200, 200]).write(to: cache.directory.appendingPathComponent(name))
    let loaded = cache.load(rules: PackagePaths.rules, locales: PackagePaths.locales)
    #expect(loaded.book != nil)
    #expect(loaded.diagnostics.isEmpty)
  }

  @Test("Data with errors is never cached")
  func errorsAreNotCached() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rules = try folder.copyOfShippedRules()
    try "version: 1\nfacts: [".write(to: rules.appendingPathComponent("facts.yaml"), atomically: true, encoding: .utf8)
    let cache = DataCache(directory: folder.url.appendingPathComponent("cache"))
    let loaded = cache.load(rules: rules, locales: PackagePaths.locales)
    #expect(loaded.diagnostics.hasErrors)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: cache.directory.path)) ?? []
    #expect(files.isEmpty)
  }
}
