import IntakeCore

/// Outcomes as an aligned table for a terminal. Columns have fixed widths so rows can be
/// written as they come (a streamed batch has no "widest row" to wait for); the services
/// column comes last and is never cut.
enum TableRow {
  static let widths = [6, 14, 13, 10, 26, 26]

  static func header(_ catalog: MessageCatalog, _ language: Language) -> String {
    let names = ["line", "id", "jurisdiction", "urgency", "office", "missing", "services"].map {
      catalog.text("table.\($0)", language)
    }
    return row(names)
  }

  static func outcome(_ outcome: Outcome, line: Int) -> String {
    let office = outcome.office.office + (outcome.office.fieldOffice.map { "/" + $0 } ?? "")
    return row([
      String(line), outcome.id ?? "-", outcome.jurisdiction, outcome.urgency, office,
      outcome.missing.isEmpty ? "-" : outcome.missing.joined(separator: ","),
      outcome.services.isEmpty ? "-" : outcome.services.map(\.id).joined(separator: ", "),
    ])
  }

  static func error(line: Int, id: String?, message: String) -> String {
    row([String(line), id ?? "-"]) .dropLast() + "  ✗ " + message + "\n"
  }

  static func row(_ cells: [String]) -> String {
    var out = ""
    for (i, cell) in cells.enumerated() {
      let text = SafeText.visible(cell)
      if i < widths.count {
        let width = widths[i]
        let fitted = text.count > width - 1 ? String(text.prefix(width - 2)) + "…" : text
        out += fitted + String(repeating: " ", count: max(1, width - fitted.count))
      } else {
        out += text
      }
    }
    while out.last == " " { out.removeLast() }
    return out + "\n"
  }
}
