import IntakeCore

/// Generates synthetic intake requests with every fact varied (and sometimes unknown), from a
/// seed, so benchmark runs and `crs-intake diff --generate` batches are repeatable.
public struct RandomRequest {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
  }

  /// A 64-bit linear congruential step (Knuth's MMIX constants), high bits returned.
  public mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 11
  }

  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// The facts of one request: each input fact present with probability 3/4.
  public mutating func facts(_ definitions: [FactDefinition]) -> [String: FactValue] {
    var facts: [String: FactValue] = [:]
    for fact in definitions where !fact.derived {
      guard below(4) != 0 else { continue }
      switch fact.kind {
      case .choice: facts[fact.id] = .choice(fact.values[below(fact.values.count)])
      case .bool: facts[fact.id] = .bool(below(2) == 1)
      case .integer: facts[fact.id] = .integer(below(60))
      case .text: facts[fact.id] = .text(["Seattle", "Houston", "San José", "Westminster", "Đà Nẵng"][below(5)])
      case .set:
        var values: [String] = []
        for value in fact.values where below(4) == 0 { values.append(value) }
        facts[fact.id] = .set(values)
      }
    }
    return facts
  }

  /// One request as a JSON line (schema crs-intake/1).
  public mutating func jsonLine(_ definitions: [FactDefinition], index: Int) -> String {
    var parts: [String] = []
    for (id, value) in facts(definitions).sorted(by: { $0.key < $1.key }) {
      let json: String
      switch value {
      case .choice(let v), .text(let v): json = "\"\(v)\""
      case .bool(let b): json = b ? "true" : "false"
      case .integer(let n): json = String(n)
      case .set(let vs): json = "[" + vs.map { "\"\($0)\"" }.joined(separator: ",") + "]"
      }
      parts.append("\"\(id)\":\(json)")
    }
    let language = below(2) == 0 ? "vi" : "en"
    return "{\"schema\":\"crs-intake/1\",\"id\":\"r\(index)\",\"language\":\"\(language)\",\"facts\":{"
      + parts.joined(separator: ",") + "}}"
  }
}
