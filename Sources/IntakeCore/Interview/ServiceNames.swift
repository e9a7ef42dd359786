/// A service named the way people name it: its id ("facilitated_dialogue", "facilitated-
/// dialogue"), its name in either language, any case, with or without diacritics
/// ("Mediation", "hòa giải", "hoa giai"), the short name in its parentheses ("SPCP"), or
/// whole words of a name ("dialogue", "đối thoại"). Used by `:why-not` and
/// `explain --why-not`, so both accept the same names.
public struct ServiceNames: Sendable {
  public enum Resolution: Sendable, Equatable {
    case one(String)
    /// Several services fit the words: ask which.
    case several([String])
    case none
  }

  let ids: [String]
  /// Every way of naming each service, folded.
  let names: [(id: String, name: String)]

  public init(book: RuleBook, catalog: MessageCatalog) {
    ids = book.services.map(\.id)
    var names: [(String, String)] = []
    for id in ids {
      var spellings = [id, id.replacingUnderscores]
      for language in Language.allCases {
        let name = catalog.text("service.\(id).name", language)
        spellings.append(name)
        // "Strengthening Police and Community Partnerships (SPCP)": "SPCP" alone too.
        if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
          spellings.append(String(name[name.index(after: open)..<close]))
        }
      }
      for spelling in spellings { names.append((id, Self.normalize(spelling))) }
    }
    self.names = names
  }

  public func resolve(_ typed: String) -> Resolution {
    let wanted = Self.normalize(typed)
    guard !wanted.isEmpty else { return .none }
    let exact = unique(names.filter { $0.name == wanted }.map(\.id))
    if !exact.isEmpty { return exact.count == 1 ? .one(exact[0]) : .several(exact) }
    // A part of a name ("dialogue", "places of worship"): whole words only, at least three letters.
    guard wanted.count >= 3 else { return .none }
    let partial = unique(names.filter { (" " + $0.name + " ").contains(" " + wanted + " ") }.map(\.id))
    switch partial.count {
    case 0: return .none
    case 1: return .one(partial[0])
    default: return .several(partial)
    }
  }

  private func unique(_ found: [String]) -> [String] {
    ids.filter(found.contains)
  }

  /// Folded (no case, no diacritics), with `_`, `-` and punctuation as spaces.
  static func normalize(_ text: String) -> String {
    let folded = TextFolding.fold(text)
    let spaced = folded.map { $0.isLetter || $0.isNumber ? $0 : " " }
    return String(spaced).split(separator: " ").joined(separator: " ")
  }
}
