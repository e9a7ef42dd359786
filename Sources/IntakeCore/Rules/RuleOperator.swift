/// The closed set of operators a condition leaf may use. The raw value is the YAML key.
///
/// Every leaf tests one fact. When that fact is unknown the leaf is unknown (not false),
/// except `known` and `unknown`, which are never unknown themselves.
public enum RuleOperator: String, Sendable, CaseIterable {
  /// The value is exactly the operand. Choice, bool, integer, text; for a set, the same set.
  /// Example: `{ fact: request_goal, equals: respond }`
  case equals
  /// A choice value is one of the operands. Example: `{ fact: jurisdiction, in: [in_scope, assess] }`
  case `in`
  /// A set contains the operand. Example: `{ fact: settings, includes: k12_school }`
  case includes
  /// A set contains at least one of the operands. Example: `{ fact: bases, includes_any: [race, color] }`
  case includesAny = "includes_any"
  /// A set contains every operand. Example: `{ fact: wants, includes_all: [dialogue, training] }`
  case includesAll = "includes_all"
  /// An integer is less than the operand. Example: `{ fact: event_in_days, less_than: 7 }`
  case lessThan = "less_than"
  /// An integer is at most the operand. Example: `{ fact: incident_days_ago, at_most: 14 }`
  case atMost = "at_most"
  /// An integer is greater than the operand. Example: `{ fact: incident_days_ago, greater_than: 365 }`
  case greaterThan = "greater_than"
  /// An integer is at least the operand. Example: `{ fact: event_in_days, at_least: 30 }`
  case atLeast = "at_least"
  /// An integer lies in `[low, high]`, both included. Example: `{ fact: event_in_days, between: [8, 30] }`
  case between
  /// The fact has a value. Example: `{ fact: state, known: true }`
  case known
  /// The fact has no value yet. Example: `{ fact: state, unknown: true }`
  case unknown

  /// The fact kinds this operator applies to.
  public var kinds: Set<FactDefinition.Kind> {
    switch self {
    case .equals: return [.choice, .bool, .integer, .text, .set]
    case .in: return [.choice]
    case .includes, .includesAny, .includesAll: return [.set]
    case .lessThan, .atMost, .greaterThan, .atLeast, .between: return [.integer]
    case .known, .unknown: return Set(FactDefinition.Kind.allCases)
    }
  }

  /// Alternative spellings accepted in YAML (`<`, `<=`, `>`, `>=`).
  public static let aliases: [String: RuleOperator] = [
    "<": .lessThan, "<=": .atMost, ">": .greaterThan, ">=": .atLeast,
  ]
}
