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

  public func render(_ outcome: Outcome) -> String {
    var lines: [String] = []
    let w = wording
    if outcome.urgency == "emergency" {
      lines.append(w.text(Self.emergencyKey(outcome)))
      lines.append("")
    }
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
              ["for_whom": w.plain("service.\(id).for_whom"), "length": w.plain("service.\(id).length"),
               "outcome": w.plain("service.\(id).outcome")])))
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
  public func officeLines(_ routing: OfficeRouting) -> [String] {
    let w = wording
    let directory = book.offices
    var lines = [w.text("end.office")]
    for (id, key) in [(routing.office, "end.office-line"), (routing.fieldOffice, "end.field-office-line")] {
      guard let id, let office = directory.office(id) else { continue }
      let details = office.details(phoneText: { w.plain("end.phone", ["phone": $0]) }, fallbackEmail: directory.nationalEmail)
      lines.append(indent(w.label(key, ["name": w.label("office.\(id).name"), "details": details])))
    }
    if !routing.confirmed {
      lines.append(indent(w.text("end.office-unconfirmed", ["email": directory.nationalEmail])))
    }
    lines.append(
      w.text(
        "end.restructured",
        ["as_of": directory.asOf, "email": directory.nationalEmail, "phone": directory.nationalPhone]))
    return lines
  }
}
