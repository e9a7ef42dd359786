/// The draft request as a letter an office can act on: addressed to the office, the
/// requester in the third person, their own description quoted, what they told us, what the
/// rules suggest, and a sign-off with their contact; the reference and the rules version in
/// a footer. In several languages, the whole letter once per language (Vietnamese first).
public struct DraftMarkdown {
  public let book: RuleBook
  public let catalog: MessageCatalog

  public init(book: RuleBook, catalog: MessageCatalog) {
    self.book = book
    self.catalog = catalog
  }

  public func render(_ draft: DraftRequest, language: Language, bilingual: Bool = false) -> String {
    render(draft, languages: bilingual ? [.vi, .en] : [language])
  }

  /// The letter in each of `languages`, separated by a rule.
  public func render(_ draft: DraftRequest, languages: [Language]) -> String {
    languages.map { letter(draft, $0) }.joined(separator: "\n\n---\n\n") + "\n"
  }

  private func letter(_ draft: DraftRequest, _ l: Language) -> String {
    let sections = [
      header(draft, l), opening(draft, l), situation(draft, l), facts(draft, l), jurisdiction(draft, l), services(draft, l),
      possible(draft, l), referrals(draft, l), office(draft, l), missing(draft, l), closing(draft, l), footer(draft, l),
    ]
    return sections.filter { !$0.isEmpty }.joined(separator: "\n\n")
  }

  private func t(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
    catalog.text(key, language, arguments)
  }

  private func header(_ draft: DraftRequest, _ l: Language) -> String {
    // Danger comes before anything else, even the title.
    var lines: [String] = []
    if draft.outcome.urgency == "emergency" {
      lines += ["> **" + t(OutcomeText.emergencyKey(draft.outcome), l) + "**", ""]
    }
    lines += ["# " + t("draft.title", l), t("draft.reference-line", l, ["reference": draft.reference, "date": draft.date])]
    return lines.joined(separator: "\n")
  }

  /// "Dear Seattle Regional Office," and who asks for what, with the dates that are known.
  private func opening(_ draft: DraftRequest, _ l: Language) -> String {
    let office = book.offices.office(draft.outcome.office.office).map { t("office.\($0.id).name", l) }
    var lines = [t("draft.dear", l, ["office": office ?? t("draft.dear-crs", l)]), ""]
    let place = placeText(draft, l)
    var paragraph = [place.isEmpty ? t("draft.intro-no-place", l) : t("draft.intro", l, ["place": place])]
    let facts = draft.request.facts
    let today = CivilDate(draft.date)
    if case .integer(let days)? = facts["incident_days_ago"], days >= 0, let date = today?.adding(days: -days) {
      let key = days == 0 ? "draft.incident-today" : days == 1 ? "draft.incident-yesterday" : "draft.incident-date"
      paragraph.append(t(key, l, ["date": date.text, "days": String(days)]))
    }
    if facts["planned_event"] != .bool(false), case .integer(let days)? = facts["event_in_days"], days >= 0,
      let date = today?.adding(days: days)
    {
      let key = days == 0 ? "draft.event-today" : "draft.event-date"
      paragraph.append(t(key, l, ["date": date.text, "days": String(days)]))
    }
    lines.append(paragraph.joined(separator: " "))
    return lines.joined(separator: "\n")
  }

  private func placeText(_ draft: DraftRequest, _ l: Language) -> String {
    var place: [String] = []
    if case .text(let city)? = draft.request.facts["city"], !city.isEmpty { place.append(MarkdownText.escape(city)) }
    if case .choice(let state)? = draft.request.facts["state"] { place.append(t("value.state.\(state)", l)) }
    return place.joined(separator: ", ")
  }

  /// "Sincerely," and the contact the requester chose to give, or a line saying they gave none.
  private func closing(_ draft: DraftRequest, _ l: Language) -> String {
    let contact = draft.request.contact.mapValues(MarkdownText.escape).filter { !$0.value.isEmpty }
    var lines = [t("draft.closing", l), ""]
    let who = [contact["role"], contact["organization"]].compactMap { $0 }.joined(separator: ", ")
    let reach = [contact["email"], contact["phone"]].compactMap { $0 }.joined(separator: " · ")
    let signature = [contact["name"], who.isEmpty ? nil : who, reach.isEmpty ? nil : reach].compactMap { $0 }
    lines += signature.isEmpty ? [t("draft.no-contact", l)] : signature.map { $0 + "  " }
    return lines.joined(separator: "\n").trailingBreakRemoved
  }

  private func footer(_ draft: DraftRequest, _ l: Language) -> String {
    "*" + t("draft.footer", l, ["version": draft.rulesVersion, "reference": draft.reference]) + "*"
  }

  private func situation(_ draft: DraftRequest, _ l: Language) -> String {
    let narrative = draft.request.narrative.map(MarkdownText.escape) ?? ""
    let body =
      narrative.isEmpty
      ? t("draft.no-narrative", l)
      : narrative.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    return "## " + t("draft.situation", l) + "\n" + body
  }

  /// What the requester told us, fact by fact, in the third person, with the words they
  /// typed along with an answer.
  private func facts(_ draft: DraftRequest, _ l: Language) -> String {
    var lines = ["## " + t("draft.facts", l)]
    let place = placeText(draft, l)
    if !place.isEmpty { lines.append("- " + t("draft.where", l) + ": " + place) }
    for fact in book.facts where !fact.derived && fact.id != "state" && fact.id != "city" {
      guard let value = draft.request.facts[fact.id] else { continue }
      let name = t(factName("fact.\(fact.id).name", l) ?? "fact.\(fact.id).name", l)
      var line = "- " + name + ": " + describe(value, fact, l)
      if let words = draft.request.notes[fact.id].map(MarkdownText.escape), !words.isEmpty {
        line += " — " + t("draft.note", l, ["words": words])
      }
      lines.append(line)
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
    for because in outcome.jurisdictionBecause { lines.append("- " + reason(because.rule, l)) }
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
        lines.append("- " + t("draft.why", l) + ": " + reason(because.rule, l))
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
      let text = OutcomeText.describe(alternatives, book: book) { key in t(factName(key, l) ?? key, l) }
      lines.append(
        "- " + t("end.possible-if", l, ["condition": text]) + " " + services.map { t("service.\($0).name", l) }.joined(separator: "; "))
    }
    return lines.joined(separator: "\n")
  }

  private func referrals(_ draft: DraftRequest, _ l: Language) -> String {
    guard !draft.outcome.referrals.isEmpty else { return "" }
    var lines = ["## " + t("draft.referrals", l)]
    for referral in draft.outcome.referrals {
      let contact = book.referrals.first { $0.id == referral.id }?.contact ?? ""
      let what =
        catalog.has("draft.referral.\(referral.id).what", in: l) ? "draft.referral.\(referral.id).what" : "referral.\(referral.id).what"
      var line = "- **" + t("referral.\(referral.id).name", l) + "**: " + t(what, l)
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
      lines.append("- **" + t("draft.unconfirmed", l) + "** " + t("draft.office-unconfirmed", l, ["email": directory.nationalEmail]))
    }
    lines.append("")
    lines.append(
      "> " + t("end.restructured", l, ["as_of": directory.asOf, "email": directory.nationalEmail, "phone": directory.nationalPhone]))
    return lines.joined(separator: "\n")
  }

  private func missing(_ draft: DraftRequest, _ l: Language) -> String {
    guard !draft.outcome.missing.isEmpty else { return "" }
    let names = draft.outcome.missing.map { t(factName("fact.\($0).name", l) ?? "fact.\($0).name", l) }.joined(separator: "; ")
    return "## " + t("draft.missing", l) + "\n" + names
  }

  /// For a fact's name key ("fact.wants.name"), the letter's third-person name key when it
  /// has one ("draft.fact.wants"); nil for any other key.
  private func factName(_ key: String, _ l: Language) -> String? {
    guard key.hasPrefix("fact."), key.hasSuffix(".name") else { return nil }
    let id = key.dropFirst("fact.".count).dropLast(".name".count)
    return catalog.has("draft.fact.\(id)", in: l) ? "draft.fact.\(id)" : nil
  }

  /// Why a rule fired, in the third person when the reason speaks to the requester.
  private func reason(_ rule: String, _ l: Language) -> String {
    catalog.has("draft.reason.\(rule)", in: l) ? t("draft.reason.\(rule)", l) : t("reason.\(rule)", l)
  }
}

extension String {
  /// Without a Markdown hard line break ("  ") at the very end.
  fileprivate var trailingBreakRemoved: String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
