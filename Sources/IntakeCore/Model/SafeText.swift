/// Makes text safe to print in a terminal: control, escape, bidirectional and zero-width
/// characters become visible `\u{…}` escapes, and very long text is cut with an ellipsis.
public enum SafeText {
  public static let maximumLength = 200

  /// - Parameter limit: the longest text kept whole; nil never cuts (lists the program made).
  public static func visible(_ text: String, limit: Int? = maximumLength) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if let limit, count >= limit {
        out += "…"
        break
      }
      count += 1
      switch scalar.value {
      case 0x00..<0x20, 0x7F..<0xA0, 0x200B...0x200D, 0x2028, 0x2029, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF:
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
