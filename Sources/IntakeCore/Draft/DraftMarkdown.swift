/// The draft request as Markdown a leader can paste into an email to the office: each
/// section in one language, or in both (Vietnamese, then English) for bilingual readers.
public struct DraftMarkdown {
  public let book: RuleBook
  public let catalog: MessageCatalog

  public init(book: RuleBook, catalog: MessageCatalog) {
    self.book = book
    self.catalog = catalog
  }

  public func render(_ draft: DraftRequest, language: Language, bilingual: Bool = false) -> String {
    let languages: [Language] = bilingual ? [.vi, .en] : [language]
    var parts: [String] = []
    for section in sections(draft) {
      parts.append(languages.map { section($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n"))
    }
    return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
  }

  private typealias Section = (Language) -> String

  private func sections(_ draft: DraftRequest) -> [Section] {
    [
      { self.header(draft, $0) },
      { self.who(draft, $0) },
      { self.place(draft, $0) },
      { self.situation(draft, $0) },
      { self.facts(draft, $0) },
      { self.jurisdiction(draft, $0) },
      { self.services(draft, $0) },
      { self.possible(draft, $0) },
      { self.referrals(draft, $0) },
      { self.office(draft, $0) },
      { self.missing(draft, $0) },
    ]
  }

  private func t(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
    catalog.text(key, language, arguments)
  }

  private func header(_ draft: DraftRequest, _ l: Language) -> String {
    var lines = ["# " + t("draft.title", l)]
    if draft.outcome.urgency == "emergency" {
      lines += ["", "> **" + t(OutcomeText.emergencyKey(draft.outcome), l) + "**", ""]
    }
    lines += [t("draft.date", l, ["date": draft.date]) + "  ", t("draft.rules-version", l, ["version": draft.rulesVersion])]
    return lines.joined(separator: "\n")
  }

  private func who(_ draft: DraftRequest, _ l: Language) -> String {
    var lines = ["## " + t("draft.who", l)]
    let given = DraftRequest.contactFields.compactMap { field -> String? in
      guard let value = draft.request.contact[field].map(MarkdownText.escape), !value.isEmpty else { return nil }
      return "- " + t("draft.contact.\(field)", l) + ": " + value
    }
    lines += given.isEmpty ? [t("draft.no-contact", l)] : given
    return lines.joined(separator: "\n")
  }

  private func place(_ draft: DraftRequest, _ l: Language) -> String {
    var place: [String] = []
    if case .text(let city)? = draft.request.facts["city"] { place.append(MarkdownText.escape(city)) }
    if case .choice(let state)? = draft.request.facts["state"] { place.append(t("value.state.\(state)", l)) }
    return "## " + t("draft.where", l) + "\n" + (place.isEmpty ? t("draft.unknown-place", l) : place.joined(separator: ", "))
  }

  private func situation(_ draft: DraftRequest, _ l: Language) -> String {
    let narrative = draft.request.narrative.map(MarkdownText.escape) ?? ""
    let body = narrative.isEmpty
      ? t("draft.no-narrative", l)
      : narrative.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    return "## " + t("draft.situation", l) + "\n" + body
  }

  private func facts(_ draft: DraftRequest, _ l: Language) -> String {
    var lines = ["## " + t("draft.facts", l)]
    for fact in book.facts where !fact.derived && fact.id != "state" && fact.id != "city" {
      guard let value = draft.request.facts[fact.id] else { continue }
      lines.append("- " + t("fact.\(fact.id).name", l) + ": " + describe(value, fact, l))
    }
    if lines.count == 1 { lines.append(t("draft.no-facts", l)) }
    return lines.joined(separator: "\n")
  }

  /// A fact's value in words.
  func describe(_ value: FactValue, _ fact: FactDefinition, _ l: Language) -> String {
    switch value {
    case .bool(let flag): return t("value.\(fact.id).\(flag)", l)
    case .choice(let v): return catalog.has("value.\(fact.id).\(v)", in: l) ? t("value.\(fact.id).\(v)", l) : MarkdownText.escape(v)
    case .set(let values):
      return values.isEmpty ? t("interview.none", l) : values.map { t("value.\(fact.id).\($0)", l) }.joined(separator: "; ")
    case .integer(let n): return String(n)
    case .text(let text): return MarkdownText.escape(text)
    }
  }

  private func jurisdiction(_ draft: DraftRequest, _ l: Language) -> String {
    let outcome = draft.outcome
    var lines = ["## " + t("draft.jurisdiction", l), t("value.jurisdiction.\(outcome.jurisdiction)", l)]
    for basis in outcome.jurisdictionBases { lines.append("- " + t("value.jurisdiction_basis.\(basis)", l)) }
    for because in outcome.jurisdictionBecause { lines.append("- " + t("reason.\(because.rule)", l)) }
    lines.append("")
    lines.append("## " + t("draft.urgency", l))
    lines.append(t("value.urgency.\(outcome.urgency)", l))
    return lines.joined(separator: "\n")
  }

  private func services(_ draft: DraftRequest, _ l: Language) -> String {
    var lines = ["## " + t("draft.services", l)]
    if draft.outcome.services.isEmpty {
      lines.append(t(draft.outcome.jurisdiction == "out_of_scope" ? "end.no-services-out-of-scope" : "end.no-services", l))
    }
    for (n, service) in draft.outcome.services.enumerated() {
      let id = service.id
      lines.append("")
      lines.append("### \(n + 1). " + t("service.\(id).name", l))
      lines.append("- " + t("draft.what", l) + ": " + t("service.\(id).what", l))
      for because in service.because {
        lines.append("- " + t("draft.why", l) + ": " + t("reason.\(because.rule)", l))
      }
      lines.append("- " + t("draft.for-whom", l) + ": " + t("service.\(id).for_whom", l))
      lines.append("- " + t("draft.length", l) + ": " + t("service.\(id).length", l))
      lines.append("- " + t("draft.result", l) + ": " + t("service.\(id).outcome", l))
      if id == "spcp" {
        lines.append("")
        lines.append("#### " + t("draft.spcp-steps", l))
        for step in 1...5 { lines.append("\(step). " + t("draft.spcp-step.\(step)", l)) }
        lines.append("")
        lines.append(t("draft.spcp-prepare", l))
      }
    }
    return lines.joined(separator: "\n")
  }

  private func possible(_ draft: DraftRequest, _ l: Language) -> String {
    guard !draft.outcome.possibleServices.isEmpty else { return "" }
    var lines = ["## " + t("draft.possible", l)]
    for (alternatives, services) in OutcomeText.byCondition(draft.outcome.possibleServices) {
      let text = OutcomeText.describe(alternatives, book: book) { t($0, l) }
      lines.append("- " + t("end.possible-if", l, ["condition": text]) + " " + services.map { t("service.\($0).name", l) }.joined(separator: "; "))
    }
    return lines.joined(separator: "\n")
  }

  private func referrals(_ draft: DraftRequest, _ l: Language) -> String {
    guard !draft.outcome.referrals.isEmpty else { return "" }
    var lines = ["## " + t("draft.referrals", l)]
    for referral in draft.outcome.referrals {
      let contact = book.referrals.first { $0.id == referral.id }?.contact ?? ""
      var line = "- **" + t("referral.\(referral.id).name", l) + "**: " + t("referral.\(referral.id).what", l)
      if !contact.isEmpty { line += " " + t("end.contact", l, ["contact": contact]) }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  private func office(_ draft: DraftRequest, _ l: Language) -> String {
    let directory = book.offices
    let routing = draft.outcome.office
    var lines = ["## " + t("draft.office", l)]
    lines.append(t("draft.region", l, ["region": t("region.\(routing.region).name", l)]))
    for (id, key) in [(routing.office, "draft.office-line"), (routing.fieldOffice, "draft.field-office-line")] {
      guard let id, let office = directory.office(id) else { continue }
      let details = office.details(phoneText: { t("end.phone", l, ["phone": $0]) }, fallbackEmail: directory.nationalEmail)
      lines.append("- " + t(key, l, ["name": t("office.\(id).name", l), "details": details]))
    }
    if !routing.confirmed {
      lines.append("- " + t("end.office-unconfirmed", l, ["email": directory.nationalEmail]))
    }
    lines.append("")
    lines.append("> " + t("end.restructured", l, ["as_of": directory.asOf, "email": directory.nationalEmail, "phone": directory.nationalPhone]))
    return lines.joined(separator: "\n")
  }

  private func missing(_ draft: DraftRequest, _ l: Language) -> String {
    guard !draft.outcome.missing.isEmpty else { return "" }
    let names = draft.outcome.missing.map { t("fact.\($0).name", l) }.joined(separator: "; ")
    return "## " + t("draft.missing", l) + "\n" + names
  }
}
