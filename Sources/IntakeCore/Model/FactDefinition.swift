/// One fact an intake request can state (or the rules can derive), with its type and values.
///
/// Facts are the vocabulary shared by requests, rules, questions and scenarios; their ids and
/// values are stable API (DESIGN.md, "Intake request, schema v1").
public struct FactDefinition: Sendable, Equatable {
  /// The kinds of value a fact can hold.
  public enum Kind: String, Sendable, CaseIterable {
    /// Exactly one of `values`.
    case choice
    /// `true` or `false`.
    case bool
    /// Any subset of `values`.
    case set
    /// A whole number at least `minimum`.
    case integer
    /// Free text (a city name).
    case text
  }

  public var id: String
  public var kind: Kind
  /// The allowed values of a choice or set fact, in display order.
  public var values: [String]
  /// Whether rules compute this fact; derived facts are never asked and never read from input.
  public var derived: Bool
  /// What the outcome shows for a derived fact no rule decided.
  public var defaultValue: String?
  /// The lowest value an integer fact accepts.
  public var minimum: Int?
  public var location: SourceLocation?

  public init(
    id: String, kind: Kind, values: [String] = [], derived: Bool = false,
    defaultValue: String? = nil, minimum: Int? = nil, location: SourceLocation? = nil
  ) {
    self.id = id
    self.kind = kind
    self.values = values
    self.derived = derived
    self.defaultValue = defaultValue
    self.minimum = minimum
    self.location = location
  }

  /// The index of `value` among `values`, or nil when the fact has no such value.
  public func index(of value: String) -> Int? {
    values.firstIndex(of: value)
  }
}
