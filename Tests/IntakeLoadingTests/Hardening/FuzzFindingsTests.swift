import Foundation
import IntakeCore
import IntakeLoading
import IntakeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the fuzz targets in Fuzz/ found, each kept from coming back. The inputs that found
/// them are in `Fuzz/Corpus/<target>/regression-*`.
@Suite("Hardening: fuzzing findings")
struct FuzzFindingsTests {
  /// A lexicon file whose classes are `classes` and whose one entry has `phrase`.
  private static func lexicon(classes: String, phrase: String) -> String {
    """
    version: 1
    classes:
    \(classes)
    entries:
      - id: hit
        phrases: ["\(phrase)", "beaten"]
        set: { violence: true }

    """
  }

  private static func load(_ text: String) throws -> (Lexicon, [Diagnostic]) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let url = try folder.write("Rules/lexicon.yaml", text)
    return LexiconLoader(url: url, displayPath: "Rules/lexicon.yaml").load()
  }

  @Test("A lexicon class that names itself is reported, not filled in without end (it overflowed the stack)")
  func classLoop() throws {
    let text = Self.lexicon(classes: "  loop: [\"x {loop}\", \"y {loop}\"]", phrase: "hit {loop}")
    let (lexicon, diagnostics) = try Self.load(text)
    let errors = diagnostics.filter { $0.code == .lexiconClassExpansion }
    #expect(errors.count == 1, "\(diagnostics.map(\.code))")
    #expect(errors.first?.location.line == 6)
    #expect(lexicon.entries.first?.phrases == ["beaten"])
  }

  @Test("A phrase of classes that would stand for 10^12 phrases is reported at once")
  func classBomb() throws {
    let members = (0..<10).map { "\"w\($0)\"" }.joined(separator: ", ")
    let text = Self.lexicon(classes: "  ten: [\(members)]", phrase: String(repeating: "{ten} ", count: 12))
    let started = Date()
    let (lexicon, diagnostics) = try Self.load(text)
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(diagnostics.contains { $0.code == .lexiconClassExpansion }, "\(diagnostics.map(\.code))")
    #expect(lexicon.entries.first?.phrases == ["beaten"])
  }

  @Test("Classes in classes still fill in, as the shipped lexicon uses them")
  func nestedClasses() throws {
    let text = Self.lexicon(
      classes: "  force: [\"beat {victim}\", \"hit {victim}\"]\n  victim: [\"him\", \"her\"]", phrase: "police {force}")
    let (lexicon, diagnostics) = try Self.load(text)
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.code))")
    #expect(lexicon.entries.first?.phrases == ["police beat him", "police beat her", "police hit him", "police hit her", "beaten"])
  }

  /// This process's resident memory in bytes (Linux), or nil elsewhere.
  private static func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  @Test("Reading an empty data file keeps no memory (FileManager.contents(atPath:) kept 4 KiB each time)")
  func emptyFileKeepsNoMemory() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let url = try folder.write("Rules/lexicon.yaml", "")
    let loader = LexiconLoader(url: url, displayPath: "Rules/lexicon.yaml")
    _ = loader.load()
    guard Self.residentBytes() != nil else { return }
    // Tests run in parallel in this process: the least growth of three rounds is this loop's
    // own. 5,000 reads kept 20 MB before.
    var least = Int.max
    for _ in 0..<3 {
      let before = Self.residentBytes() ?? 0
      for _ in 0..<5_000 { _ = loader.load() }
      least = min(least, (Self.residentBytes() ?? 0) - before)
    }
    #expect(least < 8 << 20, "\(least) bytes kept by 5,000 reads of an empty file")
  }

  /// The `cache` target mutates cache files; seeds of an older layout are refused at their first
  /// field and leave it nothing to start from (they were of format 1 for a long time).
  @Test("The cache target's seeds are read by the program's cache reader (written in the current format)")
  func cacheSeedsCurrent() throws {
    let seeds = PackagePaths.root.appendingPathComponent("Fuzz/Corpus/cache")
    let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".bin") }.sorted()
    #expect(names == ["mini-rules-with-offices.bin", "mini-rules.bin"])
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: seeds.appendingPathComponent(name)))
      let data = DataCache.read(bytes)
      #expect(data?.book != nil, "\(name) is not a cache of the current format; see Fuzz/README.md, The seeds")
    }
  }
}
