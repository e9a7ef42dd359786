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

  /// The value a fact-table slot holds for this fact (a choice's index, 0/1, the integer, or a
  /// set's bit mask).
  public func value(ofSlot slot: Int) -> FactValue {
    switch kind {
    case .choice: return .choice(values.indices.contains(slot) ? values[slot] : "")
    case .bool: return .bool(slot != 0)
    case .integer: return .integer(slot)
    case .text: return .text("")
    case .set:
      let mask = UInt64(truncatingIfNeeded: slot)
      return .set(values.indices.filter { $0 < 64 && mask & (1 &<< UInt64($0)) != 0 }.map { values[$0] })
    }
  }

  /// The index of `value` among `values`, or nil when the fact has no such value.
  public func index(of value: String) -> Int? {
    values.firstIndex(of: value)
  }
}
