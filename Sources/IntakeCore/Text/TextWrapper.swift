/// Wraps text to a width in display columns at word boundaries: never "numbe/r" or "q/uý vị".
/// Each line of the text wraps on its own; its continuation lines keep its indent, and a list
/// item's ("  1. …", "• …", "- …") line up after the marker. A word longer than the whole
/// width (a long address) is the only thing ever cut.
public struct TextWrapper: Sendable {
  public let width: Int

  /// - Parameter minimum: the narrowest width honoured (a paragraph narrower than 20 columns
  ///   reads badly; a table cell may be narrower).
  public init(width: Int, minimum: Int = 20) {
    self.width = max(minimum, width, 1)
  }

  public func wrap(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { wrapLine(String($0)) }.joined(separator: "\n")
  }

  /// One line of text (no line breaks) as wrapped lines joined by "\n".
  public func wrapLine(_ line: String) -> String {
    guard DisplayWidth.of(line) > width else { return line }
    let (firstIndent, body) = Self.splitIndent(line)
    let hanging = String(repeating: " ", count: DisplayWidth.of(firstIndent))
    var lines: [String] = []
    var current = firstIndent
    var currentWidth = DisplayWidth.of(firstIndent)
    var atLineStart = true
    for word in body.split(separator: " ", omittingEmptySubsequences: true) {
      var piece = String(word)
      var pieceWidth = DisplayWidth.of(piece)
      if !atLineStart && currentWidth + 1 + pieceWidth > width {
        lines.append(current)
        current = hanging
        currentWidth = hanging.count
        atLineStart = true
      }
      // A word wider than a whole line: cut it, the only case where a word is split.
      while currentWidth + pieceWidth > width && pieceWidth > width - hanging.count {
        let room = width - currentWidth - (atLineStart ? 0 : 1)
        let (head, tail) = Self.cut(piece, columns: max(1, room))
        current += (atLineStart ? "" : " ") + head
        lines.append(current)
        current = hanging
        currentWidth = hanging.count
        atLineStart = true
        piece = tail
        pieceWidth = DisplayWidth.of(piece)
      }
      guard !piece.isEmpty else { continue }
      current += (atLineStart ? "" : " ") + piece
      currentWidth += (atLineStart ? 0 : 1) + pieceWidth
      atLineStart = false
    }
    lines.append(current)
    return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n")
  }

  /// The leading indent of a line, with a list marker when it starts with one ("  1. ",
  /// "• ", "- ", "→ "), and the rest.
  static func splitIndent(_ line: String) -> (indent: String, body: Substring) {
    var index = line.startIndex
    while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
    var marker = index
    while marker < line.endIndex, line[marker].isNumber { marker = line.index(after: marker) }
    if marker > index, marker < line.endIndex, line[marker] == "." || line[marker] == ")" {
      let next = line.index(after: marker)
      if next < line.endIndex, line[next] == " " { return (String(line[..<line.index(after: next)]), line[line.index(after: next)...]) }
    }
    if index < line.endIndex, ["•", "-", "→", "*", "·"].contains(line[index]) {
      let next = line.index(after: index)
      if next < line.endIndex, line[next] == " " { return (String(line[..<line.index(after: next)]), line[line.index(after: next)...]) }
    }
    return (String(line[..<index]), line[index...])
  }

  /// The first `columns` columns of a word, and the rest.
  static func cut(_ word: String, columns: Int) -> (String, String) {
    var head = ""
    var used = 0
    var index = word.startIndex
    while index < word.endIndex {
      let w = DisplayWidth.of(word[index])
      if used + w > columns && !head.isEmpty { break }
      head.append(word[index])
      used += w
      index = word.index(after: index)
    }
    return (head, String(word[index...]))
  }
}

extension String {
  var trailingSpacesRemoved: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
