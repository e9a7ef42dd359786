import IntakeCore

/// Outcomes as CSV rows (RFC 4180 quoting): one row per request, lists joined with `;`.
enum CSVRow {
  static let columns = [
    "line", "id", "status", "jurisdiction", "bases", "urgency", "services", "referrals", "region", "office",
    "field_office", "missing", "extracted", "error", "file",
  ]

  /// Column names are ids, like the JSON keys, so scripts can rely on them in any language.
  static func header(_ catalog: MessageCatalog, _ language: Language) -> String {
    columns.joined(separator: ",") + "\n"
  }

  /// - Parameter file: the input it came from ("<stdin>" for standard input).
  static func outcome(_ outcome: Outcome, line: Int, file: String, extracted: [String: FactValue] = [:]) -> String {
    let read = extracted.sorted { $0.key < $1.key }.map { "\($0.key)=" + $0.value.displayValues.joined(separator: "|") }
    let fields = [
      String(line), outcome.id ?? "", "ok", outcome.jurisdiction, outcome.jurisdictionBases.joined(separator: ";"),
      outcome.urgency, outcome.services.map(\.id).joined(separator: ";"), outcome.referrals.map(\.id).joined(separator: ";"),
      outcome.office.region, outcome.office.office, outcome.office.fieldOffice ?? "", outcome.missing.joined(separator: ";"),
      read.joined(separator: ";"), "", file,
    ]
    return fields.map(quote).joined(separator: ",") + "\n"
  }

  static func error(line: Int, file: String, id: String?, message: String) -> String {
    var fields = Array(repeating: "", count: columns.count)
    fields[0] = String(line)
    fields[1] = id ?? ""
    fields[2] = "error"
    fields[columns.count - 2] = message
    fields[columns.count - 1] = file
    return fields.map(quote).joined(separator: ",") + "\n"
  }

  /// A field as CSV: escape and control characters made visible, a leading `=`, `+`, `-`, `@`
  /// (a formula to a spreadsheet) neutralized with a `'`, then RFC 4180 quoting.
  static func quote(_ raw: String) -> String {
    var field = SafeText.visible(raw, limit: nil)
    if let first = field.first, "=+-@".contains(first) { field = "'" + field }
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
