/// Evaluates requests against one rule book, reusing its scratch space: after the first
/// request, evaluation allocates nothing. Not thread-safe; use one evaluator per task.
public final class Evaluator {
  public let book: RuleBook
  /// The request's facts plus the derived ones, after `evaluate`.
  public private(set) var table: FactTable
  /// Per service index: one more than the highest weight of a rule that holds; 0 when none holds.
  private(set) var serviceWeights: [Int]
  /// Bit `i` set when referral `i` applies.
  public private(set) var referralMask: UInt64 = 0
  /// The action rules that hold (indices into the book's action rules), in evaluation order.
  private(set) var firedActions: [Int32] = []
  /// The derivation rules that hold, by index into the book's derivation rules.
  private(set) var firedDerivations: [Int32] = []
  /// Unknown input facts that could still change the outcome.
  public private(set) var missingMask: UInt64 = 0
  /// Derived choice facts: the winning rule's priority and order.
  private var winner: [(priority: Int, order: Int)]
  private var derivationResults: [Tri]
  private var undecided: [Int32] = []
  private var stamp: [UInt32]
  private var epoch: UInt32 = 0

  public init(book: RuleBook) {
    self.book = book
    table = FactTable(factCount: book.facts.count)
    serviceWeights = Array(repeating: 0, count: book.services.count)
    winner = Array(repeating: (Int.min, Int.max), count: book.facts.count)
    derivationResults = Array(repeating: .unknown, count: book.derivations.count)
    stamp = Array(repeating: 0, count: book.actions.count)
    firedActions.reserveCapacity(book.actions.count)
    firedDerivations.reserveCapacity(book.derivations.count)
    undecided.reserveCapacity(book.actions.count)
  }

  /// Evaluates `input` (a table built by `RuleBook.table(for:)`).
  public func evaluate(_ input: FactTable) {
    table = input
    for i in serviceWeights.indices { serviceWeights[i] = 0 }
    referralMask = 0
    firedActions.removeAll(keepingCapacity: true)
    firedDerivations.removeAll(keepingCapacity: true)
    undecided.removeAll(keepingCapacity: true)
    missingMask = 0
    epoch &+= 1
    if epoch == 0 {
      for i in stamp.indices { stamp[i] = 0 }
      epoch = 1
    }
    derive()
    act()
    findMissing()
  }

  // MARK: Derivations

  private func derive() {
    let program = book.program
    for i in winner.indices where book.derivedMask & (1 &<< UInt64(i)) != 0 {
      winner[i] = (Int.min, Int.max)
      table.clear(i)
    }
    for (i, rule) in book.derivations.enumerated() {
      let result = program.evaluate(rule.root, table)
      derivationResults[i] = result
      guard result == .true, case .derive(let choices, let sets) = rule.effect else { continue }
      firedDerivations.append(Int32(i))
      for (fact, value) in choices {
        let current = winner[fact]
        if rule.priority > current.priority || (rule.priority == current.priority && rule.order < current.order) {
          winner[fact] = (rule.priority, rule.order)
          table.set(fact, slot: value)
        }
      }
      for (fact, mask) in sets {
        let old = table.isKnown(fact) ? UInt64(truncatingIfNeeded: table.slots[fact]) : 0
        table.set(fact, slot: Int(truncatingIfNeeded: old | mask))
      }
    }
  }

  /// Whether a derivation rule that does not hold yet would change a derived value if it did.
  private func wouldChange(_ rule: CompiledRule) -> Bool {
    guard case .derive(let choices, let sets) = rule.effect else { return false }
    for (fact, value) in choices {
      if !table.isKnown(fact) { return true }
      let current = winner[fact]
      let wins = rule.priority > current.priority || (rule.priority == current.priority && rule.order < current.order)
      if wins && table.slots[fact] != value { return true }
    }
    for (fact, mask) in sets {
      let old = table.isKnown(fact) ? UInt64(truncatingIfNeeded: table.slots[fact]) : 0
      if old & mask != mask { return true }
    }
    return false
  }

  // MARK: Services and referrals

  private func act() {
    let program = book.program
    for fact in book.bucketMasks.indices {
      let present = book.bucketMasks[fact]
      guard present != 0, table.isKnown(fact) else { continue }
      let slot = table.slots[fact]
      let definitionKind = book.facts[fact].kind
      var bits: UInt64
      switch definitionKind {
      case .set: bits = UInt64(truncatingIfNeeded: slot)
      default: bits = 1 &<< UInt64(truncatingIfNeeded: slot)
      }
      bits &= present
      while bits != 0 {
        let bit = bits.trailingZeroBitCount
        bits &= bits - 1
        for r in book.buckets[fact][bit] where stamp[Int(r)] != epoch {
          stamp[Int(r)] = epoch
          run(Int(r), program)
        }
      }
    }
    for r in book.unguarded { run(Int(r), program) }
  }

  @inline(__always)
  private func run(_ r: Int, _ program: ConditionProgram) {
    let rule = book.actions[r]
    switch program.evaluate(rule.root, table) {
    case .true:
      firedActions.append(Int32(r))
      switch rule.effect {
      case .recommend(let service, let weight):
        if weight + 1 > serviceWeights[service] { serviceWeights[service] = weight + 1 }
      case .refer(let referral):
        referralMask |= 1 &<< UInt64(referral)
      case .derive:
        break
      }
    case .unknown:
      undecided.append(Int32(r))
    case .false:
      break
    }
  }

  private func achieved(_ rule: CompiledRule) -> Bool {
    switch rule.effect {
    case .recommend(let service, _): return serviceWeights[service] > 0
    case .refer(let referral): return referralMask & (1 &<< UInt64(referral)) != 0
    case .derive: return false
    }
  }

  // MARK: Missing facts

  private func findMissing() {
    let unknownInputs = ~table.known & book.inputMask
    var missing: UInt64 = 0
    if let state = book.stateFact, !table.isKnown(state) { missing |= 1 &<< UInt64(state) }
    for (i, rule) in book.derivations.enumerated() where derivationResults[i] == .unknown && wouldChange(rule) {
      missing |= rule.factMask & unknownInputs
    }
    for r in undecided where !achieved(book.actions[Int(r)]) {
      missing |= book.actions[Int(r)].factMask & unknownInputs
    }
    // Rules never evaluated because their guard fact is unknown: each could only be
    // undecided; evaluate one only when it could add a fact not already missing.
    var guards = unknownInputs
    let program = book.program
    while guards != 0 {
      let fact = guards.trailingZeroBitCount
      guards &= guards - 1
      guard fact < book.guardGroups.count, book.guardGroupMasks[fact] & unknownInputs & ~missing != 0 else { continue }
      for r in book.guardGroups[fact] {
        let rule = book.actions[Int(r)]
        guard rule.factMask & unknownInputs & ~missing != 0, !achieved(rule) else { continue }
        if program.evaluate(rule.root, table) != .false { missing |= rule.factMask & unknownInputs }
      }
    }
    missingMask = missing
  }

  /// The action rules that held, as indices into `book.actions`.
  var firedActionRules: [Int32] { firedActions }
  var firedDerivationRules: [Int32] { firedDerivations }
}
