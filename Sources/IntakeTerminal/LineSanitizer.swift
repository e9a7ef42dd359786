/// Checks the bytes of a typed line before anything uses or shows them: valid UTF-8, no
/// control or escape characters (a tab counts as a space), and not absurdly long.
public enum LineSanitizer {
  /// The longest line accepted, in characters.
  public static let maximumLength = 2_000

  public static func check(_ bytes: [UInt8]) -> LineInput {
    var bytes = bytes
    while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
    guard let text = String(validating: bytes, as: UTF8.self) else { return .rejected(.invalidUTF8) }
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09: cleaned.append(" ")
      case 0x00..<0x20, 0x7F..<0xA0: return .rejected(.controlCharacters)
      default: cleaned.append(scalar)
      }
    }
    let line = String(cleaned)
    if line.count > maximumLength { return .rejected(.tooLong(maximum: maximumLength)) }
    return .line(line)
  }
}
