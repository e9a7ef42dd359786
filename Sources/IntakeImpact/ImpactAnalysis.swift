import IntakeCore

/// Screens requests with the base and the working rules and gathers what changes into an
/// `ImpactReport`: what a rule author sees before an edit ships (`crs-intake diff`).
public final class ImpactAnalysis {
  public let base: ImpactSide
  public let working: ImpactSide
  /// How many examples each group keeps.
  public let exampleLimit: Int
  private let edited: Set<String>
  /// Every rule id, in the working rules' file order, then the base's own.
  private let ruleOrder: [String]
  private var report = ImpactReport()
  /// The groups by their rules, in the order first seen, and each group's requests by kind of change.
  private var groupIndex: [[RuleChange]: Int] = [:]
  private var counts: [[ImpactChange: Int]] = []

  /// - Parameters:
  ///   - base: the rules before the edit.
  ///   - working: the rules after it.
  ///   - exampleLimit: how many changed requests each group shows.
  public init(base: ImpactSide, working: ImpactSide, exampleLimit: Int = 3) {
    self.base = base
    self.working = working
    self.exampleLimit = exampleLimit
    edited = RuleEdits.between(base.book.rules, working.book.rules)
    let current = working.book.rules.map(\.id)
    let known = Set(current)
    ruleOrder = current + base.book.rules.map(\.id).filter { !known.contains($0) }
  }

  /// Screens one request on both sides and records any change.
  public func add(_ subject: ImpactSubject) {
    switch subject.origin {
    case .scenario: report.sources.scenarios += 1
    case .record: report.sources.records += 1
    case .session: report.sources.sessions += 1
    case .generated: report.sources.generated += 1
    }
    let before = base.screen(subject.request)
    let after = working.screen(subject.request)
    let changes: [ImpactChange]
    var rules: [RuleChange] = []
    switch (before, after) {
    case (.rejected(let problems), .rejected):
      report.rejected.append(ImpactReport.Rejection(origin: subject.origin, problems: problems))
      return
    case (.screened(let old, let oldFiring), .screened(let new, let newFiring)):
      changes = OutcomeComparison.changes(from: old, to: new)
      if !changes.isEmpty { rules = ruleChanges(oldFiring, newFiring) }
    case (.screened, .rejected):
      changes = [.changed(.request, before: ImpactChange.accepted, after: ImpactChange.rejected)]
    case (.rejected, .screened):
      changes = [.changed(.request, before: ImpactChange.rejected, after: ImpactChange.accepted)]
    }
    report.screened += 1
    guard !changes.isEmpty else { return }
    report.changed += 1
    record(subject.origin, changes, under: rules)
  }

  /// Everything added so far; groups with the most requests first.
  public var result: ImpactReport {
    var result = report
    for index in result.groups.indices {
      // Most requests first; kinds as common in the order an outcome is read.
      result.groups[index].changes = counts[index].map { ImpactReport.ChangeCount(change: $0.key, requests: $0.value) }
        .sorted { ($1.requests, Self.rank($0.change)) < ($0.requests, Self.rank($1.change)) }
    }
    result.groups = result.groups.enumerated().sorted { ($0.element.requests, -$0.offset) > ($1.element.requests, -$1.offset) }
      .map(\.element)
    return result
  }

  private func record(_ origin: ImpactSubject.Origin, _ changes: [ImpactChange], under rules: [RuleChange]) {
    let index: Int
    if let known = groupIndex[rules] {
      index = known
    } else {
      index = report.groups.count
      groupIndex[rules] = index
      report.groups.append(ImpactReport.Group(rules: rules, requests: 0, changes: [], examples: []))
      counts.append([:])
    }
    report.groups[index].requests += 1
    // Each request counted once per kind of change.
    for key in Set(changes.map(\.summaryKey)) { counts[index][key, default: 0] += 1 }
    if report.groups[index].examples.count < exampleLimit {
      report.groups[index].examples.append(ImpactReport.Example(origin: origin, changes: changes))
    }
  }

  /// The rules a change is put down to, the first of these that is not empty: the rules that
  /// held on one side only and the edited rules that held on both (a new weight or service);
  /// the rules whose result changed otherwise (an undecided rule names a missing fact); the
  /// edited rules left undecided (their weights decide which facts are still missing); the
  /// edited rules. None when no rule changed: the change is in other data.
  private func ruleChanges(_ before: [String: RuleChange.Firing], _ after: [String: RuleChange.Firing]) -> [RuleChange] {
    var tiers: [[RuleChange]] = [[], [], [], []]
    for rule in ruleOrder {
      let change = RuleChange(
        rule: rule, base: before[rule] ?? .absent, working: after[rule] ?? .absent, edited: edited.contains(rule))
      if (change.base == .held) != (change.working == .held) || (change.base == .held && change.edited) {
        tiers[0].append(change)
      } else if change.base != change.working {
        tiers[1].append(change)
      } else if change.edited {
        tiers[change.base == .undecided ? 2 : 3].append(change)
      }
    }
    return tiers.first { !$0.isEmpty } ?? []
  }

  /// Where a kind of change sits in an outcome, then its values, so summaries read in a fixed order.
  private static func rank(_ change: ImpactChange) -> String {
    let field = ImpactChange.Field.allCases.firstIndex(of: change.field) ?? 0
    let detail: String
    switch change {
    case .added(_, let id): detail = "1" + id
    case .removed(_, let id): detail = "0" + id
    case .reordered: detail = "2"
    case .changed(_, let before, let after): detail = "3" + (before ?? "") + "\u{1}" + (after ?? "")
    }
    return (field < 10 ? "0" : "") + String(field) + detail
  }
}
