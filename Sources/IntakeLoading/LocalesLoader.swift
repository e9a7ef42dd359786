import Foundation
import IntakeCore
import Yams

/// Loads `Locales/en.yaml` and `Locales/vi.yaml` into a `MessageCatalog`, checking that both
/// have the same keys and the same placeholders in each text.
public struct LocalesLoader {
  /// The folder read: on disk, or compiled into the binary.
  public let folder: DataFolder

  public init(directory: URL) {
    self.init(folder: .directory(directory))
  }

  public init(folder: DataFolder) {
    self.folder = folder
  }

  public func load() -> (MessageCatalog, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var catalog = MessageCatalog()
    var locations: [Language: [String: SourceLocation]] = [:]
    for language in Language.allCases {
      let relative = "\(language.rawValue).yaml"
      let file = YAMLFile.parse(folder.contents(relative), displayPath: folder.displayPath(relative), into: &diagnostics)
      var reader = NodeReader(file: file.path)
      guard let root = file.root,
        let top = reader.mapping(root, context: "file", allowed: ["version", "language", "messages"], required: ["messages"])
      else {
        diagnostics += reader.diagnostics
        continue
      }
      reader.checkVersion(top, rootNode: root)
      if let declared = reader.string(top["language"], context: "language"), declared != language.rawValue {
        reader.error(.localeLanguage, top["language"], ["declared": declared, "expected": language.rawValue])
      }
      var texts: [String: String] = [:]
      var lists: [String: [String]] = [:]
      var keyLocations: [String: SourceLocation] = [:]
      for (key, keyNode, value) in reader.orderedPairs(top["messages"], context: "messages") {
        keyLocations[key] = reader.location(keyNode)
        if case .sequence = value {
          lists[key] = reader.strings(value, context: key) ?? []
        } else if let text = reader.string(value, context: key) {
          texts[key] = text
        }
      }
      catalog.texts[language] = texts
      catalog.lists[language] = lists
      locations[language] = keyLocations
      diagnostics += reader.diagnostics
    }
    diagnostics += parity(catalog, locations)
    return (catalog, diagnostics)
  }

  /// Every key must exist in every language, with the same placeholders.
  private func parity(_ catalog: MessageCatalog, _ locations: [Language: [String: SourceLocation]]) -> [Diagnostic] {
    guard locations.count == Language.allCases.count else { return [] }
    var diagnostics: [Diagnostic] = []
    for language in Language.allCases {
      for other in Language.allCases where other != language {
        for (key, location) in locations[language] ?? [:] where locations[other]?[key] == nil {
          diagnostics.append(Diagnostic(.error, .localeMissingKey, at: location, ["key": key, "language": other.rawValue]))
        }
      }
    }
    let en = catalog.texts[.en] ?? [:]
    for (key, text) in catalog.texts[.vi] ?? [:] {
      guard let english = en[key] else { continue }
      let mine = MessageCatalog.placeholders(in: text)
      let theirs = MessageCatalog.placeholders(in: english)
      if mine != theirs, let location = locations[.vi]?[key] {
        diagnostics.append(
          Diagnostic(
            .error, .localePlaceholders, at: location,
            ["key": key, "found": mine.sorted().joined(separator: ", "), "expected": theirs.sorted().joined(separator: ", ")]))
      }
    }
    return diagnostics
  }
}
