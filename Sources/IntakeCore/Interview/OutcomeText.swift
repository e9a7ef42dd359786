/// The end of the interview in words: jurisdiction, urgency, the services best first with
/// what each is and why it fits, referrals, and the office with the 2025 restructuring note
/// and the national fallback.
public struct OutcomeText {
  public let book: RuleBook
  public let wording: Wording

  public init(book: RuleBook, wording: Wording) {
    self.book = book
    self.wording = wording
  }

  /// Everything: each service with what it is, every reason and its details, what could also
  /// fit, referrals with contacts, the office with its address, and what is still missing
  /// (`:details`, script mode). In a bilingual session, the Vietnamese block then the English.
  public func render(_ outcome: Outcome) -> String {
    emergencyLines(outcome) + wording.each(separator: "\n\n") { OutcomeText(book: book, wording: $0).details(outcome) }
  }

  /// The end screen that reads in one look: danger first, jurisdiction, urgency, the best
  /// service with its first reason, the others by name, where else to turn, the office with
  /// phone and email, and what to do next; the rest is behind `:details`.
  public func summary(_ outcome: Outcome, offersDraft: Bool = false) -> String {
    emergencyLines(outcome)
      + wording.each(separator: "\n\n") { OutcomeText(book: book, wording: $0).summaryBlock(outcome, offersDraft: offersDraft) }
  }

  /// The emergency line in every language of the session, then a blank line; empty otherwise.
  private func emergencyLines(_ outcome: Outcome) -> String {
    outcome.urgency == "emergency" ? wording.text(Self.emergencyKey(outcome)) + "\n\n" : ""
  }

  private func summaryBlock(_ outcome: Outcome, offersDraft: Bool) -> String {
    let w = wording
    var lines = [w.text("end.title"), ""]
    var jurisdiction = w.plain("value.jurisdiction.\(outcome.jurisdiction)")
    if !outcome.jurisdictionBases.isEmpty {
      jurisdiction += " — " + outcome.jurisdictionBases.map { w.plain("end.basis-short.\($0)") }.joined(separator: "; ")
    }
    lines.append(w.plain("end.jurisdiction", ["jurisdiction": jurisdiction]))
    lines.append(w.plain("end.urgency", ["urgency": w.plain("value.urgency.\(outcome.urgency)")]))
    lines.append("")
    if let best = outcome.services.first {
      lines.append(w.plain("end.best", ["name": w.plain("service.\(best.id).name")]))
      if let because = best.because.first { lines.append(indent(reason(because.rule))) }
      // Two more by name; the rest are counted (all are in :details and the draft).
      let others = outcome.services.dropFirst().map { w.plain("service.\($0.id).name") }
      if !others.isEmpty {
        var names = others.prefix(2).joined(separator: "; ")
        if others.count > 2 { names = w.plain("end.also-more", ["names": names, "count": String(others.count - 2)]) }
        lines.append(w.plain("end.also", ["names": names]))
      }
    } else {
      lines.append(w.text(outcome.jurisdiction == "out_of_scope" ? "end.no-services-out-of-scope" : "end.no-services"))
    }
    if !outcome.referrals.isEmpty {
      let names = outcome.referrals.map { w.plain("referral.\($0.id).name") }
      lines.append(w.plain("end.elsewhere", ["names": names.joined(separator: "; ")]))
    }
    lines.append("")
    lines.append(contentsOf: officeLines(outcome.office, short: true))
    lines.append("")
    lines.append(w.plain(offersDraft ? "end.next-draft" : "end.next"))
    lines.append(w.plain("end.details-hint"))
    return lines.joined(separator: "\n")
  }

  private func details(_ outcome: Outcome) -> String {
    var lines: [String] = []
    let w = wording
    lines.append(w.text("end.title"))
    lines.append("")
    var jurisdiction = w.label("value.jurisdiction.\(outcome.jurisdiction)")
    if !outcome.jurisdictionBases.isEmpty {
      let bases = outcome.jurisdictionBases.map { w.label("value.jurisdiction_basis.\($0)") }.joined(separator: "; ")
      jurisdiction += " — " + bases
    }
    lines.append(w.label("end.jurisdiction", ["jurisdiction": jurisdiction]))
    lines.append(w.label("end.urgency", ["urgency": w.label("value.urgency.\(outcome.urgency)")]))
    lines.append("")
    if outcome.services.isEmpty {
      lines.append(w.text(outcome.jurisdiction == "out_of_scope" ? "end.no-services-out-of-scope" : "end.no-services"))
    } else {
      lines.append(w.text("end.services"))
      for (n, service) in outcome.services.enumerated() {
        let id = service.id
        lines.append(w.label("end.service", ["n": String(n + 1), "name": w.label("service.\(id).name")]))
        lines.append(indent(w.text("service.\(id).what")))
        for because in service.because {
          lines.append(indent(reason(because.rule)))
        }
        lines.append(
          indent(
            w.text(
              "end.service-details",
              [
                "for_whom": w.plain("service.\(id).for_whom"), "length": w.plain("service.\(id).length"),
                "outcome": w.plain("service.\(id).outcome"),
              ])))
        if id == "spcp" { lines.append(indent(w.text("end.spcp-steps"))) }
      }
    }
    if !outcome.possibleServices.isEmpty {
      lines.append("")
      lines.append(w.text("end.possible"))
      for (alternatives, services) in Self.byCondition(outcome.possibleServices) {
        let names = services.map { w.plain("service.\($0).name") }.joined(separator: "; ")
        lines.append(indent(w.plain("end.possible-if", ["condition": describe(alternatives)]) + " " + names))
      }
    }
    if !outcome.referrals.isEmpty {
      lines.append("")
      lines.append(w.text("end.referrals"))
      for referral in outcome.referrals {
        let contact = book.referrals.first { $0.id == referral.id }?.contact ?? ""
        lines.append(w.label("end.referral", ["name": w.label("referral.\(referral.id).name")]))
        lines.append(indent(w.text("referral.\(referral.id).what")))
        if !contact.isEmpty { lines.append(indent(w.label("end.contact", ["contact": contact]))) }
      }
    }
    lines.append("")
    lines.append(contentsOf: officeLines(outcome.office))
    if !outcome.missing.isEmpty {
      lines.append("")
      let names = outcome.missing.map { w.plain("fact.\($0).name") }.joined(separator: "; ")
      lines.append(w.text("end.missing", ["facts": names]))
    }
    return lines.joined(separator: "\n")
  }

  /// The emergency line for an outcome: 911, or the local emergency number abroad.
  public static func emergencyKey(_ outcome: Outcome) -> String {
    outcome.referrals.contains { $0.id == "local_emergency" } ? "end.emergency-abroad" : "end.emergency"
  }

  /// One fact and the values of it that would bring some services ("Communities affected:
  /// Muslim, Sikh … or Hindu").
  public struct Alternatives: Hashable, Sendable {
    public var fact: String
    public var values: [FactValue]
  }

  /// Possible services grouped by what would bring them: per service, its values of one fact
  /// are merged; services needing the same values share a line. First-seen order.
  public static func byCondition(_ possibilities: [Outcome.Possibility]) -> [(Alternatives, [String])] {
    var order: [Alternatives] = []
    var services: [Alternatives: [String]] = [:]
    for possibility in possibilities {
      for fact in possibility.facts {
        let key = Alternatives(fact: fact, values: possibility.when.filter { $0.fact == fact }.map(\.value))
        if services[key] == nil { order.append(key) }
        services[key, default: []].append(possibility.id)
      }
    }
    return order.map { ($0, services[$0] ?? []) }
  }

  /// What would bring a service, in words: a yes/no fact by its value's sentence ("There was
  /// violence …"), any other by its name and values ("Where it is happening: Place of worship").
  public func describe(_ alternatives: Alternatives) -> String {
    Self.describe(alternatives, book: book) { key in wording.plain(key) }
  }

  static func describe(_ alternatives: Alternatives, book: RuleBook, _ t: (String) -> String) -> String {
    guard let fact = book.ruleSet.fact(alternatives.fact) else { return alternatives.fact }
    let words = alternatives.values.map { value -> String in
      switch value {
      case .bool(let flag): return t("value.\(fact.id).\(flag)")
      case .choice(let v): return t("value.\(fact.id).\(v)")
      case .set(let values): return values.map { t("value.\(fact.id).\($0)") }.joined(separator: ", ")
      case .integer(let n): return String(n)
      case .text(let text): return text
      }
    }
    guard let last = words.last else { return t("fact.\(fact.id).name") }
    let list = words.count > 1 ? words.dropLast().joined(separator: ", ") + " " + t("end.or") + " " + last : last
    if case .bool? = alternatives.values.first, words.count == 1 { return list }
    return t("fact.\(fact.id).name") + ": " + list
  }

  private func reason(_ rule: String) -> String {
    wording.text("end.because", ["reason": wording.plain("reason.\(rule)")])

  }

  private func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }.joined(separator: "\n")
  }

  /// The routed office, its field office, the restructuring note and the national fallback.
  /// With `short`, phone and email without the address, and the notes in brief.
  public func officeLines(_ routing: OfficeRouting, short: Bool = false) -> [String] {
    let w = wording
    let directory = book.offices
    var lines = [w.text("end.office")]
    for (id, key) in [(routing.office, "end.office-line"), (routing.fieldOffice, "end.field-office-line")] {
      guard let id, var office = directory.office(id) else { continue }
      if short { office.address = "" }
      let details = office.details(phoneText: { w.plain("end.phone", ["phone": $0]) }, fallbackEmail: directory.nationalEmail)
      lines.append(indent(w.label(key, ["name": w.label("office.\(id).name"), "details": details])))
    }
    let note = ["as_of": directory.asOf, "email": directory.nationalEmail, "phone": directory.nationalPhone]
    if short {
      // One note: an unconfirmed routing says the restructuring in the same breath.
      lines.append(w.text(routing.confirmed ? "end.restructured-short" : "end.office-unconfirmed-short", note))
      return lines
    }
    if !routing.confirmed {
      lines.append(indent(w.text("end.office-unconfirmed", ["email": directory.nationalEmail])))
    }
    lines.append(w.text("end.restructured", note))
    return lines
  }
}
