import IntakeCore

/// What changes between the base and the working rules, over every request screened:
/// the changed requests grouped by the rules whose results changed, with counts and examples.
public struct ImpactReport: Sendable {
  /// The requests whose outcome changed in the same way for the same rules.
  public struct Group: Sendable {
    /// The rules whose results changed (or, when none did, the edited rules that held);
    /// empty when the change came from data other than rules (services, offices).
    public var rules: [RuleChange]
    /// How many requests are in the group.
    public var requests: Int
    /// Each kind of change with the number of requests it happened to, most first.
    public var changes: [ChangeCount]
    /// The first few requests of the group, with all their changes.
    public var examples: [Example]
  }

  /// A kind of change and how many requests of a group it happened to.
  public struct ChangeCount: Sendable {
    public var change: ImpactChange
    public var requests: Int
  }

  /// One changed request.
  public struct Example: Sendable {
    public var origin: ImpactSubject.Origin
    public var changes: [ImpactChange]
  }

  /// A request neither side could screen (its facts fit neither): nothing to compare.
  public struct Rejection: Sendable {
    public var origin: ImpactSubject.Origin
    public var problems: [RequestProblem]
  }

  /// How many requests came from each kind of source.
  public struct Sources: Sendable, Equatable {
    public var scenarios = 0
    public var records = 0
    public var sessions = 0
    public var generated = 0
  }

  /// Requests compared (both sides, or one side, screened them).
  public var screened = 0
  /// Of those, the requests whose outcome changed.
  public var changed = 0
  public var sources = Sources()
  /// Most requests first.
  public var groups: [Group] = []
  public var rejected: [Rejection] = []
}
