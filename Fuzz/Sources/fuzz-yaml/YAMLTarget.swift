import Foundation
import FuzzSupport
import IntakeCore
import IntakeLoading

/// One input as each of the YAML files a rule author edits, read by the loaders the program
/// uses (`RulesLoader`, `LocalesLoader`, `LexiconLoader`: the YAML safety scan, Yams, the node
/// reader) from a private temporary folder:
///
/// - as `Rules/rules/fuzz.yaml`: its rules are then compiled with the shipped facts, services,
///   referrals, offices and questions, checked by the rule lint, and evaluated once;
/// - as `Locales/en.yaml` (beside a small `vi.yaml`, so the two languages are compared);
/// - as `Rules/lexicon.yaml`: checked by the lexicon lint, compiled into a narrative reader,
///   which then reads a sentence.
enum YAMLTarget {
  static let rules = FuzzFiles.folder.appendingPathComponent("Rules")
  static let locales = FuzzFiles.folder.appendingPathComponent("Locales")
  static let ruleFile = rules.appendingPathComponent("rules/fuzz.yaml")
  static let localeFile = locales.appendingPathComponent("en.yaml")
  static let lexiconFile = rules.appendingPathComponent("lexicon.yaml")
  /// The other language: a few keys, some shared with the shipped English file.
  static let otherLocale = """
    version: 1
    language: vi
    messages:
      interview.safety: "Nếu có ai đang gặp nguy hiểm, hãy gọi 911."
      terminal.prompt: "> "
      value.state.WA: "{name}"

    """
  static let sentence = "Hôm qua cảnh sát đánh một người Việt ở Seattle, WA; có súng, mọi người sợ. Police beat a man 3 days ago."

  static let prepared: Void = {
    Array(otherLocale.utf8).withUnsafeBufferPointer { FuzzFiles.replace(locales.appendingPathComponent("vi.yaml"), with: $0) }
  }()

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    _ = prepared
    let shipped = ShippedData.loaded

    FuzzFiles.replace(ruleFile, with: bytes)
    let (loaded, _) = RulesLoader(directory: rules).load()
    if !loaded.rules.isEmpty {
      var ruleSet = shipped.ruleSet
      ruleSet.rules = loaded.rules
      _ = RuleSetLint(ruleSet: ruleSet, catalog: shipped.catalog).run()
      let (book, _) = RuleBook.compile(ruleSet)
      if let book, case .success(let table) = book.table(for: ["request_goal": .choice("respond"), "state": .choice("WA")]) {
        _ = Evaluator(book: book).outcome(of: table, id: nil, catalog: shipped.catalog, language: .en)
      }
    }

    FuzzFiles.replace(localeFile, with: bytes)
    _ = LocalesLoader(directory: locales).load()

    FuzzFiles.replace(lexiconFile, with: bytes)
    let (lexicon, _) = LexiconLoader(url: lexiconFile, displayPath: "Rules/lexicon.yaml").load()
    // Text that is no lexicon at all is done with here; compiling only the shipped state
    // names and numbers again would find nothing new.
    guard !lexicon.entries.isEmpty || !lexicon.cities.isEmpty || !lexicon.stateSpellings.isEmpty else { return }
    _ = LexiconLint(lexicon: lexicon, ruleSet: shipped.ruleSet).run()
    let reader = NarrativeReader(lexicon: lexicon, book: ShippedData.book, catalog: shipped.catalog)
    _ = reader.read(sentence)
  }
}
