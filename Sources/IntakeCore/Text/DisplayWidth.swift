/// How many terminal columns text takes: a combining mark (Vietnamese tone and vowel marks
/// typed decomposed) takes none, a wide East Asian character or an emoji two, anything else
/// one. Counted per character (grapheme cluster), so "ệ" is one column however it was typed.
public enum DisplayWidth {
  public static func of(_ text: some StringProtocol) -> Int {
    var width = 0
    for character in text { width += of(character) }
    return width
  }

  public static func of(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars {
      let value = scalar.value
      if value < 0x300 {
        // ASCII and Latin-1: one column, except controls.
        width += value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1
        continue
      }
      if isZeroWidth(scalar) { continue }
      if scalar.properties.isEmojiPresentation || isWide(value) { return 2 }
      width += 1
    }
    return min(width, 2)
  }

  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200B
    }
  }

  /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, the blocks that
  /// matter on a terminal).
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
