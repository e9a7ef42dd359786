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
  /// For each fact, for each value bit, the action rules guarded by it.
  let buckets: [[[Int32]]]
  /// For each fact, the value bits that have a non-empty bucket.
  let bucketMasks: [UInt64]
  /// For each fact, every action rule guarded by it (once), and the union of their fact masks.
  let guardGroups: [[Int32]]
  let guardGroupMasks: [UInt64]
  let unguarded: [Int32]
  /// Facts requests may state (not derived).
  public let inputMask: UInt64
  let derivedMask: UInt64
  let stateFact: Int?
  /// Routing per value index of the `state` fact.
  let routes: [OfficeRouting]
  let nationalRouting: OfficeRouting
  /// Per question: its fact's index and the root of its compiled `ask_if`, if any.
  let questionFacts: [Int]
  let questionConditions: [Int?]

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

    var buckets = Array(repeating: [[Int32]](repeating: [], count: 64), count: ruleSet.facts.count)
    var bucketMasks = Array(repeating: UInt64(0), count: ruleSet.facts.count)
    var groups = Array(repeating: [Int32](), count: ruleSet.facts.count)
    var groupMasks = Array(repeating: UInt64(0), count: ruleSet.facts.count)
    var unguarded: [Int32] = []
    for (r, rule) in actions.enumerated() {
      guard let g = rule.guardFact else {
        unguarded.append(Int32(r))
        continue
      }
      groups[g].append(Int32(r))
      groupMasks[g] |= rule.factMask
      var bits = rule.guardMask
      while bits != 0 {
        let bit = bits.trailingZeroBitCount
        buckets[g][bit].append(Int32(r))
        bucketMasks[g] |= 1 &<< UInt64(bit)
        bits &= bits - 1
      }
    }
    self.buckets = buckets
    self.bucketMasks = bucketMasks
    self.guardGroups = groups
    self.guardGroupMasks = groupMasks
    self.unguarded = unguarded

    let directory = ruleSet.offices
    nationalRouting = directory.routing(for: nil)
    if let stateFact {
      routes = ruleSet.facts[stateFact].values.map { directory.routing(for: $0) }
    } else {
      routes = []
    }
  }

  /// The index of a fact id.
  public func index(ofFact id: String) -> Int? { factIndex[id] }

  public var services: [ServiceDefinition] { ruleSet.services }
  public var referrals: [ReferralDefinition] { ruleSet.referrals }
  public var rules: [Rule] { ruleSet.rules }
  public var offices: OfficeDirectory { ruleSet.offices }
}
