/// Evaluates requests against one rule book. At creation it lays the compiled rules out in
/// flat buffers it owns, so evaluating a request touches no reference counts and allocates
/// nothing. Not thread-safe: use one evaluator per task.
public final class Evaluator {
  public let book: RuleBook

  // The request's facts plus the derived ones, after `evaluate`.
  let slots: UnsafeMutableBufferPointer<Int>
  private(set) var texts: [String?]
  private(set) var known: UInt64 = 0

  /// Per service: the highest weight of a rule that holds; `Int.min` when none holds.
  let weights: UnsafeMutableBufferPointer<Int>
  /// Per referral: the epoch of the last evaluation that gave it. Any number of referrals,
  /// with nothing to clear between evaluations (a 64-bit mask wrapped past 64 referrals).
  private let referralStamp: UnsafeMutableBufferPointer<UInt32>
  /// Unknown input facts that could still change the outcome.
  public private(set) var missingMask: UInt64 = 0
  let fired: UnsafeMutableBufferPointer<Int32>
  private(set) var firedCount = 0
  let firedDerivations: UnsafeMutableBufferPointer<Int32>
  private(set) var firedDerivationCount = 0

  /// Whether service `s` is recommended by the last evaluation.
  @inline(__always) func recommends(_ s: Int) -> Bool { weights[s] != .min }
  /// The action rules that held, in evaluation order.
  var firedActionRules: [Int32] { Array(fired[0..<firedCount]) }
  /// The derivation rules that held.
  var firedDerivationRules: [Int32] { Array(firedDerivations[0..<firedDerivationCount]) }

  /// Mutable state of one evaluation, kept in locals so the hot loops pay no exclusivity checks.
  struct Run {
    var known: UInt64
    var firedCount = 0
    var firedDerivationCount = 0
    var undecidedCount = 0
    var undecidedDerivationCount = 0
    var epoch: UInt32
  }

  let layout: Layout
  let nodes: UnsafeMutableBufferPointer<ConditionProgram.Node>
  let children: UnsafeMutableBufferPointer<Int32>
  let pool: [String]
  /// Each derivation's result in the last evaluation, valid where `derivationStamp` is `epoch`
  /// (a derivation whose guard fails or is unknown is not run).
  let derivationResults: UnsafeMutableBufferPointer<Tri>
  let derivationStamp: UnsafeMutableBufferPointer<UInt32>
  /// The derivations to run, as a bit set in rule order (all zero between runs).
  private let derivationSet: UnsafeMutableBufferPointer<UInt64>
  /// The derivations run whose result was unknown.
  private let undecidedDerivations: UnsafeMutableBufferPointer<Int32>
  /// Per action rule: the `probeEpoch` of the last time `tryValues` looked at it.
  let probeStamp: UnsafeMutableBufferPointer<UInt32>
  var probeEpoch: UInt32 = 0
  /// Derived choice facts: the winning rule's priority and order.
  private let winnerPriority: UnsafeMutableBufferPointer<Int>
  private let winnerOrder: UnsafeMutableBufferPointer<Int>
  private let stamp: UnsafeMutableBufferPointer<UInt32>
  private(set) var epoch: UInt32 = 0
  private let undecided: UnsafeMutableBufferPointer<Int32>

  public init(book: RuleBook) {
    self.book = book
    let factCount = book.facts.count
    slots = .filled(factCount, with: 0)
    texts = Array(repeating: nil, count: factCount)
    weights = .filled(book.services.count, with: 0)
    fired = .filled(book.actions.count, with: 0)
    firedDerivations = .filled(book.derivations.count, with: 0)
    undecided = .filled(book.actions.count, with: 0)
    layout = book.layout
    nodes = .copied(book.program.nodes)
    children = .copied(book.program.children)
    pool = book.program.textPool
    derivationResults = .filled(book.derivations.count, with: .unknown)
    derivationStamp = .filled(book.derivations.count, with: 0)
    derivationSet = .filled(layout.derivations.words, with: 0)
    undecidedDerivations = .filled(book.derivations.count, with: 0)
    probeStamp = .filled(book.actions.count, with: 0)
    winnerPriority = .filled(factCount, with: .min)
    winnerOrder = .filled(factCount, with: .max)
    stamp = .filled(book.actions.count, with: 0)
    referralStamp = .filled(book.referrals.count, with: 0)
  }

  /// Whether the last evaluation gives referral `i`.
  public func refers(_ i: Int) -> Bool { epoch != 0 && i >= 0 && i < book.referrals.count && referralStamp[i] == epoch }

  deinit {
    slots.deallocate()
    nodes.deallocate()
    children.deallocate()
    derivationResults.deallocate()
    derivationStamp.deallocate()
    derivationSet.deallocate()
    undecidedDerivations.deallocate()
    probeStamp.deallocate()
    winnerPriority.deallocate()
    winnerOrder.deallocate()
    stamp.deallocate()
    referralStamp.deallocate()
    weights.deallocate()
    fired.deallocate()
    firedDerivations.deallocate()
    undecided.deallocate()
  }

  /// The request's facts plus the derived ones, as of the last `evaluate`.
  public var table: FactTable {
    var table = FactTable(factCount: book.facts.count)
    table.known = known
    table.slots = Array(slots)
    table.texts = texts
    return table
  }

  /// Evaluates `input` (a table built by `RuleBook.table(for:)`).
  public func evaluate(_ input: FactTable) {
    evaluate(input, probe: nil)
  }

  /// Evaluates `input` with one unknown fact tried at a value (`probe`), without working
  /// out `missingMask`: cheap enough to try every value a rule tests.
  func evaluate(_ input: FactTable, probe: (fact: Int, slot: Int)?) {
    input.slots.withUnsafeBufferPointer { source in
      for i in 0..<min(source.count, slots.count) { slots[i] = source[i] }
    }
    var given = input.known
    if let probe, probe.fact < slots.count {
      slots[probe.fact] = probe.slot
      given |= 1 &<< UInt64(probe.fact)
    }
    if layout.textFacts != 0 {
      for i in texts.indices where layout.textFacts & (1 &<< UInt64(i)) != 0 { texts[i] = input.texts[i] }
    }
    for i in weights.indices { weights[i] = .min }
    epoch &+= 1
    if epoch == 0 {
      for i in stamp.indices { stamp[i] = 0 }
      for i in referralStamp.indices { referralStamp[i] = 0 }
      for i in derivationStamp.indices { derivationStamp[i] = 0 }
      epoch = 1
    }
    var run = Run(known: given, epoch: epoch)
    texts.withUnsafeBufferPointer { texts in
      pool.withUnsafeBufferPointer { pool in
        let machine = Machine(nodes: UnsafeBufferPointer(nodes), children: UnsafeBufferPointer(children), pool: pool)
        let slots = UnsafeBufferPointer(self.slots)
        derive(&run, machine, slots, texts)
        act(&run, machine, slots, texts)
        missingMask = probe == nil ? findMissing(&run, machine, slots, texts) : 0
      }
    }
    known = run.known
    firedCount = run.firedCount
    firedDerivationCount = run.firedDerivationCount
  }

  // MARK: Derivations

  /// Derives the derived facts of `only` (all of them when nil), running only the derivations
  /// that derive one of them and whose guard holds (or that have none): a derivation whose
  /// guard fails is false, one whose guard fact is unknown cannot hold, and neither changes a
  /// derived value. With `tried` (the facts made known since the last full evaluation, whose
  /// results are kept), a derivation whose result cannot have changed is not run again: one
  /// that reads neither those facts nor a fact derived again, or one already decided that reads
  /// no fact derived again and does not test whether they are known (three-valued logic is
  /// monotone: what more is known cannot undo a true or a false). Without it the results are
  /// kept, and the undecided ones listed, for `findMissing` and later trials.
  func derive(
    _ run: inout Run, _ machine: Machine, _ slots: UnsafeBufferPointer<Int>, _ texts: UnsafeBufferPointer<String?>,
    only: UInt64? = nil, tried: UInt64? = nil
  ) {
    let d = layout.derivations
    let targets = only ?? layout.derivedMask
    run.known &= ~targets
    var bits = targets
    while bits != 0 {
      let f = bits.trailingZeroBitCount
      bits &= bits - 1
      winnerPriority[f] = .min
      winnerOrder[f] = .max
    }
    let set = derivationSet
    for i in d.index.unguarded { set[i &>> 6] |= 1 &<< UInt64(i & 63) }
    var guarded = d.index.guarded & run.known
    while guarded != 0 {
      let g = guarded.trailingZeroBitCount
      guarded &= guarded - 1
      var values = valueBits(g, slots[g]) & d.index.bucketMasks[g]
      while values != 0 {
        let cell = g &* 64 &+ values.trailingZeroBitCount
        values &= values - 1
        for k in d.index.bucketStart[cell]..<d.index.bucketStart[cell + 1] {
          let i = d.index.bucketRules[k]
          set[i &>> 6] |= 1 &<< UInt64(i & 63)
        }
      }
    }
    for w in 0..<d.words {
      var word = set[w]
      set[w] = 0
      while word != 0 {
        let i = w &* 64 &+ word.trailingZeroBitCount
        word &= word - 1
        if only != nil && d.targetMasks[i] & targets == 0 { continue }
        let result: Tri
        if let tried, derivationStamp[i] == run.epoch, d.factMasks[i] & targets == 0,
          d.factMasks[i] & tried == 0 || (d.absenceMasks[i] & tried == 0 && derivationResults[i] != .unknown)
        {
          result = derivationResults[i]
        } else {
          result = machine.run(d.roots[i], slots, texts, run.known)
        }
        if tried == nil {
          derivationResults[i] = result
          derivationStamp[i] = run.epoch
          if result == .unknown {
            undecidedDerivations[run.undecidedDerivationCount] = Int32(i)
            run.undecidedDerivationCount += 1
          }
        }
        guard result == .true else { continue }
        firedDerivations[run.firedDerivationCount] = Int32(i)
        run.firedDerivationCount += 1
        let priority = d.priorities[i]
        let order = d.orders[i]
        for k in d.choiceStart[i]..<d.choiceStart[i + 1] {
          let f = d.choiceFacts[k]
          if priority > winnerPriority[f] || (priority == winnerPriority[f] && order < winnerOrder[f]) {
            winnerPriority[f] = priority
            winnerOrder[f] = order
            self.slots[f] = d.choiceValues[k]
            run.known |= 1 &<< UInt64(f)
          }
        }
        for k in d.setStart[i]..<d.setStart[i + 1] {
          let f = d.setFacts[k]
          let old = run.known & (1 &<< UInt64(f)) != 0 ? UInt64(truncatingIfNeeded: self.slots[f]) : 0
          self.slots[f] = Int(truncatingIfNeeded: old | d.setMasks[k])
          run.known |= 1 &<< UInt64(f)
        }
      }
    }
  }

  /// The value bits of slot `slot` of fact `f`, as guards test them: a set's mask, a choice's
  /// value index or a bool's 0 / 1 as one bit.
  @inline(__always) func valueBits(_ f: Int, _ slot: Int) -> UInt64 {
    if layout.setFacts & (1 &<< UInt64(f)) != 0 { return UInt64(truncatingIfNeeded: slot) }
    return slot >= 0 && slot < 64 ? 1 &<< UInt64(slot) : 0
  }

  /// Whether derivation `i`, which does not hold yet, would change a derived value if it did.
  private func wouldChange(_ i: Int, _ known: UInt64) -> Bool {
    let d = layout.derivations
    let priority = d.priorities[i]
    let order = d.orders[i]
    for k in d.choiceStart[i]..<d.choiceStart[i + 1] {
      let f = d.choiceFacts[k]
      if known & (1 &<< UInt64(f)) == 0 { return true }
      let wins = priority > winnerPriority[f] || (priority == winnerPriority[f] && order < winnerOrder[f])
      if wins && slots[f] != d.choiceValues[k] { return true }
    }
    for k in d.setStart[i]..<d.setStart[i + 1] {
      let f = d.setFacts[k]
      let old = known & (1 &<< UInt64(f)) != 0 ? UInt64(truncatingIfNeeded: slots[f]) : 0
      if old & d.setMasks[k] != d.setMasks[k] { return true }
    }
    return false
  }

  // MARK: Services and referrals

  private func act(
    _ run: inout Run, _ machine: Machine, _ slots: UnsafeBufferPointer<Int>, _ texts: UnsafeBufferPointer<String?>
  ) {
    let a = layout.actions
    var guarded = layout.actions.index.guarded & run.known
    while guarded != 0 {
      let f = guarded.trailingZeroBitCount
      guarded &= guarded - 1
      var bits = valueBits(f, slots[f]) & a.index.bucketMasks[f]
      while bits != 0 {
        let bit = bits.trailingZeroBitCount
        bits &= bits - 1
        let cell = f &* 64 &+ bit
        for k in a.index.bucketStart[cell]..<a.index.bucketStart[cell + 1] {
          let r = a.index.bucketRules[k]
          if stamp[r] != run.epoch {
            stamp[r] = run.epoch
            evaluateAction(r, &run, machine, slots, texts)
          }
        }
      }
    }
    for r in a.index.unguarded { evaluateAction(r, &run, machine, slots, texts) }
  }

  @inline(__always)
  private func evaluateAction(
    _ r: Int, _ run: inout Run, _ machine: Machine, _ slots: UnsafeBufferPointer<Int>,
    _ texts: UnsafeBufferPointer<String?>
  ) {
    let a = layout.actions
    switch machine.run(a.roots[r], slots, texts, run.known) {
    case .true:
      fired[run.firedCount] = Int32(r)
      run.firedCount += 1
      let target = a.targets[r]
      if a.isReferral[r] {
        referralStamp[target] = run.epoch
      } else if a.weights[r] > weights[target] {
        weights[target] = a.weights[r]
      }
    case .unknown:
      undecided[run.undecidedCount] = Int32(r)
      run.undecidedCount += 1
    case .false:
      break
    }
  }

  /// Whether action rule `r` holding would leave the outcome as it is: its referral is
  /// already given, or its service is already recommended at least as high.
  @inline(__always)
  private func achieved(_ r: Int, _ epoch: UInt32) -> Bool {
    let target = layout.actions.targets[r]
    if layout.actions.isReferral[r] { return referralStamp[target] == epoch }
    return weights[target] >= layout.actions.weights[r]
  }

  // MARK: Missing facts

  private func findMissing(
    _ run: inout Run, _ machine: Machine, _ slots: UnsafeBufferPointer<Int>, _ texts: UnsafeBufferPointer<String?>
  ) -> UInt64 {
    let known = run.known
    let referrals = run.epoch
    let unknownInputs = ~known & layout.inputMask
    let d = layout.derivations
    let a = layout.actions
    var missing: UInt64 = unknownInputs & layout.stateMask
    // A rule that holds because a fact is unknown may stop holding once it is known.
    for k in 0..<run.firedDerivationCount { missing |= d.absenceMasks[Int(firedDerivations[k])] & unknownInputs }
    for k in 0..<run.firedCount { missing |= a.absenceMasks[Int(fired[k])] & unknownInputs }
    for k in 0..<run.undecidedDerivationCount {
      let i = Int(undecidedDerivations[k])
      if wouldChange(i, known) { missing |= machine.undecidedFacts(d.roots[i], slots, texts, known) & unknownInputs }
    }
    // Rules never run because their guard fact is unknown could only be undecided: run one
    // only when it could add a fact not already missing (and its result could matter).
    func addGuardedByUnknown(_ index: GuardIndex, _ factMasks: [UInt64], _ roots: [Int], matters: (Int) -> Bool) {
      var guards = unknownInputs & index.guarded
      while guards != 0 {
        let f = guards.trailingZeroBitCount
        guards &= guards - 1
        for k in index.groupStart[f]..<index.groupStart[f + 1] {
          guard index.groupMasks[f] & unknownInputs & ~missing != 0 else { break }
          let i = index.groupRules[k]
          guard factMasks[i] & unknownInputs & ~missing != 0, matters(i) else { continue }
          if machine.run(roots[i], slots, texts, known) == .unknown {
            missing |= machine.undecidedFacts(roots[i], slots, texts, known) & unknownInputs
          }
        }
      }
    }
    addGuardedByUnknown(d.index, d.factMasks, d.roots) { wouldChange($0, known) }
    for k in 0..<run.undecidedCount {
      let r = Int(undecided[k])
      if !achieved(r, referrals) { missing |= machine.undecidedFacts(a.roots[r], slots, texts, known) & unknownInputs }
    }
    addGuardedByUnknown(a.index, a.factMasks, a.roots) { !achieved($0, referrals) }
    return missing
  }
}
