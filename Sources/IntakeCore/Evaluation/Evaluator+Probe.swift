extension Evaluator {
  /// What trying values needs at hand: the request as it was evaluated, and room for the rules
  /// worth running for one fact.
  private struct Trial {
    let machine: Machine
    let slots: UnsafeBufferPointer<Int>
    let texts: UnsafeBufferPointer<String?>
    /// The request's own slots and known facts, put back after each value.
    let saved: UnsafeMutableBufferPointer<Int>
    let known: UInt64
    /// Services recommended already (bits).
    let base: UInt64
    /// The rules worth running for the fact being tried, and whether each is false already.
    let candidates: UnsafeMutableBufferPointer<Int>
    let falseAlready: UnsafeMutableBufferPointer<Bool>
  }

  /// The possibilities of the request last evaluated (`input`), for a book of at most 63
  /// services: for each fact of `facts` worth trying, each value rules test it for, what
  /// evaluating the request again with that value would recommend beyond what it does — but
  /// without evaluating it again. A rule that does not read the fact, directly or through a
  /// derived fact, gives what it gave, and gave no service not recommended yet; so only the rules
  /// that read it are run, of those only the ones whose service is not recommended and whose
  /// guard holds (as `act` runs them: looked up by the value of their guard fact, or by the
  /// value tried when the guard tests the fact tried), and of the derivations only those of the
  /// derived facts such a rule reads that the fact can change. Returns whether the evaluator's
  /// slots were changed (they hold the last values tried).
  func tryValues(of facts: some Sequence<Int>, _ input: FactTable, _ decision: inout Decision) -> Bool {
    var base: UInt64 = 0
    for s in decision.services { base |= 1 &<< UInt64(s) }
    let factCount = book.facts.count
    let ruleCount = max(book.actions.count, 1)
    var changed = false
    let probes = layout.probes
    texts.withUnsafeBufferPointer { texts in
      pool.withUnsafeBufferPointer { pool in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: factCount + ruleCount) { ints in
          withUnsafeTemporaryAllocation(of: Bool.self, capacity: ruleCount) { flags in
            let trial = Trial(
              machine: Machine(nodes: UnsafeBufferPointer(nodes), children: UnsafeBufferPointer(children), pool: pool),
              slots: UnsafeBufferPointer(slots), texts: texts, saved: UnsafeMutableBufferPointer(rebasing: ints[0..<factCount]),
              known: known, base: base, candidates: UnsafeMutableBufferPointer(rebasing: ints[factCount...]),
              falseAlready: flags)
            for f in 0..<factCount { trial.saved[f] = slots[f] }
            for f in facts where worthTrying(f, input, besides: base) {
              let count = candidates(for: f, trial)
              let own = probes.block[f &* factCount &+ f]
              guard count > 0 || own >= 0 else { continue }
              for slot in book.probeSlots[f] {
                let total = own >= 0 ? candidates(for: f, at: slot, own, after: count, trial) : count
                guard total > 0 else { continue }
                changed = true
                var found = services(withFact: f, at: slot, total, trial)
                while found != 0 {
                  decision.possibilities.append(Decision.Possibility(service: found.trailingZeroBitCount, fact: f, slot: slot))
                  found &= found - 1
                }
              }
              slots[f] = trial.saved[f]
            }
          }
        }
      }
    }
    return changed
  }

  /// A new mark for `probeStamp`: rules looked at since are marked with it.
  private func nextProbeEpoch() -> UInt32 {
    probeEpoch &+= 1
    if probeEpoch == 0 {
      for i in probeStamp.indices { probeStamp[i] = 0 }
      probeEpoch = 1
    }
    return probeEpoch
  }

  /// Adds action rule `r` to `trial.candidates` at `count` if it could bring a service for some
  /// value of fact `f`: not recommended yet, and not false already for a reason `f` cannot undo.
  @inline(__always)
  private func consider(_ r: Int, for f: Int, _ count: inout Int, _ trial: Trial) {
    let actions = layout.actions
    guard trial.base & (1 &<< UInt64(actions.targets[r])) == 0 else { return }
    let isFalse =
      actions.absenceMasks[r] & (1 &<< UInt64(f)) == 0
      && trial.machine.run(actions.roots[r], trial.slots, trial.texts, trial.known) == .false
    if isFalse && actions.factMasks[r] & layout.probeDerived[f] == 0 { return }
    trial.candidates[count] = r
    trial.falseAlready[count] = isFalse
    count += 1
  }

  /// Adds to `trial.candidates`, after the first `count`, the rules guarded by fact `f` itself
  /// (index block `block`) whose guard holds with `f` at `slot` and that `consider` keeps.
  /// Returns how many candidates there are then.
  private func candidates(for f: Int, at slot: Int, _ block: Int, after count: Int, _ trial: Trial) -> Int {
    var total = count
    considerRules(in: block, for: valueBits(f, slot), f, mark: nextProbeEpoch(), &total, trial)
    return total
  }

  /// Considers, once per `mark`, the rules of a probe block guarded by any of the values (bits).
  private func considerRules(in block: Int, for valueBits: UInt64, _ f: Int, mark: UInt32, _ count: inout Int, _ trial: Trial) {
    let probes = layout.probes
    var values = valueBits & probes.masks[block]
    while values != 0 {
      let v = values.trailingZeroBitCount
      values &= values - 1
      for k in probes.start[block &* 65 &+ v]..<probes.start[block &* 65 &+ v &+ 1] {
        let r = probes.rules[k]
        guard probeStamp[r] != mark else { continue }
        probeStamp[r] = mark
        consider(r, for: f, &count, trial)
      }
    }
  }

  /// Puts in `trial.candidates` the rules that could bring a service for some value of fact `f`
  /// and are not guarded by `f` itself (`candidates(for:at:_:after:_:)` adds those per value):
  /// not recommended yet, no guard or one on a known fact that holds (looked up by its value),
  /// and not false already for a reason `f` cannot undo. Three-valued logic is monotone: a rule
  /// false while `f` is unknown stays false once it is known, unless it tests whether `f` is
  /// known or reads a derived fact `f` can change. Returns how many there are.
  private func candidates(for f: Int, _ trial: Trial) -> Int {
    let probes = layout.probes
    let factCount = book.facts.count
    var count = 0
    for r in probes.unguarded[f] { consider(r, for: f, &count, trial) }
    var guards = probes.guards[f] & trial.known & ~(1 &<< UInt64(f))
    guard guards != 0 else { return count }
    let mark = nextProbeEpoch()
    while guards != 0 {
      let g = guards.trailingZeroBitCount
      guards &= guards - 1
      considerRules(in: probes.block[f &* factCount &+ g], for: valueBits(g, trial.slots[g]), f, mark: mark, &count, trial)
    }
    return count
  }

  /// The services (bits) the first `count` candidates (whose guards hold with `f` at `slot`)
  /// bring with fact `f` at `slot`: the derivations of the derived facts they read that `f`
  /// can change are run again (reusing each whose result cannot have changed), then each
  /// candidate, unless it was false already and reads no derived fact whose value changed. The derived facts are put
  /// back after; `f` is left at `slot`.
  private func services(withFact f: Int, at slot: Int, _ count: Int, _ trial: Trial) -> UInt64 {
    let actions = layout.actions
    slots[f] = slot
    var reads: UInt64 = 0
    for k in 0..<count { reads |= actions.factMasks[trial.candidates[k]] }
    guard reads != 0 else { return 0 }
    // The derived facts those rules read that `f` can change, and what they come from.
    let changeable = layout.probeDerived[f]
    var derived: UInt64 = 0
    for g in FactBits(reads & changeable) { derived |= layout.derivedReads[g] }
    derived &= changeable
    let bit = UInt64(1) &<< UInt64(f)
    var run = Run(known: trial.known | bit, epoch: epoch)
    if derived != 0 { derive(&run, trial.machine, trial.slots, trial.texts, only: derived, tried: bit) }
    var changedFacts: UInt64 = 0
    for g in FactBits(derived) {
      let was = trial.known & (1 &<< UInt64(g)) != 0
      if was != (run.known & (1 &<< UInt64(g)) != 0) || (was && slots[g] != trial.saved[g]) { changedFacts |= 1 &<< UInt64(g) }
    }
    var found: UInt64 = 0
    for k in 0..<count {
      let r = trial.candidates[k]
      let target = UInt64(1) &<< UInt64(actions.targets[r])
      if found & target != 0 { continue }
      if trial.falseAlready[k] && actions.factMasks[r] & changedFacts == 0 { continue }
      if trial.machine.run(actions.roots[r], trial.slots, trial.texts, run.known) == .true { found |= target }
    }
    for g in FactBits(derived) { slots[g] = trial.saved[g] }
    return found
  }
}
