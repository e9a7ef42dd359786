import IntakeCore

/// Compares the outcome of one request under the base rules with its outcome under the
/// working rules, part by part, in the order an intake officer reads an outcome.
public enum OutcomeComparison {
  /// - Parameters:
  ///   - base: the outcome with the base rules.
  ///   - working: the outcome with the working rules.
  /// - Returns: every difference; empty when the outcomes agree on every part compared.
  public static func changes(from base: Outcome, to working: Outcome) -> [ImpactChange] {
    var changes: [ImpactChange] = []
    let services = (base.services.map(\.id), working.services.map(\.id))
    changes += sets(.services, services.0, services.1)
    // Services both sides recommend, in another order: the best fit may have changed.
    let common = (services.0.filter(services.1.contains), services.1.filter(services.0.contains))
    if common.0 != common.1 { changes.append(.reordered(.services, before: common.0, after: common.1)) }
    value(.jurisdiction, base.jurisdiction, working.jurisdiction, &changes)
    changes += sets(.jurisdictionBases, base.jurisdictionBases, working.jurisdictionBases)
    value(.urgency, base.urgency, working.urgency, &changes)
    changes += sets(.referrals, base.referrals.map(\.id), working.referrals.map(\.id))
    value(.region, base.office.region, working.office.region, &changes)
    value(.office, base.office.office, working.office.office, &changes)
    value(.fieldOffice, base.office.fieldOffice, working.office.fieldOffice, &changes)
    changes += sets(.missing, base.missing, working.missing)
    return changes
  }

  private static func sets(_ field: ImpactChange.Field, _ base: [String], _ working: [String]) -> [ImpactChange] {
    base.filter { !working.contains($0) }.map { .removed(field, $0) } + working.filter { !base.contains($0) }.map { .added(field, $0) }
  }

  private static func value(_ field: ImpactChange.Field, _ base: String?, _ working: String?, _ changes: inout [ImpactChange]) {
    if base != working { changes.append(.changed(field, before: base, after: working)) }
  }
}
