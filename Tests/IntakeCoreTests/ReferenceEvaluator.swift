import IntakeCore

/// A deliberately naive evaluator written from the documented semantics, to check the
/// indexed one against: every rule's condition tree evaluated directly in three-valued logic,
/// derivations to a fixpoint with the documented conflict policy, services ordered by their
/// highest weight then catalogue order.
struct ReferenceEvaluator {
  struct Result: Equatable, CustomStringConvertible {
    var jurisdiction: String
    var bases: [String]
    var urgency: String
    var services: [String]
    /// Per service, the rules that recommended it, in file order.
    var serviceRules: [[String]]
    var referrals: [String]

    var description: String {
      "jurisdiction=\(jurisdiction) bases=\(bases) urgency=\(urgency) services=\(services) rules=\(serviceRules) referrals=\(referrals)"
    }
  }

  let ruleSet: RuleSet
  private let definitions: [String: FactDefinition]

  init(ruleSet: RuleSet) {
    self.ruleSet = ruleSet
    definitions = Dictionary(ruleSet.facts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  func evaluate(_ input: [String: FactValue]) -> Result {
    let derived = derive(input)
    let facts = input.merging(derived) { _, new in new }

    var weights: [String: Int] = [:]
    var because: [String: [String]] = [:]
    var referred = Set<String>()
    for rule in ruleSet.rules where tri(rule.condition, facts) == .true {
      switch rule.action {
      case .recommend(let service, let weight):
        weights[service] = max(weights[service] ?? .min, weight)
        because[service, default: []].append(rule.id)
      case .refer(let referral):
        referred.insert(referral)
      case .derive:
        break
      }
    }
    let catalogue = ruleSet.services.map(\.id)
    let services = catalogue.enumerated().filter { weights[$0.element] != nil }
      .sorted { (-weights[$0.element]!, $0.offset) < (-weights[$1.element]!, $1.offset) }.map(\.element)
    return Result(
      jurisdiction: choice("jurisdiction", derived), bases: setValues("jurisdiction_basis", derived),
      urgency: choice("urgency", derived), services: services, serviceRules: services.map { because[$0] ?? [] },
      referrals: ruleSet.referrals.map(\.id).filter(referred.contains))
  }

  private func choice(_ id: String, _ derived: [String: FactValue]) -> String {
    if case .choice(let value)? = derived[id] { return value }
    return definitions[id]?.defaultValue ?? ""
  }

  private func setValues(_ id: String, _ derived: [String: FactValue]) -> [String] {
    if case .set(let values)? = derived[id] { return values }
    return []
  }

  /// Derived facts: passes recomputing every derived fact from the previous pass's values
  /// until nothing changes (acyclic rules settle within as many passes as rules).
  func derive(_ input: [String: FactValue]) -> [String: FactValue] {
    var derived: [String: FactValue] = [:]
    for _ in 0...ruleSet.rules.count {
      let facts = input.merging(derived) { _, new in new }
      var best: [String: (priority: Int, order: Int, value: String)] = [:]
      var sets: [String: Set<String>] = [:]
      for (order, rule) in ruleSet.rules.enumerated() {
        guard case .derive(let pairs) = rule.action, tri(rule.condition, facts) == .true else { continue }
        for pair in pairs {
          guard let definition = definitions[pair.fact] else { continue }
          if definition.kind == .set {
            sets[pair.fact, default: []].formUnion(pair.values)
          } else if let current = best[pair.fact] {
            if rule.priority > current.priority || (rule.priority == current.priority && order < current.order) {
              best[pair.fact] = (rule.priority, order, pair.values[0])
            }
          } else {
            best[pair.fact] = (rule.priority, order, pair.values[0])
          }
        }
      }
      var next: [String: FactValue] = [:]
      for (fact, winner) in best { next[fact] = .choice(winner.value) }
      for (fact, values) in sets {
        next[fact] = .set(definitions[fact]!.values.filter(values.contains))
      }
      if next == derived { break }
      derived = next
    }
    return derived
  }

  /// Three-valued evaluation of a condition tree.
  func tri(_ condition: Condition, _ facts: [String: FactValue]) -> Tri {
    switch condition {
    case .all(let children, _):
      let results = children.map { tri($0, facts) }
      if results.contains(.false) { return .false }
      return results.contains(.unknown) ? .unknown : .true
    case .any(let children, _):
      let results = children.map { tri($0, facts) }
      if results.contains(.true) { return .true }
      return results.contains(.unknown) ? .unknown : .false
    case .not(let child, _):
      switch tri(child, facts) {
      case .true: return .false
      case .false: return .true
      case .unknown: return .unknown
      }
    case .leaf(let leaf):
      return tri(leaf, facts[leaf.fact])
    }
  }

  private func tri(_ leaf: Condition.Leaf, _ value: FactValue?) -> Tri {
    if leaf.op == .known || leaf.op == .unknown {
      guard case .bool(let flag) = leaf.operand else { return .false }
      let wantsKnown = (leaf.op == .known) == flag
      return (value != nil) == wantsKnown ? .true : .false
    }
    guard let value else { return .unknown }
    let holds: Bool
    switch (leaf.op, value, leaf.operand) {
    case (.equals, .choice(let v), .values(let xs)): holds = xs.count == 1 && v == xs[0]
    case (.equals, .bool(let v), .bool(let x)): holds = v == x
    case (.equals, .integer(let v), .integers(let xs)): holds = xs.count == 1 && v == xs[0]
    case (.equals, .text(let v), .values(let xs)): holds = xs.count == 1 && TextFolding.fold(v) == TextFolding.fold(xs[0])
    case (.equals, .set(let vs), .values(let xs)): holds = Set(vs) == Set(xs)
    case (.in, .choice(let v), .values(let xs)): holds = xs.contains(v)
    case (.includes, .set(let vs), .values(let xs)), (.includesAny, .set(let vs), .values(let xs)):
      holds = !Set(vs).isDisjoint(with: xs)
    case (.includesAll, .set(let vs), .values(let xs)): holds = Set(xs).isSubset(of: vs)
    case (.lessThan, .integer(let v), .integers(let xs)): holds = v < xs[0]
    case (.atMost, .integer(let v), .integers(let xs)): holds = v <= xs[0]
    case (.greaterThan, .integer(let v), .integers(let xs)): holds = v > xs[0]
    case (.atLeast, .integer(let v), .integers(let xs)): holds = v >= xs[0]
    case (.between, .integer(let v), .integers(let xs)): holds = xs.count == 2 && xs[0] <= v && v <= xs[1]
    default: holds = false
    }
    return holds ? .true : .false
  }
}

/// A small linear congruential generator (Knuth's MMIX constants): the same seed gives the
/// same requests on every platform and every run.
struct LCG {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// True with probability `percent` / 100.
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Random requests over a rule set's input facts: each fact unknown about a third of the
/// time; integers near the rules' thresholds; sets of any size, empty included.
struct RequestGenerator {
  var random: LCG
  let facts: [FactDefinition]

  init(seed: UInt64, facts: [FactDefinition]) {
    random = LCG(seed: seed)
    self.facts = facts.filter { !$0.derived }
  }

  mutating func next() -> [String: FactValue] {
    var request: [String: FactValue] = [:]
    for fact in facts where !random.chance(33) {
      switch fact.kind {
      case .choice: request[fact.id] = .choice(random.pick(fact.values))
      case .bool: request[fact.id] = .bool(random.chance(50))
      case .integer: request[fact.id] = .integer(random.pick([0, 1, 2, 3, 4, 6, 7, 8, 13, 14, 15, 29, 30, 31, 365, 400]))
      case .text: request[fact.id] = .text(random.pick(["Seattle", "Đà Nẵng", "da nang", ""]))
      case .set:
        let odds = random.pick([10, 25, 50])
        request[fact.id] = .set(fact.values.filter { _ in random.chance(odds) })
      }
    }
    return request
  }
}
