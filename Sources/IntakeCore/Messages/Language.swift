/// The languages the product speaks.
public enum Language: String, Sendable, CaseIterable, Codable {
  case vi
  case en

  /// The language a locale environment asks for: `vi_*` means Vietnamese, anything else English.
  /// Reads LC_ALL, then LC_MESSAGES, then LANG, as POSIX does.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        return value.lowercased().hasPrefix("vi") ? .vi : .en
      }
    }
    return .en
  }
}
