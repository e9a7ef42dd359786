/// The rules compiled for fast, deterministic evaluation: facts interned to indices,
/// conditions flattened, derivations ordered by dependency, and action rules indexed by the
/// fact value their guard leaf needs, so a request only evaluates rules that can apply.
///
/// Conflict policy for derived choice facts: among the rules that hold, the highest
/// `priority` wins, then the rule written first (file order). Derived sets take the union.
/// Derivations that read derived facts run after the rules that derive them; a cycle is a
/// load error, so one ordered pass reaches the fixpoint.
public struct RuleBook: Sendable {
  public let ruleSet: RuleSet
  public let facts: [FactDefinition]
  let factIndex: [String: Int]
  @usableFromInline let program: ConditionProgram
  @usableFromInline let derivations: [CompiledRule]
  @usableFromInline let actions: [CompiledRule]
  /// Facts requests may state (not derived).
  public let inputMask: UInt64
  let derivedMask: UInt64
  let stateFact: Int?
  /// Routing per value index of the `state` fact.
  let routes: [OfficeRouting]
  /// Per value index of the `state` fact, for split states: routing by `placeKey` of the city.
  let placeRoutes: [[String: OfficeRouting]]
  let cityFact: Int?
  /// The derived facts an outcome shows, when the book has them.
  let jurisdictionFact: Int?
  let jurisdictionBasisFact: Int?
  let urgencyFact: Int?
  let nationalRouting: OfficeRouting
  /// Per fact: the slots worth trying when it is unknown (`Evaluator.outcome(of:)`): each value
  /// a rule tests it for, both bools, and each integer bound.
  let probeSlots: [[Int]]
  /// Per fact: the services (bit `s`; from the 64th on, bit 63) some rule of which reads it, directly or through a
  /// derived fact.
  let servicesReading: [UInt64]
  /// Per question: its fact's index and the root of its compiled `ask_if`, if any.
  let questionFacts: [Int]
  let questionConditions: [Int?]
  /// What an evaluator of this book works from, built once with the book.
  let layout: Evaluator.Layout

  /// The most facts a rule book can hold (they are tracked in 64-bit masks).
  public static let maximumFacts = 64

  /// Compiles a rule set. Returns nil with diagnostics when a reference cannot be resolved.
  public static func compile(_ ruleSet: RuleSet) -> (RuleBook?, [Diagnostic]) {
    var compiler = RuleBookCompiler(ruleSet: ruleSet)
    return compiler.compile()
  }

  init(
    ruleSet: RuleSet, factIndex: [String: Int], program: ConditionProgram,
    derivations: [CompiledRule], actions: [CompiledRule], stateFact: Int?,
    questionFacts: [Int] = [], questionConditions: [Int?] = []
  ) {
    self.questionFacts = questionFacts
    self.questionConditions = questionConditions
    self.ruleSet = ruleSet
    self.facts = ruleSet.facts
    self.factIndex = factIndex
    self.program = program
    self.derivations = derivations
    self.actions = actions
    self.stateFact = stateFact
    var input: UInt64 = 0
    var derived: UInt64 = 0
    for (i, fact) in ruleSet.facts.enumerated() {
      if fact.derived { derived |= 1 &<< UInt64(i) } else { input |= 1 &<< UInt64(i) }
    }
    inputMask = input
    derivedMask = derived
    layout = Evaluator.Layout(
      facts: ruleSet.facts, inputMask: input, derivedMask: derived, stateFact: stateFact,
      derivations: derivations, actions: actions)

    probeSlots = Self.probes(ruleSet)
    servicesReading = Self.servicesReading(ruleSet.facts.count, derivations: derivations, actions: actions)

    let directory = ruleSet.offices
    nationalRouting = directory.routing(for: nil)
    if let stateFact {
      routes = ruleSet.facts[stateFact].values.map { directory.routing(for: $0) }
      placeRoutes = ruleSet.facts[stateFact].values.map { directory.placeRoutes(for: $0) }
    } else {
      routes = []
      placeRoutes = []
    }
    cityFact = factIndex["city"].flatMap { ruleSet.facts[$0].kind == .text ? $0 : nil }
    jurisdictionFact = factIndex["jurisdiction"]
    jurisdictionBasisFact = factIndex["jurisdiction_basis"]
    urgencyFact = factIndex["urgency"]
  }

  private static func servicesReading(_ factCount: Int, derivations: [CompiledRule], actions: [CompiledRule]) -> [UInt64] {
    // Which input facts each fact depends on: itself, and for a derived fact every fact its
    // derivations read (derivations are in dependency order, so one pass suffices).
    var dependsOn = (0..<factCount).map { UInt64(1) &<< UInt64($0) }
    for rule in derivations {
      guard case .derive(let choices, let sets) = rule.effect else { continue }
      var reads: UInt64 = 0
      var bits = rule.factMask
      while bits != 0 {
        let f = bits.trailingZeroBitCount
        bits &= bits - 1
        reads |= dependsOn[f]
      }
      for f in choices.map(\.fact) + sets.map(\.fact) { dependsOn[f] |= reads }
    }
    var reading = Array(repeating: UInt64(0), count: factCount)
    for rule in actions {
      guard case .recommend(let service, _) = rule.effect else { continue }
      // Services from the 64th on share the last bit, which is never taken as already
      // recommended (see `possibleServices`): more probes, never a service left out.
      let bit = UInt64(min(service, 63))
      var bits = rule.factMask
      while bits != 0 {
        let f = bits.trailingZeroBitCount
        bits &= bits - 1
        var inputs = dependsOn[f]
        while inputs != 0 {
          let g = inputs.trailingZeroBitCount
          inputs &= inputs - 1
          reading[g] |= 1 &<< bit
        }
      }
    }
    return reading
  }

  private static func probes(_ ruleSet: RuleSet) -> [[Int]] {
    var slots = Array(repeating: [Int](), count: ruleSet.facts.count)
    let index = Dictionary(ruleSet.facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var conditions = ruleSet.rules.map(\.condition)
    conditions += ruleSet.questions.compactMap(\.askIf)
    for leaf in conditions.flatMap(\.leaves) {
      guard let f = index[leaf.fact], !ruleSet.facts[f].derived else { continue }
      let fact = ruleSet.facts[f]
      var found: [Int] = []
      switch (fact.kind, leaf.operand) {
      case (.bool, _): found = [1, 0]
      case (.choice, .values(let values)): found = values.compactMap { fact.index(of: $0) }
      case (.set, .values(let values)): found = values.compactMap { fact.index(of: $0) }.filter { $0 < 64 }.map { 1 << $0 }
      case (.integer, .integers(let bounds)):
        for n in bounds {
          switch leaf.op {
          case .lessThan: found.append(n - 1)
          case .greaterThan: found.append(n + 1)
          default: found.append(n)
          }
        }
        found = found.filter { $0 >= (fact.minimum ?? .min) }
      default: break
      }
      for slot in found where !slots[f].contains(slot) { slots[f].append(slot) }
    }
    return slots
  }

  /// The office for a state (a value index of the `state` fact) and, where the state is split
  /// by county, the city or county typed.
  public func routing(state: Int?, city: String?) -> OfficeRouting {
    guard let state, state >= 0, state < routes.count else { return nationalRouting }
    if let city, !placeRoutes[state].isEmpty {
      let key = OfficeDirectory.placeKey(city)
      if let route = placeRoutes[state][key] ?? placeRoutes[state][key + " county"] { return route }
    }
    return routes[state]
  }

  /// Whether the office for `state` (a value index of the `state` fact) can depend on the
  /// city (a state split by county): when not, `routing(state:city:)` ignores the city.
  public func routesByPlace(_ state: Int) -> Bool {
    state >= 0 && state < placeRoutes.count && !placeRoutes[state].isEmpty
  }

  /// The index of a fact id.
  public func index(ofFact id: String) -> Int? { factIndex[id] }

  public var services: [ServiceDefinition] { ruleSet.services }
  public var referrals: [ReferralDefinition] { ruleSet.referrals }
  public var rules: [Rule] { ruleSet.rules }
  public var offices: OfficeDirectory { ruleSet.offices }
}
