/// Gentle checks of the email and phone a requester types for the draft: a likely typo is
/// asked about, never refused (the person may know better, and a number abroad is fine).
public enum ContactCheck {
  /// Something worth asking about: the message key, and a likely correction if there is one.
  public struct Doubt: Sendable, Equatable {
    public var key: String
    public var suggestion: String?
    public var arguments: [String: String]
  }

  /// Misspellings of the mail domains people use most, and what they meant.
  static let domainTypos: [String: String] = [
    "gmial.com": "gmail.com", "gmai.com": "gmail.com", "gamil.com": "gmail.com", "gmail.co": "gmail.com",
    "gmail.con": "gmail.com", "gmail.cm": "gmail.com", "gmail.om": "gmail.com", "gnail.com": "gmail.com", "gmaill.com": "gmail.com",
    "yaho.com": "yahoo.com", "yahooo.com": "yahoo.com", "yahoo.con": "yahoo.com", "yahoo.co": "yahoo.com", "yhoo.com": "yahoo.com",
    "hotmial.com": "hotmail.com", "hotmai.com": "hotmail.com", "hotmail.con": "hotmail.com", "hotmail.co": "hotmail.com",
    "outlok.com": "outlook.com", "outlook.con": "outlook.com", "outloo.com": "outlook.com",
    "icloud.con": "icloud.com", "icloud.co": "icloud.com", "iclould.com": "icloud.com",
  ]

  /// Nil when `text` reads as an email address on a domain that is not a known misspelling.
  public static func email(_ text: String) -> Doubt? {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    let wellFormed =
      parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
      && !parts[1].hasSuffix(".") && !text.contains(" ")
    guard wellFormed else { return Doubt(key: "interview.check-email", suggestion: nil, arguments: [:]) }
    let domain = parts[1].lowercased()
    guard let fixed = domainTypos[domain] else { return nil }
    let suggestion = parts[0] + "@" + fixed
    return Doubt(key: "interview.check-email-typo", suggestion: suggestion, arguments: ["suggestion": suggestion])
  }

  /// Nil for a U.S. number (10 digits, or 11 starting with 1) or a number written as
  /// international (+…); otherwise the number of digits, to ask about.
  public static func phone(_ text: String) -> Doubt? {
    if text.hasPrefix("+") { return nil }
    let digits = text.filter { $0.isASCII && $0.isNumber }
    if digits.count == 10 || (digits.count == 11 && digits.first == "1") { return nil }
    return Doubt(key: "interview.check-phone", suggestion: nil, arguments: ["count": String(digits.count)])
  }
}
