import IntakeCore

/// An `ImpactReport` as text for a person: a summary line, then each group of changed
/// requests with its rules, its changes counted, and a few examples, wrapped to the width.
public struct ImpactText {
  let catalog: MessageCatalog
  let language: Language
  let wrapper: TextWrapper

  /// - Parameters:
  ///   - catalog: the texts (`diff.*` keys).
  ///   - language: the session's language.
  ///   - width: the terminal's width in columns.
  public init(catalog: MessageCatalog, language: Language, width: Int) {
    self.catalog = catalog
    self.language = language
    wrapper = TextWrapper(width: width)
  }

  /// - Parameters:
  ///   - report: what changed.
  ///   - base: how the base rules were named (a folder, a revision).
  ///   - working: how the working rules were named.
  /// - Returns: the text, each line ended by a newline.
  public func render(_ report: ImpactReport, base: String, working: String) -> String {
    var lines: [String] = []
    let names = ["base": base, "working": working, "screened": String(report.screened), "sources": sources(report.sources)]
    if report.changed == 0 {
      lines.append(t("diff.no-change", names))
    } else {
      lines.append(t("diff.summary", names.merging(["changed": String(report.changed)]) { $1 }))
    }
    for group in report.groups {
      lines.append("")
      if group.rules.isEmpty {
        lines.append(t("diff.group-no-rule", ["count": String(group.requests)]))
      } else {
        let rules = group.rules.map { rule in
          t(
            rule.edited ? "diff.rule-edited" : "diff.rule",
            ["rule": rule.rule, "base": t("diff.firing." + rule.base.rawValue), "working": t("diff.firing." + rule.working.rawValue)])
        }
        lines.append(t("diff.group", ["count": String(group.requests), "rules": rules.joined(separator: "; ")]))
      }
      for field in ImpactChange.Field.allCases {
        let counted = group.changes.filter { $0.change.field == field }
        guard !counted.isEmpty else { continue }
        let changes = counted.map { t("diff.counted", ["change": change($0.change), "count": String($0.requests)]) }
        lines.append(t("diff.change-line", ["field": t("diff.field." + field.rawValue), "changes": changes.joined(separator: ", ")]))
      }
      guard !group.examples.isEmpty else { continue }
      lines.append(t("diff.examples"))
      for example in group.examples {
        lines.append(t("diff.example", ["request": origin(example.origin), "changes": changes(example.changes)]))
      }
    }
    return lines.map { wrapper.wrap($0) + "\n" }.joined()
  }

  /// A request's origin as a person reads it: a scenario, a file's line, a session.
  public func origin(_ origin: ImpactSubject.Origin) -> String {
    switch origin {
    case .scenario(let id, let location):
      return t("diff.origin.scenario", ["id": SafeText.visible(id), "location": location.map { SafeText.visible($0) } ?? ""])
    case .record(let file, let line, let id):
      let place = ["file": SafeText.visible(file), "line": String(line)]
      guard let id else { return t("diff.origin.record", place) }
      return t("diff.origin.record-id", place.merging(["id": SafeText.visible(id)]) { $1 })
    case .session(_, let id):
      return t("diff.origin.session", ["id": SafeText.visible(id)])
    case .generated(let index):
      return t("diff.origin.generated", ["index": String(index)])
    }
  }

  /// One request's changes, by part of the outcome: `services −spcp, +mediation; urgency urgent → standard`.
  private func changes(_ changes: [ImpactChange]) -> String {
    ImpactChange.Field.allCases.compactMap { field in
      let mine = changes.filter { $0.field == field }
      guard !mine.isEmpty else { return nil }
      return t("diff.field." + field.rawValue) + " " + mine.map(change).joined(separator: ", ")
    }.joined(separator: "; ")
  }

  private func change(_ change: ImpactChange) -> String {
    switch change {
    case .added(_, let id): return "+" + id
    case .removed(_, let id): return "−" + id
    case .reordered(_, let before, let after):
      if before.isEmpty && after.isEmpty { return t("diff.reordered") }
      return before.joined(separator: ", ") + " → " + after.joined(separator: ", ")
    case .changed(let field, let before, let after):
      return value(field, before) + " → " + value(field, after)
    }
  }

  private func value(_ field: ImpactChange.Field, _ value: String?) -> String {
    guard let value else { return t("diff.none") }
    return field == .request ? t("diff.request." + value) : value
  }

  /// `87 scenarios, 2000 generated`: the kinds of source that gave requests.
  private func sources(_ sources: ImpactReport.Sources) -> String {
    let counts = [
      ("scenarios", sources.scenarios), ("records", sources.records), ("sessions", sources.sessions), ("generated", sources.generated),
    ]
    let parts = counts.filter { $0.1 > 0 }.map { t("diff.sources." + $0.0, ["count": String($0.1)]) }
    return parts.isEmpty ? t("diff.none") : parts.joined(separator: ", ")
  }

  private func t(_ key: String, _ arguments: [String: String] = [:]) -> String {
    catalog.text(key, language, arguments)
  }
}
