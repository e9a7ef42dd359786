import Foundation
import IntakeCore
import IntakeLoading

/// The package's own Rules/ and Locales/, loaded once per fuzzing process (from the YAML, never
/// from a cache), so that each input runs against the data the program ships.
public enum ShippedData {
  /// The parent package's folder: four levels above this file (Fuzz/Sources/FuzzSupport/).
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  public static let loaded: IntakeData = IntakeData.load(
    rules: root.appendingPathComponent("Rules"), locales: root.appendingPathComponent("Locales"))

  /// The compiled rule book; a process whose shipped data does not compile stops at once.
  public static let book: RuleBook = {
    guard let book = loaded.book else {
      let first = loaded.diagnostics.first.map { "\($0.location) \($0.code)" } ?? "no rules"
      fatalError("the shipped data does not compile: \(first)")
    }
    return book
  }()

  /// Loads and compiles everything above, before the first input.
  public static func prepare() {
    _ = book
    _ = narrativeReader
  }

  /// The narrative reader for the shipped lexicon, compiled once.
  public static let narrativeReader: NarrativeReader = NarrativeReader(lexicon: loaded.lexicon, book: book, catalog: loaded.catalog)
}
