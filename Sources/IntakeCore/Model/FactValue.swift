/// A known value of one fact, as a request states it or a rule derives it.
public enum FactValue: Sendable, Hashable {
  case choice(String)
  case bool(Bool)
  case set([String])
  case integer(Int)
  case text(String)

  /// The value as the scalar or list it is written as in JSON and YAML.
  public var displayValues: [String] {
    switch self {
    case .choice(let value), .text(let value): return [value]
    case .bool(let value): return [value ? "true" : "false"]
    case .set(let values): return values
    case .integer(let value): return [String(value)]
    }
  }
}
