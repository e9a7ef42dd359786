import IntakeCore

/// Outcomes as an aligned table for a terminal. Columns have fixed widths so rows can be
/// written as they come (a streamed batch has no "widest row" to wait for); a cell longer
/// than its column wraps onto the next lines of its row, at commas and spaces, and is never
/// cut. The columns share the terminal's width (at least 80), the services column the rest.
struct TableRow {
  static let columns = ["line", "id", "jurisdiction", "urgency", "office", "missing", "referrals", "services"]
  /// The narrowest each column gets (80 columns in all), and the width each column but the
  /// last grows to when the terminal is wider; the services column takes the rest.
  static let narrowest = [5, 8, 13, 10, 10, 10, 10, 14]
  static let preferred = [6, 13, 13, 10, 18, 24, 20]

  let widths: [Int]

  /// - Parameter width: the terminal's width in columns.
  init(width: Int) {
    var widths = Self.narrowest
    var spare = max(0, width - Self.narrowest.reduce(0, +))
    for (i, wanted) in Self.preferred.enumerated() where spare > 0 {
      let grow = min(spare, wanted - widths[i])
      widths[i] += grow
      spare -= grow
    }
    widths[widths.count - 1] += spare
    self.widths = widths
  }

  func header(_ catalog: MessageCatalog, _ language: Language) -> String {
    row(Self.columns.map { catalog.text("table.\($0)", language) })
  }

  /// - Parameter line: the record's line, with its file when the batch has several.
  func outcome(_ outcome: Outcome, line: String) -> String {
    let office = outcome.office.office + (outcome.office.fieldOffice.map { "/" + $0 } ?? "")
    func list(_ items: [String]) -> String { items.isEmpty ? "-" : items.joined(separator: ", ") }
    return row([
      line, outcome.id ?? "-", outcome.jurisdiction, outcome.urgency, office, list(outcome.missing),
      list(outcome.referrals.map(\.id)), list(outcome.services.map(\.id)),
    ])
  }

  func error(line: String, id: String?, message: String) -> String {
    row([line, id ?? "-", "✗ " + message], spanLast: true)
  }

  /// One row: each cell wrapped to its column; the row is as many lines as its tallest cell.
  /// With `spanLast`, the last given cell spans the rest of the row (an error message).
  func row(_ cells: [String], spanLast: Bool = false) -> String {
    var spans = widths
    if spanLast, cells.count < widths.count {
      spans = Array(widths.prefix(cells.count - 1)) + [widths.dropFirst(cells.count - 1).reduce(0, +)]
    }
    let wrapped: [[String]] = cells.enumerated().map { i, cell in
      let text = SafeText.visible(cell, limit: nil)
      // One column of gap: the text gets its width less one.
      let room = max(1, spans[i] - (i == spans.count - 1 ? 0 : 1))
      if spanLast && i == cells.count - 1 {
        return TextWrapper(width: room, minimum: 1).wrap(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      }
      return Self.wrapList(text, width: room)
    }
    let height = wrapped.map(\.count).max() ?? 1
    var out = ""
    for lineIndex in 0..<height {
      var line = ""
      for (i, cellLines) in wrapped.enumerated() {
        let piece = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
        line += piece
        if i < wrapped.count - 1 { line += String(repeating: " ", count: max(1, spans[i] - DisplayWidth.of(piece))) }
      }
      while line.last == " " { line.removeLast() }
      out += line + "\n"
    }
    return out
  }

  /// A cell of ids ("a_b, c_d") in lines of at most `width` columns: items stay whole when
  /// they fit, joined by ", "; an id wider than the column breaks after an underscore.
  static func wrapList(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    let items = text.split(separator: ", ", omittingEmptySubsequences: false).map(String.init)
    for (n, item) in items.enumerated() {
      let piece = item + (n < items.count - 1 ? "," : "")
      let candidate = current.isEmpty ? piece : current + " " + piece
      if DisplayWidth.of(candidate) <= width {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = ""
      // Too wide on a line of its own: break after underscores, or anywhere as a last resort.
      var rest = Substring(piece)
      while DisplayWidth.of(rest) > width {
        let head = rest.prefix(width)
        let cut = head.lastIndex(of: "_").map { rest.index(after: $0) } ?? head.endIndex
        lines.append(String(rest[..<cut]))
        rest = rest[cut...]
      }
      current = String(rest)
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
