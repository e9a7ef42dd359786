/// Makes text a person typed safe inside a Markdown document: control and escape
/// characters are removed, and characters Markdown would read as formatting are escaped,
/// so the text shows as typed and cannot break the document around it.
public enum MarkdownText {
  /// Characters escaped wherever they stand.
  static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "~"]

  public static func escape(_ text: String) -> String {
    var lines: [String] = []
    for rawLine in clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for character in rawLine {
        if alwaysEscaped.contains(character) { line.append("\\") }
        line.append(character)
      }
      // A line starting like a list item, a numbered item or a rule is escaped too.
      if let first = line.first, "-+=".contains(first) {
        line = "\\" + line
      } else if let dot = line.firstIndex(where: { !$0.isNumber }), dot != line.startIndex,
        line[dot] == "." || line[dot] == ")"
      {
        line.insert("\\", at: dot)
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Control and escape characters removed (tabs become spaces, line breaks are kept),
  /// runs of blank lines shortened, ends trimmed.
  public static func clean(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A: out.append(scalar)
      case 0x09: out.append(" ")
      case 0x0D: continue
      case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: continue
      default: out.append(scalar)
      }
    }
    var result = String(out)
    while result.contains("\n\n\n") { result = result.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
    return result.trimmingWhitespace
  }
}
