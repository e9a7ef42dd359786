/// Texts in the session's language, or in both (Vietnamese, then English) for a bilingual
/// session where staff and a Vietnamese-speaking leader read together.
public struct Wording: Sendable {
  public let catalog: MessageCatalog
  public var language: Language
  public var bilingual: Bool

  public init(catalog: MessageCatalog, language: Language, bilingual: Bool = false) {
    self.catalog = catalog
    self.language = language
    self.bilingual = bilingual
  }

  /// A sentence or paragraph: in a bilingual session, the Vietnamese then the English line.
  public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
    guard bilingual else { return catalog.text(key, language, arguments) }
    let vi = catalog.text(key, .vi, arguments)
    let en = catalog.text(key, .en, arguments)
    return vi == en ? vi : vi + "\n" + en
  }

  /// A short label: in a bilingual session, "Vietnamese / English" on one line.
  public func label(_ key: String, _ arguments: [String: String] = [:]) -> String {
    guard bilingual else { return catalog.text(key, language, arguments) }
    let vi = catalog.text(key, .vi, arguments)
    let en = catalog.text(key, .en, arguments)
    return vi == en ? vi : vi + " / " + en
  }

  /// A block built whole in each language of the session, Vietnamese first, so labels and the
  /// texts under them are never in different languages; `separator` goes between the blocks.
  public func each(separator: String = "\n", _ build: (Wording) -> String) -> String {
    guard bilingual else { return build(self) }
    let blocks = [Language.vi, .en].map { build(Wording(catalog: catalog, language: $0)) }
    return blocks[0] == blocks[1] ? blocks[0] : blocks.joined(separator: separator)
  }

  /// Only the session language, for pieces placed inside another text.
  public func plain(_ key: String, _ arguments: [String: String] = [:]) -> String {
    catalog.text(key, language, arguments)
  }
}
