/// Every user-facing string, by stable key, in both languages (`Locales/*.yaml`).
///
/// Lookup falls back to English when a Vietnamese text is missing (and `check` reports the
/// gap); a key missing in both languages renders as the key itself so nothing is silently
/// blank. Placeholders are written `{name}`.
public struct MessageCatalog: Sendable, Equatable {
  public var texts: [Language: [String: String]]
  /// Word lists (`synonyms.*`), per language.
  public var lists: [Language: [String: [String]]]

  public init(texts: [Language: [String: String]] = [:], lists: [Language: [String: [String]]] = [:]) {
    self.texts = texts
    self.lists = lists
  }

  /// The text for `key` in `language`, with `{placeholders}` filled from `arguments`.
  public func text(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
    let template = texts[language]?[key] ?? texts[.en]?[key] ?? key
    return Self.fill(template, arguments)
  }

  /// A message about something a person typed or wrote: every argument made safe to print,
  /// and a "Did you mean …?" sentence after it when `arguments["suggestion"]` is not empty.
  public func problem(_ key: String, _ language: Language, _ arguments: [String: String]) -> String {
    // What was typed is cut when very long; the list of what is accepted never is.
    var safe = arguments.mapValues { SafeText.visible($0) }
    if let expected = arguments["expected"] {
      // An empty list of what is accepted never reads as "Accepted: .".
      safe["expected"] =
        expected.isEmpty ? text("diagnostic.none-accepted", language) : SafeText.visible(expected, limit: nil)
    }
    let suggestion = safe.removeValue(forKey: "suggestion") ?? ""
    var message = text(key, language, safe)
    if message == key, texts[.en]?[key] == nil {
      // The texts themselves failed to load: still say what is wrong, as data.
      message = key + " " + safe.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
    if !suggestion.isEmpty { message += " " + text("diagnostic.suggestion", language, ["suggestion": suggestion]) }
    return message
  }

  /// This catalog with the gaps filled from `other`, language by language: what is rendered
  /// when the texts given could not be (fully) loaded, so a message never shows as its key.
  public func fallingBack(to other: MessageCatalog) -> MessageCatalog {
    var merged = other
    for (language, texts) in self.texts { merged.texts[language, default: [:]].merge(texts) { _, mine in mine } }
    for (language, lists) in self.lists { merged.lists[language, default: [:]].merge(lists) { _, mine in mine } }
    return merged
  }

  /// Whether `key` exists in `language` itself (no fallback).
  public func has(_ key: String, in language: Language) -> Bool {
    texts[language]?[key] != nil
  }

  public func list(_ key: String, _ language: Language) -> [String] {
    lists[language]?[key] ?? []
  }

  /// Replaces each `{name}` with its argument; unknown placeholders are left as written.
  public static func fill(_ template: String, _ arguments: [String: String]) -> String {
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var result = ""
    result.reserveCapacity(template.utf8.count)
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else {
        result += rest[open...]
        return result
      }
      let name = String(rest[rest.index(after: open)..<close])
      if let value = arguments[name] {
        result += value
      } else {
        result += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    result += rest
    return result
  }

  /// The placeholder names used in a template.
  public static func placeholders(in template: String) -> Set<String> {
    var names = Set<String>()
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.insert(String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
